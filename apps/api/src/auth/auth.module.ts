import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { InstanceAdmin } from './instance-admin.entity.js';
import { Membership } from './membership.entity.js';
import { SameOriginGuard } from './same-origin.guard.js';
import { SessionEndings } from './session-endings.js';
import { Session } from './session.entity.js';
import { SessionGuard } from './session.guard.js';
import { SessionsService } from './sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { User } from './user.entity.js';

/**
 * Owns accounts, sessions and roles: who someone is, whether they run the instance, and which role
 * they hold in each footprint. Guards every route: same origin for changes, then a live session.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User, Session, InstanceAdmin, Membership]), AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsService,
    SessionEndings,
    SignInThrottle,
    { provide: APP_GUARD, useClass: SameOriginGuard },
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService, SessionsService, TypeOrmModule],
})
export class AuthModule {}
