import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service.js';

/** The producer side of the job queues, shared by every feature that hands work to the worker. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class JobsModule {}
