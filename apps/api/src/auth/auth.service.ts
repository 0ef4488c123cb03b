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
import { verifyPassword } from './password.js';
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
  ) {}

  async signIn(
    emailInput: string,
    password: string,
    context: RequestContext,
    userAgent: string | null,
  ) {
    const email = normaliseEmail(emailInput);
    await this.throttle.assertNotLocked(email);
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!valid || !user) {
      const failure = await this.throttle.recordFailure(email);
      await this.audit.record(
        {
          action: 'auth.sign_in_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          actorId: user?.id ?? null,
          details: { email, failures: failure.failures, locked: failure.locked },
        },
        context,
      );
      if (failure.delayMs > 0) await sleep(failure.delayMs);
      if (failure.locked) this.throttle.lockedNow();
      throw authError(AuthErrorCode.InvalidCredentials);
    }
    await this.throttle.clear(email);
    const { token, session } = await this.sessions.create(user.id, { ip: context.ip, userAgent });
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
