import type { CommentThreadView } from '@commonplan/domain';
import type { CollabError } from './collab-errors.js';
import type { ClientEvent, ServerEvent } from './collab-events.js';

/** Yjs bytes on the wire: a Buffer on Node, an ArrayBuffer or Uint8Array in browsers. */
export type Binary = Uint8Array | ArrayBuffer;

export interface SectionRef {
  sectionId: string;
}

export interface CollabLimits {
  /** Largest single update accepted, in bytes. */
  maxUpdateBytes: number;
  /** Largest encoded section document accepted, in bytes. */
  maxDocumentBytes: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
}

/**
 * Joining a section. With the client's state vector (`Y.encodeStateVector`), the server answers
 * with `sync:step2` straight after the acknowledgement, and the client need not send `sync:step1`.
 */
export interface JoinMessage extends SectionRef {
  stateVector?: Binary;
}

export type JoinAck =
  | {
      ok: true;
      sectionId: string;
      canEdit: boolean;
      limits: CollabLimits;
      /** True when the join carried a state vector and `sync:step2` follows in answer to it. */
      syncFollows?: boolean;
    }
  | { ok: false; error: CollabError };

export interface SyncStep1Message extends SectionRef {
  stateVector: Binary;
}

export interface UpdateMessage extends SectionRef {
  update: Binary;
}

export type UpdateAck = { ok: true } | { ok: false; error: CollabError };

export interface AwarenessMessage extends SectionRef {
  update: Binary;
}

export interface AccessChangedMessage extends SectionRef {
  /** `read` keeps the section open read-only; `none` means the person left it. */
  access: 'edit' | 'read' | 'none';
}

/** A comment thread changed: everyone in the section's room receives the thread as it is now. */
export interface ThreadChangedMessage extends SectionRef {
  thread: CommentThreadView;
}

/** Why a section changed, for pages to say so and to refresh what they show. */
export interface SectionChangedMessage extends SectionRef {
  reason: 'review';
  /** The section's review status after the change. */
  reviewStatus: 'draft' | 'in_review' | 'changes_requested' | 'approved';
  /** Who made the change. */
  actorId: string;
}

/**
 * A notification as it is pushed live: the same shape as an item of `GET /api/notifications`, so
 * a client can put it straight into its list, plus the person's unread count after it.
 */
export interface NotificationMessage {
  notification: {
    id: string;
    kind: string;
    footprintId: string;
    planId: string | null;
    sectionId: string | null;
    actor: { id: string; name: string } | null;
    text: string;
    link: string;
    readAt: string | null;
    createdAt: string;
  };
  unread: number;
}

/** The typed event map for socket.io clients (`Socket<ServerToClientEvents, ClientToServerEvents>`). */
export interface ClientToServerEvents {
  [ClientEvent.Join]: (message: JoinMessage, ack: (result: JoinAck) => void) => void;
  [ClientEvent.Leave]: (message: SectionRef) => void;
  [ClientEvent.SyncStep1]: (message: SyncStep1Message) => void;
  [ClientEvent.Update]: (message: UpdateMessage, ack: (result: UpdateAck) => void) => void;
  [ClientEvent.Awareness]: (message: AwarenessMessage) => void;
}

export interface ServerToClientEvents {
  [ServerEvent.SyncStep1]: (message: SyncStep1Message) => void;
  [ServerEvent.SyncStep2]: (message: UpdateMessage) => void;
  [ServerEvent.Update]: (message: UpdateMessage) => void;
  [ServerEvent.Awareness]: (message: AwarenessMessage) => void;
  [ServerEvent.Error]: (error: CollabError) => void;
  [ServerEvent.AccessChanged]: (message: AccessChangedMessage) => void;
  [ServerEvent.ThreadChanged]: (message: ThreadChangedMessage) => void;
  [ServerEvent.SectionChanged]: (message: SectionChangedMessage) => void;
  [ServerEvent.Notification]: (message: NotificationMessage) => void;
}

/** Turns whatever socket.io delivered into bytes, or null when it is not binary at all. */
export function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A section reference as sent by a client: an object with a UUID `sectionId`, or null. */
export function readSectionId(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const sectionId = (message as { sectionId?: unknown }).sectionId;
  return typeof sectionId === 'string' && uuidPattern.test(sectionId)
    ? sectionId.toLowerCase()
    : null;
}
