/**
 * Jobs the worker stopped trying, as the instance's operators see them (`GET
 * /api/operations/failed-jobs`). Operators run the service but do not read plans (decision 3), so
 * a failed job is described by where it ran and why in a word, never by a plan's or section's
 * text or title.
 */

/**
 * `unrecoverable`: the job would fail the same way on every try (its stored data is damaged, its
 * payload is wrong), so it was not tried again. `gave_up`: it failed on every try it was allowed,
 * or its worker died too often while running it.
 */
export const jobFailureKinds = ['unrecoverable', 'gave_up'] as const;
export type JobFailureKind = (typeof jobFailureKinds)[number];

export const jobFailureReasons = [
  'damaged_text',
  'draft_not_ready',
  'invalid_payload',
  'unknown_job',
  'worker_stalled',
  'unexpected',
] as const;
export type JobFailureReason = (typeof jobFailureReasons)[number];

export const jobFailureKindLabels: Record<JobFailureKind, string> = {
  unrecoverable: 'Not retried: it would fail the same way every time',
  gave_up: 'Retried until no tries were left',
};

export const jobFailureReasonLabels: Record<JobFailureReason, string> = {
  damaged_text: 'Stored section text is damaged',
  draft_not_ready: 'The draft to export is not ready',
  invalid_payload: 'The job’s data is not valid',
  unknown_job: 'No handler for this job',
  worker_stalled: 'Its worker stopped too many times',
  unexpected: 'An unexpected error (see the worker’s log)',
};

/** What a job was about: the draft or export whose page says more to its partnership's leads. */
export interface FailedJobSubject {
  kind: 'draft' | 'export';
  id: string;
}

export interface FailedJobView {
  queue: string;
  jobName: string;
  jobId: string;
  subject: FailedJobSubject | null;
  /** Tries made, this one included. */
  attempts: number;
  failedAt: string;
  kind: JobFailureKind;
  reason: JobFailureReason;
}

/** The newest failed jobs first, with how many are kept in all. */
export interface FailedJobsView {
  jobs: FailedJobView[];
  total: number;
}
