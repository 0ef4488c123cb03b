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
 * and caps how many connections one person holds on this instance. A slot is taken by socket id
 * in the same step as the cap is checked, so a burst of handshakes cannot pass the cap, and is
 * given back by socket id, so releasing it twice (the socket disconnected and its transport
 * closed) frees it once.
 */
@Injectable()
export class CollabHandshake {
  /** The socket ids holding a connection slot, by person. */
  private readonly connections = new Map<string, Set<string>>();
  /** Whose slot each socket holds. */
  private readonly holders = new Map<string, string>();

  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the handshake and, when it is accepted, takes a connection slot for `socketId`. */
  async authenticate(headers: HandshakeHeaders, socketId: string): Promise<HandshakeResult> {
    if (!isAllowedSocketOrigin(headers.origin, headers.host, this.config.http.allowedOrigins))
      return { ok: false, code: 'foreign_origin' };
    const token = readCookie(headers.cookie, sessionCookieName);
    if (!token) return { ok: false, code: 'not_authenticated' };
    const lookup = await this.sessions.lookup(token);
    if (lookup.status === 'expired') return { ok: false, code: 'session_expired' };
    if (lookup.status !== 'active') return { ok: false, code: 'not_authenticated' };
    const { user, session, isAdmin } = lookup;
    const held = this.connections.get(user.id) ?? new Set<string>();
    if (held.size >= this.config.collab.maxConnectionsPerUser)
      return { ok: false, code: 'too_many_connections' };
    held.add(socketId);
    this.connections.set(user.id, held);
    this.holders.set(socketId, user.id);
    return { ok: true, auth: { user, sessionId: session.id, isAdmin } };
  }

  /** Which of the sessions sockets were opened with are still live (sign-out ends their sockets). */
  liveSessions(sessionIds: readonly string[]): Promise<Set<string>> {
    return this.sessions.liveAmong(sessionIds);
  }

  /** Gives back the socket's slot; harmless when it was already given back. */
  release(socketId: string): void {
    const userId = this.holders.get(socketId);
    if (userId === undefined) return;
    this.holders.delete(socketId);
    const held = this.connections.get(userId);
    held?.delete(socketId);
    if (held?.size === 0) this.connections.delete(userId);
  }
}
