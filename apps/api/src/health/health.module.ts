import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';

/** Tells load balancers and operators whether this instance can do its work. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
