import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationsPage, PlanMuteView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import { PlansService } from '../plans/plans.service.js';
import { NotificationsQueryDto, PlanMuteDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly plans: PlansService,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first, with how many are unread' })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: NotificationsQueryDto,
  ): Promise<NotificationsPage> {
    return this.notifications.list(auth, query);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  markAllRead(@CurrentAuth() auth: AuthContext): Promise<{ unread: number }> {
    return this.notifications.markAllRead(auth);
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  markRead(
    @CurrentAuth() auth: AuthContext,
    @Param('notificationId', uuidParam('notificationId')) notificationId: string,
  ): Promise<{ unread: number }> {
    return this.notifications.markRead(auth, notificationId);
  }

  @Get('plans/:planId/mute')
  @ApiOperation({ summary: 'Whether I have muted this plan' })
  async muteState(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<PlanMuteView> {
    return this.notifications.muteState(auth, await this.plans.load(auth, planId, 'plan.read'));
  }

  @Put('plans/:planId/mute')
  @ApiOperation({ summary: 'Mute or unmute notifications about this plan, for me' })
  async setMuted(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: PlanMuteDto,
  ): Promise<PlanMuteView> {
    return this.notifications.setMuted(
      auth,
      await this.plans.load(auth, planId, 'plan.read'),
      body.muted,
    );
  }
}
