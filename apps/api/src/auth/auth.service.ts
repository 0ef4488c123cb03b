import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Me } from '@commonplan/domain';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { toOrganisationView } from '../organisations/organisation.view.js';
import { authError, AuthErrorCode } from './auth.errors.js';
import { InstanceAdmin } from './instance-admin.entity.js';
import { Membership } from './membership.entity.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.js';
import { SessionEndings } from './session-endings.js';
import { SessionsService } from './sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { User } from './user.entity.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Signing in and out, and describing who is signed in. */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(InstanceAdmin) private readonly admins: Repository<InstanceAdmin>,
    private readonly sessions: SessionsService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly endings: SessionEndings,
  ) {}

  /**
   * Checks the password and starts a new session. `previousToken` is the session cookie the browser
   * already held, if any: it is ended, so a session id fixed before sign-in is useless after it.
   */
  async signIn(
    emailInput: string,
    password: string,
    context: RequestContext,
    client: { userAgent: string | null; previousToken?: string },
  ) {
    const email = normaliseEmail(emailInput);
    await this.throttle.assertNotLocked(email, context.ip);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!valid || !user) {
      const failure = await this.throttle.recordFailure(email, context.ip);
      await this.audit.record(
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          actorId: user?.id ?? null,
          details: { email, failures: failure.failures, locked: failure.locked !== null },
        },
        context,
      );
      if (failure.lockedJustNow)
        await this.audit.record(
          {
            action: 'auth.sign_in_locked',
            entityType: 'user',
            entityId: user?.id ?? null,
            actorId: user?.id ?? null,
            details: {
              email,
              scope: failure.locked,
              failures: failure.failures,
              addressFailures: failure.addressFailures,
              minutes: this.throttle.lockMinutes,
            },
          },
          context,
        );
      if (failure.delayMs > 0) await sleep(failure.delayMs);
      if (failure.locked) this.throttle.lockedNow(failure.locked);
      throw authError(AuthErrorCode.InvalidCredentials);
    }
    await this.throttle.clear(email);
    await this.sessions.endByToken(client.previousToken);
    const { token, session } = await this.sessions.create(user.id, {
      ip: context.ip,
      userAgent: client.userAgent,
    });
    await this.audit.record(
      {
        action: 'auth.signed_in',
        entityType: 'user',
        entityId: user.id,
        actorId: user.id,
        details: { sessionId: session.id },
      },
      context,
    );
    return { token, me: await this.describe(user.id) };
  }

  async signOut(sessionId: string, context: RequestContext): Promise<void> {
    await this.sessions.end(sessionId);
    await this.audit.record(
      { action: 'auth.signed_out', entityType: 'user', entityId: context.auth?.user.id ?? null },
      context,
    );
    if (context.auth) await this.endings.announce(context.auth.user.id);
  }

  /** Ends every session of the person, on every device, and closes their open sockets. */
  async signOutEverywhere(userId: string, context: RequestContext): Promise<number> {
    const ended = await this.sessions.endAllFor(userId);
    await this.audit.record(
      {
        action: 'auth.signed_out_everywhere',
        entityType: 'user',
        entityId: userId,
        details: { sessions: ended },
      },
      context,
    );
    await this.endings.announce(userId);
    return ended;
  }

  /**
   * Changes the password after checking the current one. Every session of the person ends (a thief
   * holding one is shut out) and a new one is returned for the browser that made the change.
   */
  async changePassword(
    userId: string,
    input: { currentPassword: string; newPassword: string },
    context: RequestContext,
    userAgent: string | null,
  ): Promise<{ token: string }> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :userId', { userId })
      .getOneOrFail();
    await this.throttle.assertNotLocked(user.email, context.ip);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      const failure = await this.throttle.recordFailure(user.email, context.ip);
      await this.audit.record(
        {
          action: 'auth.password_change_failed',
          entityType: 'user',
          entityId: user.id,
          details: { failures: failure.failures },
        },
        context,
      );
      if (failure.locked) this.throttle.lockedNow(failure.locked);
      throw authError(AuthErrorCode.WrongCurrentPassword, { field: 'currentPassword' });
    }
    assertAcceptablePassword(input.newPassword, user.email, 'newPassword');
    if (input.newPassword === input.currentPassword)
      throw authError(AuthErrorCode.WeakPassword, {
        message: 'Choose a new password that is different from your current one.',
        field: 'newPassword',
      });
    await this.users.update(
      { id: user.id },
      { passwordHash: await hashPassword(input.newPassword) },
    );
    const ended = await this.sessions.endAllFor(user.id);
    const { token } = await this.sessions.create(user.id, { ip: context.ip, userAgent });
    await this.audit.record(
      {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
        details: { sessionsEnded: ended },
      },
      context,
    );
    await this.endings.announce(user.id);
    return { token };
  }

  /** The signed-in person, whether they run the instance, and every footprint they belong to. */
  async describe(userId: string): Promise<Me> {
    const user = await this.users.findOneOrFail({
      where: { id: userId },
      relations: { organisation: true },
    });
    const [memberships, isAdmin] = await Promise.all([
      this.memberships.find({
        where: { userId },
        relations: { footprint: true },
        order: { footprint: { name: 'ASC' } },
      }),
      this.admins.exists({ where: { userId } }),
    ]);
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        organisation: toOrganisationView(user.organisation),
      },
      isAdmin,
      memberships: memberships.map((membership) => ({
        footprintId: membership.footprintId,
        footprintSlug: membership.footprint.slug,
        footprintName: membership.footprint.name,
        role: membership.role,
      })),
    };
  }
}
