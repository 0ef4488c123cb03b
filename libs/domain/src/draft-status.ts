/**
 * A draft's life: asked for (`queued`), being made by the worker (`generating`), then `ready`, or
 * `failed` with a reason a lead can read, from where it can be tried again.
 */
export const draftStatuses = ['queued', 'generating', 'ready', 'failed'] as const;
export type DraftStatus = (typeof draftStatuses)[number];

export const draftStatusLabels: Record<DraftStatus, string> = {
  queued: 'Queued',
  generating: 'Generating',
  ready: 'Ready',
  failed: 'Failed',
};

/** A draft's label ("Board pack, March") is short: it names the draft in lists. */
export const draftLabelMaxLength = 120;

/** The `Idempotency-Key` a client may send when asking for a draft: asking again with it gives the same draft. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_:-]{8,100}$/;
