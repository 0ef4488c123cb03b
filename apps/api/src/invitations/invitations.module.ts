import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FootprintsModule } from '../footprints/footprints.module.js';
import { MailModule } from '../mail/mail.module.js';
import { Invitation } from './invitation.entity.js';
import {
  FootprintInvitationsController,
  InvitationLinkController,
} from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';

/** Owns invitations: leads invite by email and role; the link sets a password and joins. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Invitation]),
    AuthModule,
    FootprintsModule,
    AuditModule,
    MailModule,
  ],
  controllers: [FootprintInvitationsController, InvitationLinkController],
  providers: [InvitationsService],
})
export class InvitationsModule {}
