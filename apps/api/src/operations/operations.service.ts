import { Inject, Injectable } from '@nestjs/common';
import { canOnInstance, type FailedJobsView } from '@commonplan/domain';
import type { Redis } from 'ioredis';
import type { AuthContext } from '../auth/auth-context.js';
import { listFailedForGood } from '../jobs/failed-jobs.js';
import { REDIS } from '../redis/redis.module.js';
import { operationsError, OperationsErrorCode } from './operations.errors.js';

/** How many failed jobs an operator's list shows: the newest; the total says if there are more. */
const listedFailedJobs = 200;

/** What the instance's admins see of the service itself. */
@Injectable()
export class OperationsService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Jobs that failed for good and have not succeeded since, newest first, as the workers recorded them. */
  async failedJobs(auth: AuthContext): Promise<FailedJobsView> {
    if (!canOnInstance(auth, 'operations.read'))
      throw operationsError(OperationsErrorCode.AdminOnly);
    return listFailedForGood(this.redis, listedFailedJobs);
  }
}
