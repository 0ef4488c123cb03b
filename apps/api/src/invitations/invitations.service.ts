import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  footprintRoleLabels,
  type CreatedInvitation,
  type InvitationPreview,
  type InvitationView,
  type Page,
} from '@commonplan/domain';
import type { Logger } from 'pino';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { normaliseEmail } from '../auth/auth.service.js';
import { Membership } from '../auth/membership.entity.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../auth/password.js';
import { User } from '../auth/user.entity.js';
import { LOGGER } from '../common/logger.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { FootprintAccess } from '../footprints/footprint-access.service.js';
import { FootprintsService } from '../footprints/footprints.service.js';
import { MailQueue } from '../mail/mail.queue.js';
import { toOrganisationView } from '../organisations/organisation.view.js';
import type { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto.js';
import { Invitation } from './invitation.entity.js';
import { invitationError, InvitationErrorCode } from './invitations.errors.js';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function statusOf(invitation: Invitation, now = new Date()): InvitationView['status'] {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt <= now) return 'expired';
  return 'pending';
}

/** Inviting people into a footprint with a role, and the link they follow to join. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly footprints: FootprintsService,
    private readonly audit: AuditService,
    private readonly mail: MailQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private toView(invitation: Invitation): InvitationView {
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      organisation: toOrganisationView(invitation.organisation),
      invitedBy: invitation.invitedBy?.name ?? '',
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
      status: statusOf(invitation),
    };
  }

  async list(
    access: FootprintAccess,
    paging: { page: number; pageSize: number },
  ): Promise<Page<InvitationView>> {
    const [items, total] = await this.invitations.findAndCount({
      where: { footprintId: access.footprint.id },
      relations: { organisation: true, invitedBy: true },
      order: { createdAt: 'DESC' },
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
    });
    return {
      items: items.map((i) => this.toView(i)),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  async create(
    access: FootprintAccess,
    auth: AuthContext,
    input: CreateInvitationDto,
    context: RequestContext,
  ): Promise<CreatedInvitation> {
    const email = normaliseEmail(input.email);
    const footprintId = access.footprint.id;
    if (
      input.organisationId &&
      !(await this.footprints.isMemberOrganisation(footprintId, input.organisationId))
    ) {
      throw invitationError(InvitationErrorCode.OrganisationNotMember, { field: 'organisationId' });
    }
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.dataSource.transaction(async (manager) => {
      const alreadyMember = await manager
        .createQueryBuilder(Membership, 'membership')
        .innerJoin('membership.user', 'user')
        .where('membership.footprint_id = :footprintId AND user.email = :email', {
          footprintId,
          email,
        })
        .getExists();
      if (alreadyMember)
        throw invitationError(InvitationErrorCode.AlreadyMember, { field: 'email' });
      // A new invitation replaces any earlier one still open for the same person.
      await manager.update(
        Invitation,
        { footprintId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const created = await manager.save(
        manager.create(Invitation, {
          footprintId,
          email,
          role: input.role,
          organisationId: input.organisationId ?? null,
          tokenHash: hashToken(token),
          invitedById: auth.user.id,
          expiresAt: new Date(Date.now() + this.config.auth.invitationDays * 86_400_000),
        }),
      );
      await this.audit.record(
        {
          action: 'invitation.created',
          entityType: 'invitation',
          entityId: created.id,
          footprintId,
          details: { email, role: input.role },
        },
        context,
        manager,
      );
      return created;
    });
    const acceptUrl = `${this.config.http.publicUrl}/invitations/${token}`;
    // The invitation stands either way: without the email the lead is shown the link to send.
    const emailed = await this.mail
      .send({
        to: email,
        subject: `You are invited to ${access.footprint.name} on Commonplan`,
        text: [
          `${auth.user.name} has invited you to join ${access.footprint.name} on Commonplan as ${footprintRoleLabels[input.role].toLowerCase()}.`,
          '',
          `Follow this link to accept and set your password: ${acceptUrl}`,
          '',
          `The link works once and expires on ${invitation.expiresAt.toUTCString()}.`,
        ].join('\n'),
      })
      .catch((error: unknown) => {
        this.logger.warn(
          {
            event: 'invitation_mail_failed',
            invitationId: invitation.id,
            err: (error as Error).message,
          },
          'could not queue an invitation email',
        );
        return false;
      });
    const full = await this.invitations.findOneOrFail({
      where: { id: invitation.id },
      relations: { organisation: true, invitedBy: true },
    });
    return { ...this.toView(full), acceptUrl, emailed };
  }

  async revoke(access: FootprintAccess, id: string, context: RequestContext): Promise<void> {
    const invitation = await this.invitations.findOne({
      where: { id, footprintId: access.footprint.id },
    });
    if (!invitation) throw invitationError(InvitationErrorCode.NotFound);
    if (invitation.acceptedAt)
      throw invitationError(InvitationErrorCode.AlreadyUsed, {
        message: 'This invitation has already been accepted.',
      });
    if (invitation.revokedAt) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Invitation, { id }, { revokedAt: new Date() });
      await this.audit.record(
        {
          action: 'invitation.revoked',
          entityType: 'invitation',
          entityId: id,
          footprintId: access.footprint.id,
          details: { email: invitation.email },
        },
        context,
        manager,
      );
    });
  }

  private assertOpen(invitation: Invitation | null): Invitation {
    if (!invitation) throw invitationError(InvitationErrorCode.NotFound);
    const status = statusOf(invitation);
    if (status === 'accepted') throw invitationError(InvitationErrorCode.AlreadyUsed);
    if (status === 'revoked') throw invitationError(InvitationErrorCode.Revoked);
    if (status === 'expired') throw invitationError(InvitationErrorCode.Expired);
    return invitation;
  }

  private findByToken(token: string) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return Promise.resolve(null);
    return this.invitations.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { footprint: true, invitedBy: true },
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = this.assertOpen(await this.findByToken(token));
    const account = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.email = :email AND user.password_hash IS NOT NULL', { email: invitation.email })
      .getExists();
    return {
      email: invitation.email,
      role: invitation.role,
      footprintName: invitation.footprint.name,
      footprintSlug: invitation.footprint.slug,
      invitedBy: invitation.invitedBy.name,
      expiresAt: invitation.expiresAt.toISOString(),
      hasAccount: account,
    };
  }

  /**
   * Accepts an invitation: a new person sets their name and password; someone who already has an
   * account confirms with their password. Either way they join the footprint and are signed in.
   */
  async accept(
    token: string,
    input: AcceptInvitationDto,
    context: RequestContext,
  ): Promise<{ userId: string }> {
    const found = this.assertOpen(await this.findByToken(token));
    return this.dataSource.transaction(async (manager) => {
      const invitation = this.assertOpen(
        await manager.findOne(Invitation, {
          where: { id: found.id },
          lock: { mode: 'pessimistic_write' },
        }),
      );
      const users = manager.getRepository(User);
      let user = await users
        .createQueryBuilder('user')
        .addSelect('user.passwordHash')
        .where('user.email = :email', { email: invitation.email })
        .getOne();
      if (user?.passwordHash) {
        if (!(await verifyPassword(user.passwordHash, input.password))) {
          throw invitationError(InvitationErrorCode.WrongPassword, { field: 'password' });
        }
      } else {
        const name = input.name?.trim();
        if (!name) throw invitationError(InvitationErrorCode.NameRequired, { field: 'name' });
        assertAcceptablePassword(input.password, invitation.email, 'password');
        const passwordHash = await hashPassword(input.password);
        if (user) {
          await users.update(
            { id: user.id },
            {
              name,
              passwordHash,
              organisationId: user.organisationId ?? invitation.organisationId,
            },
          );
        } else {
          user = await users.save(
            users.create({
              email: invitation.email,
              name,
              passwordHash,
              organisationId: invitation.organisationId,
            }),
          );
        }
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(Membership)
        .values({ footprintId: invitation.footprintId, userId: user.id, role: invitation.role })
        .orIgnore()
        .execute();
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await this.audit.record(
        {
          action: 'invitation.accepted',
          entityType: 'invitation',
          entityId: invitation.id,
          footprintId: invitation.footprintId,
          actorId: user.id,
          details: { email: invitation.email, role: invitation.role },
        },
        context,
        manager,
      );
      return { userId: user.id };
    });
  }
}
