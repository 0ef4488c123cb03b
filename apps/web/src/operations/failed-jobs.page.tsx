import {
  jobFailureKindLabels,
  jobFailureReasonLabels,
  type FailedJobView,
  type FailedJobsView,
} from '@commonplan/domain';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { DataTable } from '../shared/components/data-table.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatDateTime } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { listFailedJobs } from './operations.api';

const title = 'Jobs that failed for good';

function Subject({ job }: { job: FailedJobView }) {
  if (!job.subject)
    return <span className="nhsuk-u-secondary-text-colour">Not a draft or export</span>;
  return (
    <>
      {job.subject.kind === 'draft' ? 'Draft' : 'Export'} <code>{job.subject.id}</code>
    </>
  );
}

/**
 * For the instance's admins: the jobs the worker stopped trying, newest first, to watch beside the
 * metric `commonplan_jobs_failed_for_good_total`. Names where each ran and why in a word; never a
 * plan's text, which admins do not read (decision 3).
 */
export function FailedJobsPage() {
  useDocumentTitle(title);
  const failed = useApiResource<FailedJobsView>('failed-jobs', (signal) => listFailedJobs(signal));
  if (failed.error)
    return <LoadError error={failed.error} what="the failed jobs" retry={failed.reload} />;

  return (
    <>
      <Breadcrumbs items={[{ text: 'Footprints', to: '/' }]} />
      <span className="nhsuk-caption-l">Running the service</span>
      <h1 className="nhsuk-heading-l">{title}</h1>
      <p className="nhsuk-body">
        The worker stops trying a job that would fail the same way every time (damaged stored text,
        data the job does not take) at once, and any other job once it has used all its tries. The
        partnership’s leads see why on the draft’s page and can try again once the cause is put
        right; a job that then succeeds leaves this list.
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={failed.reload}
        disabled={failed.loading}
      >
        Check again
      </button>
      {!failed.data ? <LoadingMessage text="Loading failed jobs…" /> : null}
      {failed.data && failed.data.jobs.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            No job has failed for good. When one does, it is listed here with where it ran and why.
          </p>
        </div>
      ) : null}
      {failed.data && failed.data.jobs.length > 0 ? (
        <>
          {failed.data.total > failed.data.jobs.length ? (
            <p className="nhsuk-body">
              The newest {failed.data.jobs.length} of {failed.data.total}.
            </p>
          ) : null}
          <DataTable
            caption={title}
            headings={['Failed', 'Queue and job', 'What it was making', 'Tries', 'Why']}
          >
            {failed.data.jobs.map((job) => (
              <tr className="nhsuk-table__row" key={`${job.queue}:${job.jobId}`}>
                <td className="nhsuk-table__cell">{formatDateTime(job.failedAt)}</td>
                <td className="nhsuk-table__cell">
                  {job.queue}: <code>{job.jobName}</code>
                  <br />
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                    Job <code>{job.jobId}</code>
                  </span>
                </td>
                <td className="nhsuk-table__cell">
                  <Subject job={job} />
                </td>
                <td className="nhsuk-table__cell">{job.attempts}</td>
                <td className="nhsuk-table__cell">
                  {jobFailureReasonLabels[job.reason]}
                  <br />
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                    {jobFailureKindLabels[job.kind]}
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  );
}
