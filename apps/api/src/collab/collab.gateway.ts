import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import {
  asBytes,
  ClientEvent,
  collabError,
  DraftClientEvent,
  readSectionId,
  ServerEvent,
  type CollabErrorCode,
  type JoinAck,
  type UpdateAck,
} from '@commonplan/protocol';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessChange } from '../footprints/access-changes.js';
import { AwarenessClaims } from './awareness-rules.js';
import { CollabAccessEvents } from './collab-access-events.service.js';
import { CollabAwareness } from './collab-awareness.service.js';
import { handshakeError, refusal } from './collab.errors.js';
import { CollabFanout, type HolderArrived, type RemoteChange } from './collab-fanout.service.js';
import { CollabHandshake } from './collab-handshake.service.js';
import { CollabMetrics } from './collab-metrics.js';
import { CollabSession, type AdmittedSection, type JoinedSection } from './collab-session.js';
import { CollabUpdates } from './collab-updates.service.js';
import { OneRunAtATime } from './one-run-at-a-time.js';
import { SectionAccessService, type SectionAccessLevel } from './section-access.service.js';
import { SectionDocuments, type OpenSection } from './section-documents.service.js';
import {
  RealtimeRooms,
  sectionRoom,
  userRoom,
  type SocketPerson,
} from './realtime-rooms.service.js';
import { stateVectorRefusal } from './update-rules.js';

type Ack<T> = (result: T) => void;

/** Events of this channel, including those the drafts gateway answers on the same connection. */
const knownEvents = new Set<string>([
  ...Object.values(ClientEvent),
  ...Object.values(DraftClientEvent),
]);
/** Marks changes that came from another instance: applied here, never persisted again. */
const remoteOrigin = Symbol('remote');
/** Presence updates dropped in a second, in multiples of the allowance, before a connection is closed. */
const awarenessFloodFactor = 5;

const room = sectionRoom;

/** Splits socket.io arguments into the message and the acknowledgement callback, if any. */
function splitArgs(args: unknown[]): { message: unknown; ack: ((value: unknown) => void) | null } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as (value: unknown) => void) : null;
  return { message: ack ? (args.length > 1 ? args[0] : undefined) : args[0], ack };
}

/**
 * The real-time channel's adapter: translates socket.io events into the collab services and
 * back. Handlers are registered raw so every payload is checked here, and none of them throws:
 * a malformed message is answered with an error code and the process carries on.
 */
@WebSocketGateway()
export class CollabGateway implements OnGatewayInit, OnApplicationShutdown {
  private server!: Server;
  private readonly sessions = new Map<string, { session: CollabSession; socket: Socket }>();
  private recheckTimer: NodeJS.Timeout | null = null;
  /** Resynchronisations from PostgreSQL, one at a time per section (see OneRunAtATime). */
  private readonly resyncs = new OneRunAtATime<string>();

  constructor(
    private readonly handshake: CollabHandshake,
    private readonly access: SectionAccessService,
    private readonly documents: SectionDocuments,
    private readonly updates: CollabUpdates,
    private readonly awareness: CollabAwareness,
    private readonly fanout: CollabFanout,
    private readonly accessEvents: CollabAccessEvents,
    private readonly rooms: RealtimeRooms,
    private readonly metrics: CollabMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    this.rooms.attach(server);
    server.use((socket, next) => {
      const headers = socket.handshake.headers;
      this.handshake
        .authenticate(
          { cookie: headers.cookie, origin: headers.origin, host: headers.host },
          socket.id,
        )
        .then((result) => {
          if (!result.ok) return next(handshakeError(result.code));
          // The slot is taken now, but socket.io drops a socket whose transport closed while the
          // session was looked up (a tab closed, or a client that sent events before this answer)
          // without a 'disconnect': the slot goes back when either ends, whichever comes first.
          const transport = socket.conn;
          const release = () => {
            transport.off('close', release);
            this.handshake.release(socket.id);
          };
          if (transport.readyState !== 'open') {
            release();
            return next(handshakeError('not_authenticated'));
          }
          transport.once('close', release);
          socket.once('disconnect', release);
          const data = socket.data as { session?: CollabSession; person?: SocketPerson };
          data.session = new CollabSession(socket.id, result.auth, this.config.collab);
          data.person = { id: result.auth.user.id, name: result.auth.user.name };
          next();
        })
        .catch((error: unknown) => {
          this.logger.error(
            { event: 'collab_handshake_failed', err: error },
            'socket handshake failed',
          );
          this.handshake.release(socket.id);
          next(handshakeError('internal_error'));
        });
    });
    server.on('connection', (socket: Socket) => this.attach(socket));
    this.fanout.onRemoteChange((change) => this.applyRemote(change));
    this.fanout.onReconnect(() => void this.resyncAll());
    this.fanout.onHolderArrived((arrival) => this.catchUp(arrival));
    this.accessEvents.onChange((change) => void this.followAccessChange(change));
    this.recheckTimer = setInterval(
      () => void this.recheckAll(),
      this.config.collab.accessRecheckSeconds * 1000,
    );
    this.recheckTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
  }

  private attach(socket: Socket): void {
    const session = (socket.data as { session?: CollabSession }).session;
    if (!session) {
      socket.disconnect(true);
      return;
    }
    this.sessions.set(socket.id, { session, socket });
    this.metrics.socketConnected();
    // Every tab of a person listens for their notifications.
    void socket.join(userRoom(session.auth.user.id));
    const on = (
      event: string,
      handler: (message: unknown, ack: ((value: unknown) => void) | null) => Promise<void> | void,
    ) =>
      socket.on(event, (...args: unknown[]) => {
        const { message, ack } = splitArgs(args);
        try {
          const pending = handler(message, ack);
          if (pending) pending.catch((error: unknown) => this.failed(socket, event, error, ack));
        } catch (error) {
          this.failed(socket, event, error, ack);
        }
      });
    on(ClientEvent.Join, (message, ack) => this.join(socket, session, message, ack));
    on(ClientEvent.Leave, (message) => {
      const sectionId = readSectionId(message);
      if (sectionId) this.leave(socket, session, sectionId);
    });
    on(ClientEvent.SyncStep1, (message) => this.syncStep1(socket, session, message));
    on(ClientEvent.Update, (message, ack) => this.update(socket, session, message, ack));
    on(ClientEvent.Awareness, (message) => this.awarenessUpdate(socket, session, message));
    socket.onAny((event: unknown) => {
      if (typeof event !== 'string' || !knownEvents.has(event))
        socket.emit(ServerEvent.Error, collabError('unknown_event'));
    });
    socket.on('disconnect', () => {
      this.sessions.delete(socket.id);
      this.metrics.socketDisconnected();
      for (const sectionId of [...session.joined.keys()]) this.leave(socket, session, sectionId);
    });
  }

  private failed(
    socket: Socket,
    event: string,
    error: unknown,
    ack: ((value: unknown) => void) | null,
  ): void {
    this.logger.error(
      { event: 'collab_handler_failed', socketEvent: event, err: error },
      'collab handler failed',
    );
    this.reply(socket, ack, 'internal_error');
  }

  /** Answers a refusal through the acknowledgement when there is one, else as a collab:error event. */
  private reply(
    socket: Socket,
    ack: ((value: unknown) => void) | null,
    code: CollabErrorCode,
    sectionId?: string,
  ): void {
    if (ack) ack(refusal(code, sectionId));
    else socket.emit(ServerEvent.Error, collabError(code, sectionId));
  }

  /**
   * A join answers from what the connection already holds when it can: a section it has joined
   * (its access is kept current by access events and the periodic re-check), or one whose join is
   * still being checked (the same check answers both). Only a section new to the connection costs
   * an access check and, if no one here has it open, a load from PostgreSQL; joins past the rate
   * are refused before either.
   */
  private async join(
    socket: Socket,
    session: CollabSession,
    message: unknown,
    ack: ((value: unknown) => void) | null,
  ): Promise<void> {
    const answer = ack as Ack<JoinAck> | null;
    const sectionId = readSectionId(message);
    if (!sectionId) return this.reply(socket, ack, 'invalid_payload');
    // A state vector with the join saves the client's own sync:step1 and its round trip.
    const clientState = this.joinStateVector(message);
    if (typeof clientState === 'string') return this.reply(socket, ack, clientState, sectionId);
    if (!session.joins.take()) return this.reply(socket, ack, 'rate_limited', sectionId);
    let joined = session.joined.get(sectionId);
    let section = joined ? this.documents.get(sectionId) : undefined;
    if (!joined || !section) {
      let pending = session.joining.get(sectionId);
      if (!pending) {
        if (session.sectionsHeld >= this.config.collab.maxSectionsPerSocket)
          return this.reply(socket, ack, 'too_many_sections', sectionId);
        pending = session
          .inTurn(() => this.admit(socket, session, sectionId))
          .finally(() => session.joining.delete(sectionId));
        session.joining.set(sectionId, pending);
      }
      const admitted = await pending;
      if (!socket.connected) return;
      if (!admitted) return this.reply(socket, ack, 'section_not_found', sectionId);
      ({ joined, section } = admitted);
    }
    const { maxUpdateBytes, maxDocumentBytes, updatesPerSecond, awarenessPerSecond } =
      this.config.collab;
    answer?.({
      ok: true,
      sectionId,
      canEdit: joined.canEdit,
      limits: { maxUpdateBytes, maxDocumentBytes, updatesPerSecond, awarenessPerSecond },
      syncFollows: clientState !== undefined,
    });
    socket.emit(ServerEvent.SyncStep1, {
      sectionId,
      stateVector: Y.encodeStateVector(section.doc),
    });
    if (clientState !== undefined)
      socket.emit(ServerEvent.SyncStep2, {
        sectionId,
        update: this.documents.missingFrom(section, clientState),
      });
    const presence = this.awareness.statesFor(section);
    if (presence) socket.emit(ServerEvent.Awareness, { sectionId, update: presence });
  }

  /**
   * Checks the person's access to a section new to this connection and opens it: null when they
   * may not read it (or the connection closed meanwhile).
   */
  private async admit(
    socket: Socket,
    session: CollabSession,
    sectionId: string,
  ): Promise<AdmittedSection | null> {
    if (!socket.connected) return null;
    const level = await this.access.accessTo(session.auth, sectionId);
    if (!socket.connected || level === 'none') return null;
    const section = await this.documents.enter(sectionId, socket.id);
    if (!socket.connected) {
      this.documents.leave(sectionId, socket.id);
      return null;
    }
    const joined: JoinedSection = session.joined.get(sectionId) ?? {
      canEdit: level === 'edit',
      claims: new AwarenessClaims(this.config.collab.maxAwarenessClientsPerSocket),
    };
    joined.canEdit = level === 'edit';
    session.joined.set(sectionId, joined);
    await socket.join(room(sectionId));
    return { joined, section };
  }

  private leave(socket: Socket, session: CollabSession, sectionId: string): void {
    const joined = session.joined.get(sectionId);
    if (!joined) return;
    session.joined.delete(sectionId);
    void socket.leave(room(sectionId));
    const section = this.documents.get(sectionId);
    if (section) {
      const removal = this.awareness.removeSession(section, joined.claims.clientIds);
      if (removal) {
        this.server.local
          .to(room(sectionId))
          .emit(ServerEvent.Awareness, { sectionId, update: removal });
        this.fanout.publish({ kind: 'awareness', sectionId, payload: removal });
      }
    }
    this.documents.leave(sectionId, socket.id);
  }

  /**
   * The state vector a join carries, checked as a `sync:step1`'s is: undefined when the join has
   * none (the client sends its step 1 after the acknowledgement), the code to refuse it with when
   * it is not one.
   */
  private joinStateVector(message: unknown): Uint8Array | CollabErrorCode | undefined {
    const given = (message as { stateVector?: unknown }).stateVector;
    return given === undefined ? undefined : this.readStateVector(given);
  }

  private readStateVector(given: unknown): Uint8Array | CollabErrorCode {
    const stateVector = asBytes(given);
    if (!stateVector || stateVector.byteLength > this.config.collab.maxStateVectorBytes)
      return 'invalid_payload';
    return stateVectorRefusal(stateVector) ?? stateVector;
  }

  private syncStep1(socket: Socket, session: CollabSession, message: unknown): void {
    const sectionId = readSectionId(message);
    if (!sectionId) return this.reply(socket, null, 'invalid_payload');
    const section = this.documents.get(sectionId);
    if (!session.joined.has(sectionId) || !section)
      return this.reply(socket, null, 'not_joined', sectionId);
    const stateVector = this.readStateVector((message as { stateVector?: unknown }).stateVector);
    if (typeof stateVector === 'string') return this.reply(socket, null, stateVector, sectionId);
    socket.emit(ServerEvent.SyncStep2, {
      sectionId,
      update: this.documents.missingFrom(section, stateVector),
    });
  }

  private update(
    socket: Socket,
    session: CollabSession,
    message: unknown,
    ack: ((value: unknown) => void) | null,
  ): void {
    const answer = ack as Ack<UpdateAck> | null;
    const sectionId = readSectionId(message);
    if (!sectionId) return this.reply(socket, ack, 'invalid_payload');
    const outcome = this.updates.receive(
      session,
      sectionId,
      (message as { update?: unknown }).update,
    );
    if (!outcome.ok) {
      this.metrics.updateRefused(outcome.code);
      return this.reply(socket, ack, outcome.code, sectionId);
    }
    const acknowledged = this.metrics.updateAccepted();
    if (outcome.applied) {
      socket.local
        .to(room(sectionId))
        .emit(ServerEvent.Update, { sectionId, update: outcome.applied });
      this.fanout.publish({ kind: 'update', sectionId, payload: outcome.applied });
    }
    outcome.committed.then(
      () => {
        if (outcome.partial) this.reply(socket, ack, 'update_malformed', sectionId);
        else answer?.({ ok: true });
        acknowledged();
      },
      (error: unknown) => this.failed(socket, ClientEvent.Update, error, ack),
    );
  }

  private awarenessUpdate(socket: Socket, session: CollabSession, message: unknown): void {
    const sectionId = readSectionId(message);
    if (!sectionId) return this.reply(socket, null, 'invalid_payload');
    const section = this.documents.get(sectionId);
    if (!section || !session.joined.has(sectionId))
      return this.reply(socket, null, 'not_joined', sectionId);
    const outcome = this.awareness.receive(
      session,
      section,
      sectionId,
      (message as { update?: unknown }).update,
    );
    if (!outcome.ok) {
      // A presence flood is dropped quietly after one notice a second: answering each message
      // with an error event doubled the flood's cost and stalled the event loop for everyone.
      // A connection that keeps flooding far past its allowance is no browser: it is closed.
      if (outcome.code === 'rate_limited') {
        const now = Date.now();
        if (now - session.awarenessLimitedNoticeAt < 1000) {
          session.awarenessDropped += 1;
          if (
            session.awarenessDropped >
            awarenessFloodFactor * this.config.collab.awarenessPerSecond
          )
            socket.disconnect(true);
          return;
        }
        session.awarenessLimitedNoticeAt = now;
        session.awarenessDropped = 0;
      }
      return this.reply(socket, null, outcome.code, sectionId);
    }
    socket.local
      .to(room(sectionId))
      .emit(ServerEvent.Awareness, { sectionId, update: outcome.relay });
    this.fanout.publish({ kind: 'awareness', sectionId, payload: outcome.relay });
  }

  /**
   * Another instance accepted a change: pass it to this instance's people in the section and apply
   * it to our copy of the document.
   */
  private applyRemote(change: RemoteChange): void {
    if (change.catchUp) return this.applyCatchUp(change);
    const event = change.kind === 'awareness' ? ServerEvent.Awareness : ServerEvent.Update;
    this.server.local
      .to(room(change.sectionId))
      .emit(event, { sectionId: change.sectionId, update: change.payload });
    const section = this.documents.get(change.sectionId);
    if (!section) return;
    try {
      if (change.kind === 'awareness') {
        applyAwarenessUpdate(section.awareness, change.payload, remoteOrigin);
        return;
      }
      Y.applyUpdate(section.doc, change.payload, remoteOrigin);
      if (section.doc.store.pendingStructs || section.doc.store.pendingDs) {
        // We missed something on the way: take it from PostgreSQL.
        void this.resync(section).catch(() => undefined);
      }
    } catch (error) {
      this.logger.warn(
        { event: 'collab_remote_apply_failed', sectionId: change.sectionId, err: error },
        'remote change failed',
      );
    }
  }

  /**
   * Another instance holding the section answered our opening with what we lacked: apply it and
   * pass on to our people only what was new to us.
   */
  private applyCatchUp(change: RemoteChange): void {
    const section = this.documents.get(change.sectionId);
    if (!section) return;
    const captured: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === remoteOrigin) captured.push(update);
    };
    section.doc.on('update', capture);
    try {
      Y.applyUpdate(section.doc, change.payload, remoteOrigin);
    } catch (error) {
      this.logger.warn(
        { event: 'collab_catch_up_failed', sectionId: change.sectionId, err: error },
        'catching up with another instance failed',
      );
    } finally {
      section.doc.off('update', capture);
    }
    for (const update of captured)
      this.server.local
        .to(room(change.sectionId))
        .emit(ServerEvent.Update, { sectionId: change.sectionId, update });
    if (section.doc.store.pendingStructs || section.doc.store.pendingDs)
      void this.resync(section).catch(() => undefined);
  }

  /** Another instance opened a section we hold: send it what it did not load from PostgreSQL. */
  private catchUp(arrival: HolderArrived): void {
    const section = this.documents.get(arrival.sectionId);
    if (!section) return;
    let missing: Uint8Array;
    try {
      missing = Y.encodeStateAsUpdate(section.doc, arrival.stateVector);
    } catch {
      missing = Y.encodeStateAsUpdate(section.doc);
    }
    this.fanout.catchUp(arrival, missing);
  }

  /** After a Redis outage, changes published meanwhile were lost to us: read them from PostgreSQL. */
  private async resyncAll(): Promise<void> {
    for (const section of this.documents.openSections()) {
      await this.resync(section).catch((error: unknown) =>
        this.logger.warn(
          { event: 'collab_resync_failed', sectionId: section.sectionId, err: error },
          'resync failed',
        ),
      );
    }
  }

  /**
   * Catches a section up from PostgreSQL with what never came through Redis, and passes it on to
   * the people here: their copies lack it too, and without it every later change stays pending.
   */
  private resync(section: OpenSection): Promise<void> {
    return this.resyncs.run(section.sectionId, () => this.resyncOnce(section));
  }

  private async resyncOnce(section: OpenSection): Promise<void> {
    if (this.documents.get(section.sectionId) !== section) return;
    const missing = await this.documents.resync(section, remoteOrigin);
    if (missing.byteLength <= 2) return;
    this.server.local
      .to(room(section.sectionId))
      .emit(ServerEvent.Update, { sectionId: section.sectionId, update: missing });
  }

  private async followAccessChange(change: AccessChange): Promise<void> {
    if (change.kind === 'sessions') return this.closeEndedSessions(change.userId);
    for (const { session, socket } of [...this.sessions.values()]) {
      if (change.kind === 'member' && session.auth.user.id !== change.userId) continue;
      for (const sectionId of [...session.joined.keys()]) {
        if (change.kind === 'section' && sectionId !== change.sectionId) continue;
        await this.recheck(socket, session, sectionId);
      }
    }
  }

  /** Closes a person's sockets whose session has ended (signed out, everywhere or here). */
  private async closeEndedSessions(userId: string): Promise<void> {
    await this.closeSocketsOfEndedSessions(
      [...this.sessions.values()].filter(({ session }) => session.auth.user.id === userId),
    );
  }

  /**
   * Closes the sockets whose session has ended, asking PostgreSQL about all their sessions at
   * once; returns the sockets still open. The database being away is not the person's fault: they
   * are kept, and checked again next time.
   */
  private async closeSocketsOfEndedSessions(
    entries: Array<{ session: CollabSession; socket: Socket }>,
  ): Promise<Array<{ session: CollabSession; socket: Socket }>> {
    let live: Set<string>;
    try {
      live = await this.handshake.liveSessions(
        entries.map(({ session }) => session.auth.sessionId),
      );
    } catch (error) {
      this.logger.warn(
        { event: 'collab_session_check_failed', err: error },
        'could not check sessions',
      );
      return entries;
    }
    return entries.filter(({ session, socket }) => {
      if (live.has(session.auth.sessionId)) return true;
      socket.emit(ServerEvent.Error, collabError('session_expired'));
      socket.disconnect(true);
      return false;
    });
  }

  /**
   * The periodic sweep: a socket whose session has ended (signed out, expired) is closed, and every
   * open section follows the person's current access. One statement checks every session; each
   * person's access to each section is looked up once, however many of their sockets hold it.
   */
  private async recheckAll(): Promise<void> {
    const open = await this.closeSocketsOfEndedSessions([...this.sessions.values()]);
    const levels = new Map<string, Promise<SectionAccessLevel | null>>();
    for (const { session, socket } of open)
      for (const sectionId of [...session.joined.keys()]) {
        const key = `${session.auth.user.id} ${sectionId}`;
        let level = levels.get(key);
        if (!level) {
          level = this.accessLevel(session, sectionId);
          levels.set(key, level);
        }
        await this.recheck(socket, session, sectionId, await level);
      }
  }

  /** The person's access to a section now; null when it could not be checked (try next time). */
  private async accessLevel(
    session: CollabSession,
    sectionId: string,
  ): Promise<SectionAccessLevel | null> {
    try {
      return await this.access.accessTo(session.auth, sectionId);
    } catch (error) {
      this.logger.warn(
        { event: 'collab_recheck_failed', sectionId, err: error },
        'could not re-check access',
      );
      return null;
    }
  }

  /** Makes one open section follow the person's current access, telling them when it changed. */
  private async recheck(
    socket: Socket,
    session: CollabSession,
    sectionId: string,
    known?: SectionAccessLevel | null,
  ): Promise<void> {
    const level = known === undefined ? await this.accessLevel(session, sectionId) : known;
    if (level === null) return;
    const joined = session.joined.get(sectionId);
    if (!joined) return;
    if (level === 'none') {
      this.leave(socket, session, sectionId);
      socket.emit(ServerEvent.AccessChanged, { sectionId, access: 'none' });
      return;
    }
    const canEdit = level === 'edit';
    if (joined.canEdit === canEdit) return;
    joined.canEdit = canEdit;
    socket.emit(ServerEvent.AccessChanged, { sectionId, access: level });
  }
}
