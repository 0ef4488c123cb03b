import { Injectable } from '@nestjs/common';
import type { JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';
import { SessionsService } from './sessions.service.js';

/** Removes sessions that have ended, on a schedule, so the table holds only live ones. */
@Injectable()
export class SessionsPurgeJob implements JobHandler<JobName.SessionsPurge> {
  readonly name = JobName.SessionsPurge;

  constructor(private readonly sessions: SessionsService) {}

  async handle(): Promise<{ removed: number }> {
    return { removed: await this.sessions.purgeExpired() };
  }
}
