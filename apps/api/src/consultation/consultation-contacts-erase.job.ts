import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';

/**
 * Keeps the promise the public form makes: the name and email address given with a response are
 * erased CONSULTATION_CONTACT_RETENTION_DAYS days after the consultation closed (its last day, or
 * the day a lead closed it early), in England. Runs every hour; it only ever clears, so running
 * twice is harmless. The response itself, who it was from in general terms and the organisation's
 * name stay: they are what the partnership reports on.
 */
@Injectable()
export class ConsultationContactsEraseJob implements JobHandler<JobName.ConsultationContactsErase> {
  readonly name = JobName.ConsultationContactsErase;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<{ erased: number }> {
    const [, erased] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE consultation_responses r
          SET name = NULL, email = NULL, contact_erased_at = now()
         FROM plan_consultations c
        WHERE c.plan_id = r.plan_id
          AND (r.name IS NOT NULL OR r.email IS NOT NULL)
          AND LEAST(c.closes_on, (c.closed_early_at AT TIME ZONE 'Europe/London')::date)
              < (now() AT TIME ZONE 'Europe/London')::date - $1::int`,
      [this.config.consultation.contactRetentionDays],
    );
    return { erased };
  }
}
