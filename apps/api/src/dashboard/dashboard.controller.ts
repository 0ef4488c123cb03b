import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlanDashboardView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import { PlansService } from '../plans/plans.service.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@Controller()
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly plans: PlansService,
  ) {}

  @Get('plans/:planId/dashboard')
  @ApiOperation({ summary: 'The plan at a glance: status, themes, words, due dates, progress' })
  async view(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<PlanDashboardView> {
    return this.dashboard.view(await this.plans.load(auth, planId, 'section.read'));
  }
}
