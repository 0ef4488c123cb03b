import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  PublicConsultationResponseBody,
  PublicConsultationResponseReceipt,
  PublicConsultationView,
} from '@commonplan/domain';
import { ReqContext } from '../auth/current-auth.decorator.js';
import { Public } from '../auth/public.decorator.js';
import type { RequestContext } from '../common/request-context.js';
import { ConsultationResponsesService } from './consultation-responses.service.js';
import { ConsultationService } from './consultation.service.js';

/** The public side of a consultation: no session, a published plan's address only. */
@ApiTags('consultation')
@Public()
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
  ): Promise<PublicConsultationView> {
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
