import {
  asBytes,
  ClientEvent,
  collabError,
  ServerEvent,
  type AccessChangedMessage,
  type AwarenessMessage,
  type CollabError,
  type CollabErrorCode,
  type CollabLimits,
  type JoinAck,
  type SyncStep1Message,
  type UpdateAck,
  type UpdateMessage,
} from '@commonplan/protocol';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createCollabSocket, handshakeRefusal, type CollabSocket } from './collab-socket.js';
import { nextStatus, type ProviderStatus, type StatusEvent } from './provider-status.js';
import {
  defaultReconnectPolicy,
  reconnectDelay,
  type ReconnectPolicy,
} from './reconnect-backoff.js';
import { reconnectorFor, type SocketReconnection } from './socket-reconnector.js';
import { TypedEmitter } from './typed-emitter.js';
import { UnacknowledgedChanges } from './unacknowledged-changes.js';

/** Who is editing, as others see them next to the caret and in the list of people present. */
export interface CollabUser {
  name: string;
  /** `#rrggbb`; see `userColour()`. */
  color: string;
  /** Lets others count one person once however many tabs they have open. */
  id?: string;
}

export type SectionAccess = AccessChangedMessage['access'];

export interface SectionProviderOptions {
  /** The API's origin. */
  url: string;
  sectionId: string;
  doc?: Y.Doc;
  awareness?: Awareness;
  user?: CollabUser;
  /** Node only: the session cookie and origin for the handshake. */
  headers?: { cookie?: string; origin?: string };
  /** A socket shared by several providers (see `createCollabSocket`); the provider does not close it. */
  socket?: CollabSocket;
  reconnect?: Partial<ReconnectPolicy>;
  /** Connect at once (the default), or wait for `connect()`. */
  connect?: boolean;
  /** How long to wait for the server to answer a join or acknowledge an update. */
  ackTimeoutMs?: number;
  /** At most one presence message per this many milliseconds. */
  awarenessIntervalMs?: number;
}

export interface SectionProviderEvents {
  status: ProviderStatus;
  /** The section's text has arrived from the server (after every join). */
  synced: undefined;
  /** Every local change has been acknowledged as durable. */
  saved: undefined;
  /** How many local changes are not yet durable, whenever it changes. */
  unacknowledged: number;
  error: CollabError;
  /** What this person may do in the section: from each join, and when their role changes. */
  access: SectionAccess;
}

/** Refusals of a join that can pass on their own; anything else needs the person to act. */
const retryableJoinErrors: ReadonlySet<CollabErrorCode> = new Set([
  'rate_limited',
  'persistence_unavailable',
  'internal_error',
]);

/**
 * Refusals of an update that can pass on their own: the same bytes are sent again later. An update
 * out of order follows an earlier one still on its way (refused for the rate and due again).
 */
const retryableUpdateErrors: ReadonlySet<CollabErrorCode> = new Set([
  'rate_limited',
  'persistence_unavailable',
  'internal_error',
  'update_out_of_order',
]);

/**
 * Keeps one section's Y.Doc and presence in step with the server over socket.io, in a browser or in
 * Node. Local changes are sent as they happen and counted until the server acknowledges them as
 * durable; changes made while offline stay in the document and travel in the catch-up update sent
 * after the next join. Every reconnect joins and syncs again from scratch.
 */
export class SectionProvider extends TypedEmitter<SectionProviderEvents> {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly sectionId: string;
  readonly socket: CollabSocket;

  private currentStatus: ProviderStatus = 'connecting';
  private currentCanEdit: boolean | null = null;
  private currentLimits: CollabLimits | null = null;
  private readonly changes = new UnacknowledgedChanges();
  /** The bytes of each update in flight, by message id, to send again after a timeout. */
  private readonly inFlight = new Map<number, Uint8Array>();
  /**
   * Messages to send again (refused for the rate or out of order, or unanswered), with a timer
   * that sends them together; while any wait, new changes join them instead of going out alone.
   */
  private readonly dueAgain = new Set<number>();
  private resendTimer: ReturnType<typeof setTimeout> | null = null;
  private resendAttempt = 0;
  /**
   * The bytes of changes whose acknowledgement a dropped connection took with it, sent again with
   * the next join's catch-up. The server's state vector may cover them without their being saved:
   * an instance that took them and passed them to the others can die before its commit, and the
   * instance we reach next holds them only in memory.
   */
  private unconfirmed: Uint8Array[] = [];
  private readonly ownsSocket: boolean;
  private readonly ownsAwareness: boolean;
  private readonly reconnection: SocketReconnection;
  private readonly policy: ReconnectPolicy;
  private readonly ackTimeoutMs: number;
  private readonly awarenessIntervalMs: number;

  /** Bumped on every join and every drop, so late answers from an older connection are ignored. */
  private generation = 0;
  private joined = false;
  /** The catch-up exchange after a join is done: local changes may go out one by one. */
  private caughtUp = false;
  private serverStep1: Uint8Array | null = null;
  private active = false;
  private destroyed = false;
  private joinAttempt = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private awarenessTimer: ReturnType<typeof setTimeout> | undefined;
  private awarenessSentAt = 0;
  private lastUnacknowledged = 0;

  constructor(options: SectionProviderOptions) {
    super();
    this.sectionId = options.sectionId.toLowerCase();
    this.doc = options.doc ?? new Y.Doc();
    this.ownsAwareness = !options.awareness;
    this.awareness = options.awareness ?? new Awareness(this.doc);
    this.ownsSocket = !options.socket;
    this.socket =
      options.socket ?? createCollabSocket({ url: options.url, headers: options.headers });
    this.policy = { ...defaultReconnectPolicy, ...options.reconnect };
    this.ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
    this.awarenessIntervalMs = options.awarenessIntervalMs ?? 100;
    this.reconnection = reconnectorFor(this.socket, this.policy);
    if (options.user) this.awareness.setLocalStateField('user', options.user);

    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    if (options.connect ?? true) this.connect();
  }

  get status(): ProviderStatus {
    return this.currentStatus;
  }

  /** Whether this person may change the text: null until the first join is answered. */
  get canEdit(): boolean | null {
    return this.currentCanEdit;
  }

  get limits(): CollabLimits | null {
    return this.currentLimits;
  }

  /** Local changes not yet acknowledged as durable, including those made offline. */
  get unacknowledged(): number {
    return this.changes.count;
  }

  /** Resolves once the section's text has arrived; rejects if the server refuses this person. */
  synced(): Promise<void> {
    if (this.currentStatus === 'synced') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const stopSynced = this.on('synced', () => {
        stopSynced();
        stopStatus();
        resolve();
      });
      const stopStatus = this.on('status', (status) => {
        if (status !== 'refused') return;
        stopSynced();
        stopStatus();
        reject(new Error('the server refused to open this section'));
      });
    });
  }

  /** Resolves once every local change made so far is durable on the server. */
  saved(): Promise<void> {
    if (this.changes.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.on('saved', () => {
        stop();
        resolve();
      });
    });
  }

  /** Connects and joins; after a refusal, tries again. */
  connect(): void {
    if (this.destroyed) throw new Error('this section provider has been destroyed');
    if (this.active) {
      if (this.currentStatus !== 'refused') return;
      this.dispatch({ type: 'connect' });
      if (this.socket.connected) this.join();
      else this.reconnection.start();
      return;
    }
    this.active = true;
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.socket.on(ServerEvent.SyncStep1, this.onServerStep1);
    this.socket.on(ServerEvent.SyncStep2, this.onServerStep2);
    this.socket.on(ServerEvent.Update, this.onServerUpdate);
    this.socket.on(ServerEvent.Awareness, this.onServerAwareness);
    this.socket.on(ServerEvent.Error, this.onServerError);
    this.socket.on(ServerEvent.AccessChanged, this.onAccessChanged);
    this.dispatch({ type: 'connect' });
    if (this.socket.connected) this.join();
    else this.reconnection.start();
  }

  /** Leaves the section and goes offline; edits made meanwhile are sent after `connect()`. */
  disconnect(): void {
    if (!this.active) return;
    if (this.socket.connected && this.joined)
      this.socket.emit(ClientEvent.Leave, { sectionId: this.sectionId });
    this.active = false;
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    this.socket.off(ServerEvent.SyncStep1, this.onServerStep1);
    this.socket.off(ServerEvent.SyncStep2, this.onServerStep2);
    this.socket.off(ServerEvent.Update, this.onServerUpdate);
    this.socket.off(ServerEvent.Awareness, this.onServerAwareness);
    this.socket.off(ServerEvent.Error, this.onServerError);
    this.socket.off(ServerEvent.AccessChanged, this.onAccessChanged);
    if (this.ownsSocket) {
      this.reconnection.stop();
      this.socket.disconnect();
    }
    this.connectionLost();
  }

  destroy(): void {
    if (this.destroyed) return;
    if (this.socket.connected && this.joined) {
      // Gone at once for the others, rather than when the server notices the leave.
      this.awareness.setLocalState(null);
      this.sendAwarenessNow();
    }
    this.disconnect();
    this.destroyed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    if (this.ownsAwareness) this.awareness.destroy();
    this.reconnection.release();
    if (this.ownsSocket) this.socket.close();
    this.removeAllListeners();
  }

  // The connection

  private readonly onConnect = () => {
    this.join();
  };

  private readonly onDisconnect = () => {
    this.connectionLost();
  };

  private readonly onConnectError = (error: Error) => {
    const refusal = handshakeRefusal(error);
    if (refusal) {
      this.dispatch({ type: 'refused' });
      this.emit('error', readCollabError((error as { data?: unknown }).data, refusal));
    } else {
      this.dispatch({ type: 'connection-lost' });
    }
  };

  private join(): void {
    const generation = this.newGeneration();
    // With the state vector, the server's sync:step2 follows its acknowledgement: no step 1 of ours.
    const joinMessage = { sectionId: this.sectionId, stateVector: Y.encodeStateVector(this.doc) };
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit(ClientEvent.Join, joinMessage, (timedOut, ack: JoinAck) => {
        if (generation !== this.generation || !this.active) return;
        if (timedOut) {
          this.retryJoin(generation);
          return;
        }
        if (!ack.ok) {
          this.emit('error', ack.error);
          if (retryableJoinErrors.has(ack.error.code)) this.retryJoin(generation);
          else this.dispatch({ type: 'refused' });
          return;
        }
        this.joinAttempt = 0;
        this.joined = true;
        this.currentLimits = ack.limits;
        this.setCanEdit(ack.canEdit);
        this.dispatch({ type: 'joined' });
        if (!ack.syncFollows)
          this.socket.emit(ClientEvent.SyncStep1, {
            sectionId: this.sectionId,
            stateVector: Y.encodeStateVector(this.doc),
          });
        if (this.serverStep1) this.catchUp(this.serverStep1);
        // Others dropped this person's presence when the connection went: a newer clock makes
        // them take it again.
        const local = this.awareness.getLocalState();
        if (local !== null) this.awareness.setLocalState(local);
      });
  }

  private retryJoin(generation: number): void {
    this.dispatch({ type: 'connection-lost' });
    this.later(reconnectDelay(this.joinAttempt++, this.policy), () => {
      if (generation === this.generation && this.active && this.socket.connected) this.join();
    });
  }

  private connectionLost(): void {
    this.newGeneration();
    this.changes.connectionLost();
    this.keepUnconfirmed();
    this.forgetResends();
    const others = [...this.awareness.getStates().keys()].filter(
      (clientId) => clientId !== this.doc.clientID,
    );
    removeAwarenessStates(this.awareness, others, this);
    // Forget their clocks too, so their states are taken afresh when the server sends them again.
    for (const clientId of others) this.awareness.meta.delete(clientId);
    this.dispatch({ type: 'connection-lost' });
    this.reportUnacknowledged();
  }

  private newGeneration(): number {
    this.generation += 1;
    this.joined = false;
    this.caughtUp = false;
    this.serverStep1 = null;
    return this.generation;
  }

  // Sync

  private readonly onServerStep1 = (message: SyncStep1Message) => {
    if (!this.isForThisSection(message)) return;
    const stateVector = asBytes(message.stateVector);
    if (!stateVector) return;
    if (this.joined) this.catchUp(stateVector);
    else this.serverStep1 = stateVector;
  };

  /**
   * Sends the server whatever it lacks: changes made offline, or before this join's exchange, and
   * those sent before whose acknowledgement never came (which the server may hold unsaved).
   */
  private catchUp(serverStateVector: Uint8Array): void {
    this.serverStep1 = null;
    if (this.caughtUp) return;
    this.caughtUp = true;
    if (!this.currentCanEdit) return;
    if (
      this.changes.unsent === 0 &&
      this.unconfirmed.length === 0 &&
      !this.hasStructsBeyond(serverStateVector)
    )
      return;
    let update: Uint8Array;
    try {
      const missing = Y.encodeStateAsUpdate(this.doc, serverStateVector);
      update =
        this.unconfirmed.length === 0 ? missing : Y.mergeUpdates([missing, ...this.unconfirmed]);
    } catch {
      this.emit('error', collabError('update_malformed', this.sectionId));
      return;
    }
    // From here the catch-up message carries them (and keeps them if this connection drops too).
    this.unconfirmed = [];
    this.send(update, this.changes.sentCatchUp().id);
  }

  /** The connection went: what was in flight waits, bytes and all, for the next catch-up. */
  private keepUnconfirmed(): void {
    for (const update of this.inFlight.values()) this.unconfirmed.push(update);
    this.inFlight.clear();
  }

  /** Nothing unsaved can be saved any more (the person may no longer edit). */
  private forgetUnsaved(): void {
    this.inFlight.clear();
    this.unconfirmed = [];
    this.forgetResends();
    this.changes.discardAll();
  }

  private hasStructsBeyond(serverStateVector: Uint8Array): boolean {
    let server: Map<number, number>;
    try {
      server = Y.decodeStateVector(serverStateVector);
    } catch {
      return true;
    }
    for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc)))
      if (clock > (server.get(clientId) ?? 0)) return true;
    return false;
  }

  private readonly onServerStep2 = (message: UpdateMessage) => {
    if (!this.isForThisSection(message) || !this.joined) return;
    if (!this.applyRemote(message.update)) return;
    this.dispatch({ type: 'synced' });
    this.emit('synced', undefined);
  };

  private readonly onServerUpdate = (message: UpdateMessage) => {
    if (!this.isForThisSection(message) || !this.joined) return;
    this.applyRemote(message.update);
  };

  private applyRemote(binary: unknown): boolean {
    const update = asBytes(binary);
    if (!update) return false;
    try {
      Y.applyUpdate(this.doc, update, this);
      return true;
    } catch {
      this.emit('error', collabError('update_malformed', this.sectionId));
      return false;
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.currentCanEdit === false) return;
    if (this.joined && this.caughtUp && this.socket.connected) {
      const { id } = this.changes.sentLive();
      // Changes waiting to be sent again go first, all in one message: sent alone now, this one
      // would arrive before them and be refused as out of order.
      if (this.dueAgain.size > 0) {
        this.inFlight.set(id, update);
        this.dueAgain.add(id);
      } else this.send(update, id);
    } else this.changes.madeOffline();
    this.reportUnacknowledged();
  };

  private send(update: Uint8Array, id: number): void {
    const generation = this.generation;
    this.inFlight.set(id, update);
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit(
        ClientEvent.Update,
        { sectionId: this.sectionId, update },
        (timedOut, ack: UpdateAck) => {
          if (generation !== this.generation || !this.inFlight.has(id)) return;
          if (timedOut) this.sendAgainLater(id);
          else if (ack.ok) {
            this.inFlight.delete(id);
            this.changes.acknowledged(id);
            if (this.dueAgain.size === 0) this.resendAttempt = 0;
          } else this.updateRefused(id, ack.error);
          this.reportUnacknowledged();
        },
      );
  }

  /**
   * Sends a message again after a pause, together with every other one due again, as one update
   * in the order they were made. One by one, under the rate limit, each would take a turn that the
   * one before it needed, and most would come back out of order.
   */
  private sendAgainLater(id: number): void {
    this.dueAgain.add(id);
    if (this.resendTimer) return;
    const generation = this.generation;
    this.resendTimer = this.later(reconnectDelay(this.resendAttempt++, this.policy), () => {
      this.resendTimer = null;
      const due = [...this.dueAgain].filter((waiting) => this.inFlight.has(waiting));
      this.dueAgain.clear();
      if (generation !== this.generation || !this.socket.connected || due.length === 0) return;
      // Every message not yet acknowledged goes, not only those refused: one still unanswered may
      // be refused a moment from now, and a merged update with a hole where it was would be
      // refused for good. The server takes again what it already has as a no-op. As many as fit
      // in one update go now, in order; the rest wait for the next turn.
      const pending = [...this.inFlight.keys()].sort((a, b) => a - b);
      const maxBytes = this.currentLimits?.maxUpdateBytes ?? Number.POSITIVE_INFINITY;
      const ids: number[] = [];
      let bytes = 0;
      for (const pendingId of pending) {
        const size = this.inFlight.get(pendingId)!.byteLength;
        if (ids.length > 0 && bytes + size > maxBytes) break;
        ids.push(pendingId);
        bytes += size;
      }
      const updates = ids.map((pendingId) => this.inFlight.get(pendingId)!);
      let update: Uint8Array;
      try {
        update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      } catch {
        this.emit('error', collabError('update_malformed', this.sectionId));
        return;
      }
      for (const pendingId of ids) this.inFlight.delete(pendingId);
      const rest = pending.slice(ids.length);
      if (rest.length > 0) this.sendAgainLater(rest[0]!);
      this.send(update, this.changes.combined(ids).id);
    });
  }

  private forgetResends(): void {
    this.dueAgain.clear();
    if (this.resendTimer) {
      clearTimeout(this.resendTimer);
      this.timers.delete(this.resendTimer);
      this.resendTimer = null;
    }
    this.resendAttempt = 0;
  }

  private updateRefused(id: number, error: CollabError): void {
    this.emit('error', error);
    if (retryableUpdateErrors.has(error.code)) {
      this.sendAgainLater(id);
    } else if (error.code === 'read_only') {
      this.forgetUnsaved();
      this.setCanEdit(false);
    } else if (error.code === 'not_joined') {
      // The server forgot this join (it restarted, say): join again and catch up from there.
      this.changes.connectionLost();
      this.keepUnconfirmed();
      this.forgetResends();
      if (this.socket.connected) this.join();
    } else {
      this.inFlight.delete(id);
      this.changes.rejected(id);
    }
  }

  // Presence

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this) return;
    const own = this.doc.clientID;
    if (added.includes(own) || updated.includes(own) || removed.includes(own))
      this.scheduleAwareness();
  };

  private scheduleAwareness(): void {
    if (this.awarenessTimer !== undefined) return;
    const wait = this.awarenessSentAt + this.awarenessIntervalMs - Date.now();
    if (wait <= 0) {
      this.sendAwarenessNow();
      return;
    }
    this.awarenessTimer = this.later(wait, () => {
      this.awarenessTimer = undefined;
      this.sendAwarenessNow();
    });
  }

  private sendAwarenessNow(): void {
    if (!this.joined || !this.socket.connected) return;
    this.awarenessSentAt = Date.now();
    this.socket.emit(ClientEvent.Awareness, {
      sectionId: this.sectionId,
      update: encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
    });
  }

  private readonly onServerAwareness = (message: AwarenessMessage) => {
    if (!this.isForThisSection(message) || !this.joined) return;
    const update = asBytes(message.update);
    if (!update) return;
    try {
      applyAwarenessUpdate(this.awareness, update, this);
    } catch {
      // Presence is a courtesy: a garbled message is dropped, the text is unaffected.
    }
  };

  // What the server says about this person

  private readonly onServerError = (error: CollabError) => {
    if (error.sectionId && error.sectionId.toLowerCase() !== this.sectionId) return;
    this.emit('error', error);
  };

  private readonly onAccessChanged = (message: AccessChangedMessage) => {
    if (!this.isForThisSection(message)) return;
    if (message.access === 'none') {
      this.currentCanEdit = false;
      this.forgetUnsaved();
      this.reportUnacknowledged();
      this.emit('access', 'none');
      this.emit('error', collabError('section_not_found', this.sectionId));
      this.disconnect();
      this.dispatch({ type: 'refused' });
      return;
    }
    this.setCanEdit(message.access === 'edit');
  };

  private setCanEdit(canEdit: boolean): void {
    if (!canEdit && this.changes.count > 0) {
      this.forgetUnsaved();
      this.reportUnacknowledged();
    }
    this.currentCanEdit = canEdit;
    this.emit('access', canEdit ? 'edit' : 'read');
  }

  // Helpers

  private dispatch(event: StatusEvent): void {
    const status = nextStatus(this.currentStatus, event);
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private reportUnacknowledged(): void {
    const count = this.changes.count;
    if (count === this.lastUnacknowledged) return;
    this.lastUnacknowledged = count;
    this.emit('unacknowledged', count);
    if (count === 0) this.emit('saved', undefined);
  }

  private isForThisSection(message: { sectionId?: unknown } | null | undefined): boolean {
    return (
      typeof message?.sectionId === 'string' && message.sectionId.toLowerCase() === this.sectionId
    );
  }

  private later(delayMs: number, run: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.destroyed) run();
    }, delayMs);
    this.timers.add(timer);
    return timer;
  }
}

function readCollabError(data: unknown, code: CollabErrorCode): CollabError {
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { code?: unknown }).code === code &&
    typeof (data as { message?: unknown }).message === 'string'
  )
    return data as CollabError;
  return collabError(code);
}
