import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type RunningApi,
} from '@commonplan/testing';
import { ServerEvent, type CollabError } from '@commonplan/protocol';
import type pg from 'pg';
import { connectSocket, eventually } from './collab-test-client.js';

/** Signing out, or a session running out, ends that person's open real-time connections too. */
describe('the end of a session', () => {
  let api: RunningApi;
  let db: pg.Client;

  beforeAll(async () => {
    api = await startApi({ env: { COLLAB_ACCESS_RECHECK_SECONDS: '1' } });
    db = await connectTestDatabase();
  });

  afterAll(async () => {
    await api?.stop();
    await db?.end();
  });

  it('closes the sockets of someone who signs out, within seconds', async () => {
    const user = await factories(db).aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const socket = await connectSocket(api.baseUrl, { cookie: client.sessionCookie });
    const errors: CollabError[] = [];
    socket.on(ServerEvent.Error, (error: CollabError) => errors.push(error));
    expect(socket.connected).toBe(true);

    expect((await client.post('/api/auth/sign-out')).status).toBe(204);

    await eventually(() => !socket.connected, 5000);
    expect(errors.map((error) => error.code)).toContain('session_expired');
  });

  // The idle limit is eight hours unless SESSION_IDLE_MINUTES says otherwise.
  it.each([
    ['has run out', `expires_at = now() - interval '1 minute'`],
    ['was left idle too long', `last_seen_at = now() - interval '9 hours'`],
  ])('closes the sockets of a session that %s', async (_, change) => {
    const user = await factories(db).aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const socket = await connectSocket(api.baseUrl, { cookie: client.sessionCookie });

    await db.query(`UPDATE sessions SET ${change} WHERE user_id = $1`, [user.id]);

    await eventually(() => !socket.connected, 5000);
  });

  it('keeps the sockets of a live session open, and the session alive while they are', async () => {
    const user = await factories(db).aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const sockets = await Promise.all(
      [1, 2, 3].map(() => connectSocket(api.baseUrl, { cookie: client.sessionCookie })),
    );
    await db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE user_id = $1`,
      [user.id],
    );

    // The sweep touches the session (it was last seen over a minute ago), and closes nothing.
    await eventually(async () => {
      const { rows } = await db.query<{ recent: boolean }>(
        `SELECT last_seen_at > now() - interval '1 minute' AS recent FROM sessions WHERE user_id = $1`,
        [user.id],
      );
      return rows[0]?.recent === true;
    }, 5000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sockets.map((socket) => socket.connected)).toEqual([true, true, true]);
    for (const socket of sockets) socket.close();
  });
});
