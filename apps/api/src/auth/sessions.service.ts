import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions } from 'express';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InstanceAdmin } from './instance-admin.entity.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

export const sessionCookieName = 'cp_session';

/** How often a session's last-seen time is written back, at most. */
const touchIntervalMs = 60_000;

export type SessionLookup =
  | { status: 'active'; session: Session; user: User; isAdmin: boolean }
  | { status: 'expired' }
  | { status: 'unknown' };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Server-side sessions: a random token in an httpOnly cookie, its hash in PostgreSQL. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(InstanceAdmin) private readonly admins: Repository<InstanceAdmin>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    userId: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: hashToken(token),
        userId,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.auth.sessionAbsoluteHours * 3_600_000),
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 400) ?? null,
      }),
    );
    return { token, session };
  }

  async lookup(token: string): Promise<SessionLookup> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'unknown' };
    const session = await this.sessions.findOne({
      where: { tokenHash: hashToken(token) },
      relations: { user: { organisation: true } },
    });
    if (!session) return { status: 'unknown' };
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.auth.sessionIdleMinutes * 60_000;
    if (now >= session.expiresAt.getTime() || now >= idleLimit) {
      await this.sessions.delete({ id: session.id });
      return { status: 'expired' };
    }
    if (now - session.lastSeenAt.getTime() > touchIntervalMs) {
      session.lastSeenAt = new Date(now);
      await this.sessions.update({ id: session.id }, { lastSeenAt: session.lastSeenAt });
    }
    const isAdmin = await this.admins.exists({ where: { userId: session.userId } });
    return { status: 'active', session, user: session.user, isAdmin };
  }

  /**
   * Which of these sessions are still live (not ended, expired or idle too long), in one
   * statement, touching each as `lookup` does: the periodic sweep of open sockets asks for all of
   * them at once rather than looking up each socket's session, which put hundreds of lookups on
   * the database and the event loop every half minute.
   */
  async liveAmong(sessionIds: readonly string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const now = Date.now();
    const rows = await this.sessions.query<Array<{ id: string }>>(
      `WITH live AS (
         SELECT id, last_seen_at FROM sessions
          WHERE id = ANY($1::uuid[]) AND expires_at > $2 AND last_seen_at > $3
       ), touched AS (
         UPDATE sessions SET last_seen_at = $2 FROM live
          WHERE sessions.id = live.id AND live.last_seen_at < $4
       )
       SELECT id FROM live`,
      [
        [...new Set(sessionIds)],
        new Date(now),
        new Date(now - this.config.auth.sessionIdleMinutes * 60_000),
        new Date(now - touchIntervalMs),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  /**
   * Ends the session a cookie names, if any: signing in (or accepting an invitation) always starts
   * a new session, and the one the browser held before is made useless, so a session id planted
   * before sign-in never becomes a signed-in one.
   */
  async endByToken(token: string | undefined): Promise<void> {
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return;
    await this.sessions.delete({ tokenHash: hashToken(token) });
  }

  /** Ends every session of a person, on every device; returns how many there were. */
  async endAllFor(userId: string): Promise<number> {
    const result = await this.sessions.delete({ userId });
    return result.affected ?? 0;
  }

  /** Removes sessions past their absolute end; idle ones go when next looked up or purged. */
  async purgeExpired(now = new Date()): Promise<number> {
    const idleCutoff = new Date(now.getTime() - this.config.auth.sessionIdleMinutes * 60_000);
    const result = await this.sessions
      .createQueryBuilder()
      .delete()
      .where('expires_at < :now OR last_seen_at < :idleCutoff', { now, idleCutoff })
      .execute();
    return result.affected ?? 0;
  }

  cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.cookieSecure,
      path: '/',
      maxAge: this.config.auth.sessionAbsoluteHours * 3_600_000,
    };
  }
}
