/**
 * The real-time channel: socket.io on the API's own origin at `/socket.io`, authenticated at the
 * handshake by the same session cookie as the REST API. One connection can hold several sections;
 * every message names its section. Yjs payloads travel as binary (Uint8Array).
 */
export const collabPath = '/socket.io';

/** Events a client sends. */
export const ClientEvent = {
  /** Ask to join a section's room; the acknowledgement says whether, and whether you may edit. */
  Join: 'section:join',
  Leave: 'section:leave',
  /** Yjs sync step 1: "here is my state vector, send me what I lack". */
  SyncStep1: 'sync:step1',
  /** A Yjs update made by this client; acknowledged once durable in PostgreSQL. */
  Update: 'sync:update',
  /** A y-protocols awareness update for this client's own state (cursor, name, colour). */
  Awareness: 'awareness:update',
} as const;

/** Events the server sends. */
export const ServerEvent = {
  /** Yjs sync step 1 from the server: the client answers with `sync:update` for what the server lacks. */
  SyncStep1: 'sync:step1',
  /** Yjs sync step 2: everything the client lacked, as one update. */
  SyncStep2: 'sync:step2',
  /** Someone else's update, already applied on the server. */
  Update: 'sync:update',
  Awareness: 'awareness:update',
  /** Something the client sent was refused; the message says what to do. */
  Error: 'collab:error',
  /** The person's access to a section changed while they were in it. */
  AccessChanged: 'section:access',
  /**
   * A comment thread of the section was started, replied to, edited, resolved or reopened; the
   * message carries the whole thread as `GET /api/sections/:sectionId/threads` shows it.
   */
  ThreadChanged: 'thread:changed',
  /**
   * A section's details changed (its review status, after a decision): sent to everyone in the
   * section's room, so pages showing it refresh.
   */
  SectionChanged: 'section:changed',
  /** A new notification for the signed-in person, sent to every tab they have open. */
  Notification: 'notification:new',
} as const;

export type ClientEventName = (typeof ClientEvent)[keyof typeof ClientEvent];
export type ServerEventName = (typeof ServerEvent)[keyof typeof ServerEvent];
