import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommentThreadView } from '@commonplan/domain';
import { anchorForText, initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import { ServerEvent, type ThreadChangedMessage } from '@commonplan/protocol';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type RunningApi,
} from '@commonplan/testing';
import type pg from 'pg';
import type * as Y from 'yjs';
import { CollabPeer, eventually, sessionCookieOf, storedDoc } from './collab-test-client.js';

/**
 * Comments with two API instances sharing PostgreSQL and Redis: a thread started through one
 * reaches people in the section on the other, and each reads the range from the text as edited on
 * either.
 */

let first: RunningApi;
let second: RunningApi;
let db: pg.Client;

beforeAll(async () => {
  [first, second] = await Promise.all([startApi(), startApi()]);
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db.end();
  await Promise.all([first.stop(), second.stop()]);
});

describe('comments across two instances', () => {
  it('a thread started on one instance reaches the section on the other, and follows edits made there', async () => {
    const make = factories(db);
    const [author, reviewer] = [await make.aUser(), await make.aUser()];
    const footprint = await make.aFootprint({
      members: { author: [author], reviewer: [reviewer] },
    });
    const section = await make.aSection((await make.aPlan(footprint.id)).id);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(initialContentUpdate(paragraphsToJson(['Waits for a cancer diagnosis.']))),
    ]);

    // The reviewer reads along on the second instance; the author edits there too.
    const watcher = new CollabPeer(
      second.baseUrl,
      await sessionCookieOf(second.baseUrl, reviewer),
      section.id,
    );
    const editor = new CollabPeer(
      second.baseUrl,
      await sessionCookieOf(second.baseUrl, author),
      section.id,
    );
    const seen: ThreadChangedMessage[] = [];
    try {
      await Promise.all([watcher.connect(), editor.connect()]);
      await editor.whenSynced();
      watcher.socket.on(ServerEvent.ThreadChanged, (message: ThreadChangedMessage) =>
        seen.push(message),
      );

      const doc = await storedDoc(db, section.id);
      const anchor = anchorForText(doc, 'cancer diagnosis')!;
      doc.destroy();
      const onFirst = await signedIn(new ApiClient(first.baseUrl), author);
      const started = await onFirst.post<CommentThreadView>(`/api/sections/${section.id}/threads`, {
        anchor,
        body: 'Which cancers?',
      });
      expect(started.status).toBe(201);
      await eventually(() => seen.some((message) => message.thread.id === started.body.id));

      const text = (editor.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert('Waits for a '.length, 'suspected ');
      text.insert('Waits for a suspected cancer'.length, ' and urgent');
      await editor.settled();
      expect(await editor.lastSend).toBe(true);

      // The first instance never had the section open: it reads it from PostgreSQL.
      const fromFirst = await onFirst.get<CommentThreadView[]>(
        `/api/sections/${section.id}/threads`,
      );
      expect(fromFirst.body[0]).toMatchObject({ currentText: 'cancer and urgent diagnosis' });
      const onSecond = await signedIn(new ApiClient(second.baseUrl), reviewer);
      const fromSecond = await onSecond.get<CommentThreadView[]>(
        `/api/sections/${section.id}/threads`,
      );
      expect(fromSecond.body[0]).toMatchObject({ currentText: 'cancer and urgent diagnosis' });
    } finally {
      watcher.close();
      editor.close();
    }
  });
});
