import { Module } from '@nestjs/common';
import { OperationsController } from './operations.controller.js';
import { OperationsService } from './operations.service.js';

/**
 * Owns /api/operations: what the instance's admins watch of the service (the jobs that failed for
 * good), never the partnerships' plans. Reads what the workers record in Redis.
 */
@Module({ controllers: [OperationsController], providers: [OperationsService] })
export class OperationsModule {}
