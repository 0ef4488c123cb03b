import { useId } from 'react';
import { labelEvery, niceScale } from './chart-scale';

export interface ChartSeries {
  key: string;
  label: string;
  /** A fill colour; each series is also named in the legend and the table, never by colour alone. */
  colour: string;
}

export interface ChartPoint {
  label: string;
  values: Record<string, number>;
}

interface BarChartProps {
  title: string;
  /** Shown instead of the chart when every figure is zero. */
  emptyText: string;
  description: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  points: ChartPoint[];
  /** The short label under each bar; by default a day's month and day (from YYYY-MM-DD). */
  tickLabel?: (label: string) => string;
}

const width = 640;
const height = 260;
const margin = { top: 12, right: 12, bottom: 48, left: 56 };

/**
 * A bar chart drawn as SVG (stacked when there are several series), with a title and description
 * for screen readers, labelled axes, a legend, and the same figures as a table under a `<details>`.
 */
export function BarChart({
  title,
  emptyText,
  description,
  xLabel,
  yLabel,
  series,
  points,
  tickLabel = (label) => label.slice(5),
}: BarChartProps) {
  const id = useId();
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = points.map((p) => series.reduce((sum, s) => sum + (p.values[s.key] ?? 0), 0));
  const { top, ticks } = niceScale(Math.max(0, ...totals));
  const slot = plotWidth / Math.max(1, points.length);
  const barWidth = Math.min(40, Math.max(1, slot * 0.7));
  const every = labelEvery(points.length);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;

  if (totals.every((total) => total === 0))
    return (
      <figure className="app-chart-figure">
        <figcaption className="nhsuk-heading-s">{title}</figcaption>
        <p className="nhsuk-body">{emptyText}</p>
      </figure>
    );
  return (
    <figure className="app-chart-figure">
      <figcaption className="nhsuk-heading-s" aria-hidden="true">
        {title}
      </figcaption>
      <svg
        className="app-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="#d8dde0"
            />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          let base = 0;
          const x = margin.left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={point.label}>
              {series.map((s) => {
                const value = point.values[s.key] ?? 0;
                if (value === 0) return null;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    width={barWidth}
                    y={y(base + value)}
                    height={y(base) - y(base + value)}
                    fill={s.colour}
                  >
                    <title>{`${point.label}: ${value} ${s.label.toLowerCase()}`}</title>
                  </rect>
                );
                base += value;
                return rect;
              })}
              {index % every === 0 ? (
                <text x={x + barWidth / 2} y={height - margin.bottom + 16} textAnchor="middle">
                  {tickLabel(point.label)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line
          x1={margin.left}
          x2={margin.left}
          y1={margin.top}
          y2={margin.top + plotHeight}
          stroke="#425563"
        />
        <line
          x1={margin.left}
          x2={width - margin.right}
          y1={margin.top + plotHeight}
          y2={margin.top + plotHeight}
          stroke="#425563"
        />
        <text x={margin.left + plotWidth / 2} y={height - 8} textAnchor="middle">
          {xLabel}
        </text>
        <text
          transform={`translate(14 ${margin.top + plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
      </svg>
      {series.length > 1 ? (
        <ul className="nhsuk-list app-chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <svg width="14" height="14" focusable="false">
                <rect width="14" height="14" fill={s.colour} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{title}: the figures as a table</span>
        </summary>
        <div className="nhsuk-details__text nhsuk-table-container">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  {xLabel}
                </th>
                {series.map((s) => (
                  <th
                    className="nhsuk-table__header nhsuk-table__header--numeric"
                    scope="col"
                    key={s.key}
                  >
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {points.map((point) => (
                <tr className="nhsuk-table__row" key={point.label}>
                  <th className="nhsuk-table__header" scope="row">
                    {point.label}
                  </th>
                  {series.map((s) => (
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric" key={s.key}>
                      {point.values[s.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
