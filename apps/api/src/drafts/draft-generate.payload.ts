/** The one thing a draft job needs: which draft. Everything else is re-read from PostgreSQL. */
export interface DraftGeneratePayload {
  draftId: string;
}

/** The job id of a draft's job: one job per draft, so asking or retrying never makes a second. */
export function draftJobId(draftId: string): string {
  return `draft-${draftId}`;
}

/** The draft a job id belongs to, or null for a job id of another form. */
export function draftIdOfJob(jobId: string | undefined): string | null {
  const match = /^draft-([0-9a-f-]{36})$/.exec(jobId ?? '');
  return match?.[1] ?? null;
}
