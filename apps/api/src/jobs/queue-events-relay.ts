import { QueueEvents } from 'bullmq';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { QueueName } from './job-names.js';
import { bullConnection, bullPrefix } from './queue.service.js';

export interface QueueEventsRelayOptions<K> {
  queue: QueueName;
  /** The thing a job id is about (a draft, an export), or null for a job to ignore. */
  keyOf(jobId: string): K | null;
  /** A string naming the key, so events about one thing are sent one after another. */
  chainOf(key: K): string;
  /** Reads the thing's state and sends it on; `progress` is the data of a progress event. */
  send(key: K, progress?: unknown): Promise<void>;
  /** The log event name used when sending fails. */
  failureEvent: string;
}

/**
 * Hears a queue's events (progress, done, failed, waiting) on this API instance and passes each
 * to `send`, in the order they came: one chain per thing, so a slow read cannot send an older
 * state after a newer one. Shared by the features whose worker jobs browsers watch.
 */
export class QueueEventsRelay<K> {
  private events: QueueEvents | null = null;
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly options: QueueEventsRelayOptions<K>,
    private readonly config: AppConfig,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.events = new QueueEvents(this.options.queue, {
      connection: bullConnection(this.config),
      prefix: bullPrefix(this.config),
    });
    const relay = ({ jobId }: { jobId: string }) => this.relay(jobId);
    this.events.on('progress', ({ jobId, data }) => this.relay(jobId, data));
    this.events.on('completed', relay);
    this.events.on('failed', relay);
    this.events.on('waiting', relay);
    this.events.on('error', (error) =>
      this.logger.warn(
        { event: 'queue_events_error', queue: this.options.queue, err: error.message },
        'queue events error',
      ),
    );
  }

  private relay(jobId: string, progress?: unknown): void {
    const key = this.options.keyOf(jobId);
    if (key === null) return;
    const chain = this.options.chainOf(key);
    const previous = this.chains.get(chain) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        await this.options.send(key, progress);
      } catch (error) {
        this.logger.warn(
          { event: this.options.failureEvent, jobId, err: error },
          'could not relay a job change',
        );
      }
    });
    this.chains.set(chain, next);
    void next.finally(() => {
      if (this.chains.get(chain) === next) this.chains.delete(chain);
    });
  }

  async close(): Promise<void> {
    await this.events?.close().catch(() => undefined);
  }
}
