import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  consultationResponseProblems,
  consultationStateAt,
  type ConsultationResponseStatus,
  type PublicConsultationResponseBody,
  type PublicConsultationResponseReceipt,
  type RespondentType,
} from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConsultationRateLimit } from './consultation-rate-limit.js';
import { ConsultationResponse } from './consultation-response.entity.js';
import { consultationError, ConsultationErrorCode } from './consultation.errors.js';
import { ConsultationService } from './consultation.service.js';
import { ConsultationFormTokens } from './consultation-form-tokens.js';
import { normaliseForComparison, spamReasons } from './spam-check.js';

function clean(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Takes public responses: checks what was sent (every problem a 400 naming its field), that the
 * consultation is open, the rate limits, then the spam checks, and stores the response as
 * `pending` for a lead, or `spam`. The sender is told the same either way.
 */
@Injectable()
export class ConsultationResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationService,
    private readonly rateLimit: ConsultationRateLimit,
    private readonly formTokens: ConsultationFormTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(
    footprintSlug: string,
    planSlug: string,
    input: Partial<Record<keyof PublicConsultationResponseBody, unknown>>,
    context: RequestContext,
  ): Promise<PublicConsultationResponseReceipt> {
    const published = await this.consultations.publishedPlan(footprintSlug, planSlug);
    const { consultation, publication } = published;
    const now = new Date();
    if (!consultation) throw consultationError(ConsultationErrorCode.NoConsultation);
    const state = consultationStateAt(consultation, now);
    if (state === 'not_open_yet')
      throw consultationError(ConsultationErrorCode.NotOpenYet, {
        message: `The consultation on this plan opens on ${formatDay(consultation.opensOn)}. Come back then to respond.`,
      });
    if (state === 'closed')
      throw consultationError(ConsultationErrorCode.Closed, {
        message: `The consultation on this plan closed${
          consultation.closedEarlyAt ? ' early' : ` on ${formatDay(consultation.closesOn)}`
        }, so it no longer takes responses.`,
      });

    const [problem] = consultationResponseProblems(input);
    if (problem)
      throw commonError(CommonErrorCode.ValidationFailed, {
        message: problem.message,
        field: problem.field,
      });
    const sectionId = clean(input.sectionId);
    const section = sectionId ? publication.sections.find((s) => s.id === sectionId) : null;
    if (sectionId && !section)
      throw consultationError(ConsultationErrorCode.UnknownSection, { field: 'sectionId' });
    if (typeof input.formToken !== 'string' || input.formToken === '')
      throw consultationError(ConsultationErrorCode.FormTokenMissing, { field: 'formToken' });
    if (input.website !== undefined && typeof input.website !== 'string')
      throw commonError(CommonErrorCode.ValidationFailed, {
        message: 'website must be text',
        field: 'website',
      });
    const rules = this.config.consultation;
    const servedAt = await this.formTokens.servedAt(published.planId, input.formToken);
    if (servedAt && now.getTime() - servedAt.getTime() > rules.formTokenMaxAgeHours * 3_600_000)
      throw consultationError(ConsultationErrorCode.FormExpired, { field: 'formToken' });

    await this.rateLimit.take(context.ip, published.planId);

    const body = (input.body as string).trim();
    const bodyHash = createHash('sha256').update(normaliseForComparison(body)).digest('hex');
    const [seen] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM consultation_responses WHERE plan_id = $1 AND body_hash = $2 LIMIT 1',
      [published.planId, bodyHash],
    );
    const reasons = spamReasons(
      {
        body,
        honeypot: input.website as string | undefined,
        formServedAt: servedAt,
        now,
        sameTextSeenBefore: seen !== undefined,
      },
      rules,
    );
    const status: ConsultationResponseStatus = reasons.length > 0 ? 'spam' : 'pending';
    const respondentType = input.respondentType as RespondentType;
    await this.dataSource.getRepository(ConsultationResponse).insert({
      planId: published.planId,
      publicationId: publication.id,
      sectionId: section?.id ?? null,
      sectionTitle: section?.title ?? null,
      respondentType,
      organisationName: respondentType === 'organisation' ? clean(input.organisationName) : null,
      name: clean(input.name),
      email: clean(input.email),
      body,
      bodyHash,
      status,
      spamReasons: reasons,
    });
    return { received: true, status: 'pending' };
  }
}

function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
