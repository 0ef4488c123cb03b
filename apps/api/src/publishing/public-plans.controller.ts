import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { slugPattern, type PublicFootprintView, type PublicPlanView } from '@commonplan/domain';
import type { Response } from 'express';
import { Anonymous } from '../auth/public.decorator.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import { PublicPlansService } from './public-plans.service.js';
import { publishingError, PublishingErrorCode } from './publishing.errors.js';

/** Public answers may be kept by browsers and caches briefly: a new publication shows within a minute. */
const publicCacheControl = 'public, max-age=60';

function slugOrNotFound(slug: string): string {
  if (slug.length > 100 || !slugPattern.test(slug))
    throw publishingError(PublishingErrorCode.NotPublished);
  return slug;
}

/**
 * The public pages' API: no account, no session (the cookie is not read, and no cookie is set),
 * the same answer for everyone.
 */
@ApiTags('public')
@Anonymous()
@Controller('public/footprints')
export class PublicPlansController {
  constructor(private readonly publicPlans: PublicPlansService) {}

  @Get(':footprintSlug')
  @ApiOperation({ summary: "A footprint's published plans (anyone); 404 when it has none" })
  async footprint(
    @Param('footprintSlug') footprintSlug: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicFootprintView> {
    const view = await this.publicPlans.footprint(slugOrNotFound(footprintSlug));
    response.setHeader('cache-control', publicCacheControl);
    return view;
  }

  @Get(':footprintSlug/plans/:planSlug')
  @ApiOperation({
    summary: "A plan's latest publication (anyone); 404 for an unknown or unpublished plan",
  })
  async latest(
    @Param('footprintSlug') footprintSlug: string,
    @Param('planSlug') planSlug: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicPlanView> {
    const view = await this.publicPlans.plan(
      slugOrNotFound(footprintSlug),
      slugOrNotFound(planSlug),
    );
    response.setHeader('cache-control', publicCacheControl);
    return view;
  }

  @Get(':footprintSlug/plans/:planSlug/publications/:number')
  @ApiOperation({ summary: "One of a plan's publications by number (anyone)" })
  async publication(
    @Param('footprintSlug') footprintSlug: string,
    @Param('planSlug') planSlug: string,
    @Param('number') number: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicPlanView> {
    if (!/^[1-9]\d{0,8}$/.test(number))
      throw commonError(CommonErrorCode.ValidationFailed, {
        message: 'number must be a publication number: 1, 2, 3…',
        field: 'number',
      });
    const view = await this.publicPlans.plan(
      slugOrNotFound(footprintSlug),
      slugOrNotFound(planSlug),
      Number(number),
    );
    response.setHeader('cache-control', publicCacheControl);
    return view;
  }
}
