import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { pubSubConnection } from './collab-redis.js';
import { SectionHolders } from './section-holders.js';

export interface RemoteChange {
  kind: 'update' | 'awareness';
  sectionId: string;
  payload: Uint8Array;
  /** An answer to our opening: may repeat much of what we have, so relay only what is new. */
  catchUp?: boolean;
}

/** Another instance opened a section we hold: `stateVector` is what it loaded from PostgreSQL. */
export interface HolderArrived {
  sectionId: string;
  instance: string;
  stateVector: Uint8Array;
}

/** What travels on the channel besides changes: who holds which section, and catching up. */
type MessageKind = RemoteChange['kind'] | 'hold' | 'release' | 'catch-up';

interface MessageHeader {
  from: string;
  kind: MessageKind;
  sectionId: string;
  /** catch-up: the one instance it is meant for. */
  to?: string;
}

/** How often each instance renews its registrations and re-reads the other holders. */
const heartbeatMs = 10_000;
/** A registration not renewed for this long has lapsed (its instance died or stalled). */
const registrationMs = 3 * heartbeatMs;

/**
 * Cross-instance fan-out: an accepted update (and presence change) is published once on Redis,
 * and each other instance holding the section passes it to its own people there and applies it to
 * its copy of the document. Updates deliberately do not travel through the socket.io Redis
 * adapter's room broadcast as well: that published every keystroke twice.
 *
 * A change is published only when another instance may hold its section (decision 13): each
 * instance registers the sections it holds in Redis (a sorted set per section, instance id scored
 * by when the registration runs out, renewed every heartbeat), and says so on the channel when it
 * opens or drops one. An instance that opens a section sends the state vector it loaded from
 * PostgreSQL; every instance already holding it answers with what it has beyond that (edits not
 * yet committed, or never published because nobody else held the section) and publishes every
 * later change. Until an instance has read a section's holders, it publishes everything. After
 * Redis comes back from an outage, listeners are told to resynchronise from PostgreSQL, and every
 * section is registered and announced again.
 */
@Injectable()
export class CollabFanout implements OnModuleInit, OnApplicationShutdown {
  private readonly instanceId = randomUUID();
  private publisher!: Redis;
  private subscriber!: Redis;
  private readonly holders = new SectionHolders();
  private readonly changeListeners: Array<(change: RemoteChange) => void> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly arrivalListeners: Array<(arrival: HolderArrived) => void> = [];
  private readonly stateVectors = new Map<string, () => Uint8Array>();
  private heartbeat: NodeJS.Timeout | null = null;
  private wasDisconnected = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get channel(): string {
    return `${this.config.redis.prefix}collab:changes`;
  }

  private holdersKey(sectionId: string): string {
    return `${this.config.redis.prefix}collab:holders:${sectionId}`;
  }

  onModuleInit(): void {
    this.publisher = pubSubConnection(this.config.redis, { pipelined: true });
    this.subscriber = pubSubConnection(this.config.redis);
    for (const connection of [this.publisher, this.subscriber])
      connection.on('error', (error: Error) =>
        this.logger.warn(
          { event: 'collab_redis_error', err: error.message },
          'collab Redis connection error',
        ),
      );
    this.subscriber.on('close', () => {
      this.wasDisconnected = true;
    });
    this.subscriber.on('ready', () => {
      if (!this.wasDisconnected) return;
      this.wasDisconnected = false;
      this.holders.forgetOthers();
      // Redis may have restarted empty: register again, and tell the others what we hold.
      for (const sectionId of this.holders.heldSections()) {
        this.register(sectionId);
        this.announce(sectionId);
      }
      for (const listener of this.reconnectListeners) listener();
    });
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (channel.toString() !== this.channel) return;
      this.receive(message);
    });
    this.heartbeat = setInterval(() => this.renew(), heartbeatMs);
    this.heartbeat.unref();
  }

  onRemoteChange(listener: (change: RemoteChange) => void): void {
    this.changeListeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Another instance opened a section this instance holds; answer with `catchUp`. */
  onHolderArrived(listener: (arrival: HolderArrived) => void): void {
    this.arrivalListeners.push(listener);
  }

  /**
   * This instance is about to load a section: register before reading PostgreSQL, so an instance
   * opening it after our load reads us in the registry (or hears our `announce`).
   */
  hold(sectionId: string): void {
    this.holders.hold(sectionId);
    this.register(sectionId);
  }

  /**
   * The section is loaded and open here: tell the holders what we loaded (they answer with what we
   * lack), and read who they are. Until the read returns, every change of the section is published.
   */
  opened(sectionId: string, stateVector: () => Uint8Array): void {
    if (!this.holders.holds(sectionId)) return;
    this.stateVectors.set(sectionId, stateVector);
    this.announce(sectionId);
  }

  /** The section was dropped from memory here. */
  release(sectionId: string): void {
    this.holders.release(sectionId);
    this.stateVectors.delete(sectionId);
    this.publisher.zrem(this.holdersKey(sectionId), this.instanceId).catch(() => undefined);
    this.send({ from: this.instanceId, kind: 'release', sectionId }, new Uint8Array(0));
  }

  publish(change: RemoteChange): void {
    if (!this.holders.othersMayHold(change.sectionId, Date.now())) return;
    this.send(
      { from: this.instanceId, kind: change.kind, sectionId: change.sectionId },
      change.payload,
    );
  }

  /** Sends the instance that just opened a section what it lacks (only that instance applies it). */
  catchUp(arrival: HolderArrived, update: Uint8Array): void {
    this.send(
      {
        from: this.instanceId,
        kind: 'catch-up',
        sectionId: arrival.sectionId,
        to: arrival.instance,
      },
      update,
    );
  }

  private send(header: MessageHeader, payload: Uint8Array): void {
    const headerBytes = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    const message = Buffer.concat([length, headerBytes, payload]);
    this.publisher
      .publish(this.channel, message)
      .catch((error: unknown) =>
        this.logger.warn(
          { event: 'collab_publish_failed', err: error },
          'could not publish a change to other instances',
        ),
      );
  }

  /** Registers (or renews) this instance as a holder; a lapsed registration is announced again. */
  private register(sectionId: string, { announceIfLapsed = false } = {}): void {
    const key = this.holdersKey(sectionId);
    const now = Date.now();
    this.publisher
      .multi()
      .zremrangebyscore(key, '-inf', now)
      .zadd(key, now + registrationMs, this.instanceId)
      .pexpire(key, registrationMs)
      .exec()
      .then((results) => {
        const added = results?.[1]?.[1];
        if (announceIfLapsed && added === 1 && this.stateVectors.has(sectionId))
          this.announce(sectionId);
      })
      .catch(() => undefined);
  }

  private announce(sectionId: string): void {
    const stateVector = this.stateVectors.get(sectionId);
    if (stateVector) this.send({ from: this.instanceId, kind: 'hold', sectionId }, stateVector());
    this.readHolders(sectionId);
  }

  private readHolders(sectionId: string): void {
    const now = Date.now();
    const holding = this.holders.holding(sectionId);
    this.publisher
      .zrangebyscore(this.holdersKey(sectionId), now, '+inf', 'WITHSCORES')
      .then((flat) => {
        if (this.holders.holding(sectionId) !== holding) return;
        const others = new Map<string, number>();
        for (let i = 0; i + 1 < flat.length; i += 2)
          if (flat[i] !== this.instanceId) others.set(flat[i]!, Number(flat[i + 1]));
        this.holders.readFromRegistry(sectionId, others, Date.now());
      })
      .catch(() => undefined);
  }

  /** Every heartbeat: renew our registrations and refresh what we know of the others. */
  private renew(): void {
    for (const sectionId of this.holders.heldSections()) {
      this.register(sectionId, { announceIfLapsed: true });
      this.readHolders(sectionId);
    }
  }

  private receive(message: Buffer): void {
    let header: MessageHeader;
    let payload: Uint8Array;
    try {
      const headerLength = message.readUInt32BE(0);
      header = JSON.parse(message.subarray(4, 4 + headerLength).toString()) as MessageHeader;
      payload = new Uint8Array(message.subarray(4 + headerLength));
    } catch {
      return;
    }
    if (header.from === this.instanceId) return;
    const { sectionId } = header;
    switch (header.kind) {
      case 'update':
      case 'awareness':
        for (const listener of this.changeListeners)
          listener({ kind: header.kind, sectionId, payload });
        return;
      case 'catch-up':
        if (header.to !== this.instanceId) return;
        this.holders.heardFrom(sectionId, header.from, Date.now() + registrationMs);
        for (const listener of this.changeListeners)
          listener({ kind: 'update', sectionId, payload, catchUp: true });
        return;
      case 'hold': {
        if (!this.holders.holds(sectionId)) return;
        this.holders.heardFrom(sectionId, header.from, Date.now() + registrationMs);
        const arrival = { sectionId, instance: header.from, stateVector: payload };
        for (const listener of this.arrivalListeners) listener(arrival);
        return;
      }
      case 'release':
        this.holders.released(sectionId, header.from);
        return;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const sectionId of this.holders.heldSections()) this.release(sectionId);
    for (const connection of [this.subscriber, this.publisher])
      await connection?.quit().catch(() => connection.disconnect());
  }
}
