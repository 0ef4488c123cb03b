import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import { createLogger, PinoNestLogger } from './common/logger.js';
import { loadAppConfig } from './config/app-config.js';
import { ConfigError } from './config/env-reader.js';
import { checkRedisEvictionPolicy } from './redis/redis-policy.js';
import { FailedForGood } from './jobs/failed-for-good.js';
import { forgetFailedJob } from './jobs/failed-jobs.js';
import { PoisonJobError } from './jobs/job-failure.js';
import { countJobFailure } from './jobs/job-failures.js';
import { JOB_HANDLERS, jobContextOf, type JobHandler } from './jobs/job-handler.js';
import { JobName, QueueName } from './jobs/job-names.js';
import { payloadProblem } from './jobs/job-payloads.js';
import { buildJobRegistry } from './jobs/job-registry.js';
import { bullConnection, bullPrefix } from './jobs/queue.service.js';
import { WorkerModule } from './jobs/worker.module.js';
import { REDIS } from './redis/redis.module.js';
import type { Redis } from 'ioredis';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, 'worker');
  const redisProblem = await checkRedisEvictionPolicy(config.redis, logger);
  if (redisProblem) {
    process.stderr.write(`${redisProblem}\n`);
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  const registry = buildJobRegistry(app.get<JobHandler[]>(JOB_HANDLERS));
  const redis = app.get<Redis>(REDIS);
  const failedForGood = new FailedForGood(redis, registry, logger);

  const workers = Object.values(QueueName).map((queueName) => {
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        // Neither a job nobody handles nor data its handler does not take can succeed on a later
        // try: both fail for good at once, and a handler only ever sees its own typed payload.
        const handler = registry.get(job.name as JobName);
        if (!handler) throw new PoisonJobError('unknown_job', `no handler for job "${job.name}"`);
        const problem = payloadProblem(handler.name, job.data);
        if (problem)
          throw new PoisonJobError(
            'invalid_payload',
            `the payload of job "${job.name}" is not valid: ${problem}`,
          );
        return handler.handle(
          job.data as never,
          jobContextOf(job, () => stopping),
        );
      },
      {
        connection: bullConnection(config),
        prefix: bullPrefix(config),
        // Drafts are CPU work: two at a time per worker, and a held job is taken up again soon
        // after its worker dies.
        ...(queueName === QueueName.Drafts
          ? {
              concurrency: 2,
              lockDuration: config.drafts.jobLockMs,
              stalledInterval: config.drafts.jobLockMs,
            }
          : queueName === QueueName.Exports
            ? // A file of a large plan takes seconds of CPU and holds it all in memory: one at a time.
              {
                concurrency: 1,
                lockDuration: config.exports.jobLockMs,
                stalledInterval: config.exports.jobLockMs,
              }
            : { concurrency: 4 }),
      },
    );
    worker.on('completed', (job) => {
      logger.info({ queue: queueName, job: job.name, id: job.id }, 'job done');
      // A job that failed for good and was tried again after the cause was put right.
      if (job.id) void forgetFailedJob(redis, queueName, job.id).catch(() => undefined);
    });
    worker.on('failed', (job, error) => {
      void countJobFailure(redis, queueName).catch(() => undefined);
      logger.warn(
        {
          queue: queueName,
          job: job?.name,
          id: job?.id,
          attempts: job?.attemptsMade,
          err: error.message,
        },
        'job failed',
      );
      if (job) void failedForGood.onFailed(queueName, job, error);
    });
    worker.on('error', (error) =>
      logger.error({ queue: queueName, err: error.message }, 'worker error'),
    );
    return worker;
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing jobs in hand');
    await Promise.all(workers.map((worker) => worker.close()));
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  logger.info(
    { event: 'worker_ready', queues: Object.values(QueueName) },
    'Commonplan worker is ready',
  );
}

void bootstrap();
