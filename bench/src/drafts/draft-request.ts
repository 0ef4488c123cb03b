/** Asking the API for a draft of a plan over REST, and waiting for it to be ready. */
import type { DraftSummary } from '@commonplan/domain';
import { sleep } from '../collab/clock.js';

export interface ReadyDraft {
  draftId: string;
  /** From sending the request to its answer. */
  requestMs: number;
  /** From sending the request to the draft's status reading `ready`. */
  readyMs: number;
  words: number | null;
}

export async function requestDraftAndWait(
  baseUrl: string,
  cookie: string,
  planId: string,
  label: string,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<ReadyDraft> {
  const { pollMs = 20, timeoutMs = 10 * 60_000 } = options;
  const headers = { 'content-type': 'application/json', origin: baseUrl, cookie };
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/plans/${planId}/drafts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ label }),
  });
  if (response.status !== 201)
    throw new Error(`draft request failed: ${response.status} ${await response.text()}`);
  const requestMs = performance.now() - started;
  const draft = (await response.json()) as DraftSummary;
  for (;;) {
    const listing = await fetch(`${baseUrl}/api/plans/${planId}/drafts`, { headers });
    if (listing.status !== 200) throw new Error(`listing drafts failed: ${listing.status}`);
    const mine = ((await listing.json()) as DraftSummary[]).find((d) => d.id === draft.id);
    if (!mine) throw new Error(`draft ${draft.id} is missing from the plan's drafts`);
    if (mine.status === 'ready')
      return {
        draftId: draft.id,
        requestMs,
        readyMs: performance.now() - started,
        words: mine.words,
      };
    if (mine.status === 'failed') throw new Error(`draft failed: ${mine.failureReason}`);
    if (performance.now() - started > timeoutMs)
      throw new Error(`draft ${draft.id} was not ready after ${timeoutMs} ms`);
    await sleep(pollMs);
  }
}
