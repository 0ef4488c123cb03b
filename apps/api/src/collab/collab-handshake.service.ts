import { Inject, Injectable } from '@nestjs/common';
import type { CollabErrorCode } from '@commonplan/protocol';
import type { AuthContext } from '../auth/auth-context.js';
import { readCookie } from '../auth/cookies.js';
import { sessionCookieName, SessionsService } from '../auth/sessions.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isAllowedSocketOrigin } from './socket-origin.js';

export interface HandshakeHeaders {
  cookie?: string;
  origin?: string;
  host?: string;
}

export type HandshakeResult =
  { ok: true; auth: AuthContext } | { ok: false; code: CollabErrorCode };

/**
 * Authenticates a socket at its handshake with the same session cookie and origin rule as REST,
 * and caps how many connections one person holds on this instance.
 */
@Injectable()
export class CollabHandshake {
  private readonly connections = new Map<string, number>();

  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(headers: HandshakeHeaders): Promise<HandshakeResult> {
    if (!isAllowedSocketOrigin(headers.origin, headers.host, this.config.http.allowedOrigins))
      return { ok: false, code: 'foreign_origin' };
    const token = readCookie(headers.cookie, sessionCookieName);
    if (!token) return { ok: false, code: 'not_authenticated' };
    const lookup = await this.sessions.lookup(token);
    if (lookup.status === 'expired') return { ok: false, code: 'session_expired' };
    if (lookup.status !== 'active') return { ok: false, code: 'not_authenticated' };
    const { user, session, isAdmin } = lookup;
    if ((this.connections.get(user.id) ?? 0) >= this.config.collab.maxConnectionsPerUser)
      return { ok: false, code: 'too_many_connections' };
    return { ok: true, auth: { user, sessionId: session.id, isAdmin } };
  }

  /** Whether the session a socket was opened with is still live (sign-out ends its sockets). */
  async stillSignedIn(auth: AuthContext, cookieHeader: string | undefined): Promise<boolean> {
    const token = readCookie(cookieHeader, sessionCookieName);
    if (!token) return false;
    const lookup = await this.sessions.lookup(token);
    return lookup.status === 'active' && lookup.session.id === auth.sessionId;
  }

  connected(userId: string): void {
    this.connections.set(userId, (this.connections.get(userId) ?? 0) + 1);
  }

  disconnected(userId: string): void {
    const count = (this.connections.get(userId) ?? 1) - 1;
    if (count <= 0) this.connections.delete(userId);
    else this.connections.set(userId, count);
  }
}
