import type { ConsultationSectionCount } from '@commonplan/domain';
import { BarChart, type ChartSeries } from '../dashboard/bar-chart.component';

const series: ChartSeries[] = [
  { key: 'accepted', label: 'Accepted', colour: '#007f3b' },
  { key: 'pending', label: 'Waiting for a decision', colour: '#768692' },
];

function shortTitle(title: string): string {
  return title.length > 16 ? `${title.slice(0, 15)}…` : title;
}

/** Responses per section, accepted and waiting, as a stacked bar chart with its table. */
export function ConsultationCounts({ bySection }: { bySection: ConsultationSectionCount[] }) {
  return (
    <BarChart
      title="Responses by section"
      emptyText="No responses have been accepted or are waiting for a decision yet."
      description="For the whole draft and each section: how many responses were accepted and how many are waiting for a lead to decide. Responses held as spam or rejected are not counted."
      xLabel="Section"
      yLabel="Responses"
      series={series}
      points={bySection.map((entry) => ({
        label: entry.title,
        values: { accepted: entry.accepted, pending: entry.pending },
      }))}
      tickLabel={shortTitle}
    />
  );
}
