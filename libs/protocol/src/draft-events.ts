import type { DraftExportSummary, DraftSummary } from '@commonplan/domain';
import type { CollabError } from './collab-errors.js';

/**
 * Live progress of a plan's drafts, on the same socket.io connection as co-editing. A browser on a
 * plan's drafts page watches the plan; the server then sends `draft:changed` with the draft's
 * summary each time a draft of that plan changes (queued, each section rendered, ready, failed),
 * and `draft-export:changed` with an export's summary each time an export of one of the plan's
 * drafts changes (queued, generating, ready with its download link, failed with the reason).
 */
export const DraftClientEvent = {
  /** Start receiving a plan's draft changes; acknowledged with whether you may. */
  Watch: 'drafts:watch',
  Unwatch: 'drafts:unwatch',
} as const;

export const DraftServerEvent = {
  /** A draft of a watched plan changed; the payload is the whole summary, so the last one wins. */
  Changed: 'draft:changed',
  /** An export of a watched plan's draft changed; the payload is the whole export summary. */
  ExportChanged: 'draft-export:changed',
} as const;

export interface PlanRef {
  planId: string;
}

export type WatchDraftsAck = { ok: true; planId: string } | { ok: false; error: CollabError };

export interface DraftClientToServerEvents {
  [DraftClientEvent.Watch]: (message: PlanRef, ack: (result: WatchDraftsAck) => void) => void;
  [DraftClientEvent.Unwatch]: (message: PlanRef) => void;
}

export interface DraftServerToClientEvents {
  [DraftServerEvent.Changed]: (draft: DraftSummary) => void;
  [DraftServerEvent.ExportChanged]: (draftExport: DraftExportSummary) => void;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A plan reference as sent by a client: an object with a UUID `planId`, or null. */
export function readPlanId(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const planId = (message as { planId?: unknown }).planId;
  return typeof planId === 'string' && uuidPattern.test(planId) ? planId.toLowerCase() : null;
}
