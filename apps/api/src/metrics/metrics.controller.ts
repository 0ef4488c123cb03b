import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator.js';
import { prometheusContentType } from '../common/prometheus-text.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { metricsError, MetricsErrorCode } from './metrics.errors.js';
import { MetricsService } from './metrics.service.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * GET /api/metrics for Prometheus. Not a person's page: no session, but a bearer token from the
 * configuration (METRICS_TOKEN), so only the monitoring system can read it.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const expected = this.config.metrics.token;
    if (expected === null) throw metricsError(MetricsErrorCode.MetricsOff);
    const given = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(expected)))
      throw metricsError(MetricsErrorCode.MetricsTokenRequired, {
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      });
    res.setHeader('content-type', prometheusContentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await this.metrics.render());
  }
}
