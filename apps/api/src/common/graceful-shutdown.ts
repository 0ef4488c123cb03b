import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';

/** The longest a stop may take before the process gives up waiting and exits with 1. */
export const shutdownDeadlineMs = 20_000;

/**
 * How long messages already on their way when the signal came are still read before the sockets
 * close: an edit sent a moment before the stop reaches the update log instead of being dropped.
 */
export const inFlightGraceMs = 500;

/**
 * Stops the process cleanly on SIGTERM or SIGINT, as a rolling deploy asks: after a moment for
 * messages already on the wire, the application is closed (sockets dropped so their clients reconnect to another instance, queued section updates
 * committed, connections ended), then the process exits 0, or 1 if closing failed or took longer
 * than the deadline. Nest's own shutdown hooks would end the process by raising the signal again,
 * which an orchestrator reads as a crash.
 */
export function stopOnSignals(app: INestApplicationContext, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info({ event: 'stopping', signal }, 'stopping: finishing work in hand');
    setTimeout(() => {
      logger.error(
        { event: 'stop_timed_out', ms: shutdownDeadlineMs },
        'could not stop in time; exiting anyway',
      );
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    const closed = new Promise((resolve) => setTimeout(resolve, inFlightGraceMs)).then(() =>
      app.close(),
    );
    closed.then(
      () => {
        logger.info({ event: 'stopped', ms: Date.now() - started }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ event: 'stop_failed', err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
