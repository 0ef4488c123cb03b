import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  PublicConsultationResponseBody,
  PublicConsultationResponseReceipt,
  PublicConsultationView,
} from '@commonplan/domain';
import { ReqContext } from '../auth/current-auth.decorator.js';
import { Anonymous } from '../auth/public.decorator.js';
import type { Response } from 'express';
import type { RequestContext } from '../common/request-context.js';
import { ConsultationResponsesService } from './consultation-responses.service.js';
import { ConsultationService } from './consultation.service.js';

/**
 * The public side of a consultation: like the other `/api/public` routes, the session cookie is not
 * read, so a lead trying the form is just another member of the public. Not cached: each form gets
 * a token of its own, and the consultation's state must be current.
 */
@ApiTags('consultation')
@Anonymous()
@Controller('public/footprints/:footprintSlug/plans/:planSlug/consultation')
export class PublicConsultationController {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly responses: ConsultationResponsesService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Whether the published plan is open for consultation, its dates, the sections to respond on, and a form token; 404 unless published',
  })
  view(
    @Param('footprintSlug') footprintSlug: string,
    @Param('planSlug') planSlug: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicConsultationView> {
    response.setHeader('cache-control', 'no-store');
    return this.consultations.publicView(footprintSlug, planSlug);
  }

  @Post('responses')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Respond to the published draft (anyone): 201 held for the partnership to read; 400 naming the field; 409 when not open; 429 with Retry-After',
  })
  respond(
    @Param('footprintSlug') footprintSlug: string,
    @Param('planSlug') planSlug: string,
    // Checked field by field by the shared rules, so the form and the API agree.
    @Body() body: Partial<Record<keyof PublicConsultationResponseBody, unknown>>,
    @ReqContext() context: RequestContext,
  ): Promise<PublicConsultationResponseReceipt> {
    return this.responses.submit(footprintSlug, planSlug, body, context);
  }
}
