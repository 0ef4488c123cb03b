import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sectionNestingLimit } from '@commonplan/editor';
import { ClientEvent, type JoinAck, type UpdateAck } from '@commonplan/protocol';
import { renderSection } from '@commonplan/render';
import { connectTestDatabase, factories, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import {
  anAuthorWithASection,
  CollabPeer,
  connectSocket,
  emitWithAck,
  logRows,
  sessionCookieOf,
} from './collab-test-client.js';

/**
 * Documents built to hurt: blocks nested thousands deep, one update as large as allowed, and a
 * section filled to its size limit with many small updates. The server refuses what passes a
 * limit with the limit's code before it touches the document; what it accepts, a joining client
 * loads and the draft renderer renders, each well within a bound; the event loop keeps moving.
 */

const metricsToken = 'deep-and-large-metrics-token';
const maxUpdateBytes = 1024 * 1024;
const maxDocumentBytes = 4 * 1024 * 1024;
/** On a two-core machine shared with other test runs. */
const maxEventLoopDelaySeconds = 0.5;

let api: RunningApi;
let db: pg.Client;
let cookie: string;
let planId: string;
const sockets: Socket[] = [];

async function eventLoopDelayMax(): Promise<number> {
  const response = await fetch(`${api.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  const line = /^commonplan_event_loop_delay_seconds\{stat="max"\} (\S+)$/m.exec(
    await response.text(),
  );
  return Number(line![1]);
}

/** A joined socket and a copy of the section's document kept in step with what was accepted. */
async function anEditor(sectionId: string): Promise<{ socket: Socket; doc: Y.Doc }> {
  const socket = await connectSocket(api.baseUrl, { cookie });
  sockets.push(socket);
  const ack = await emitWithAck<JoinAck>(socket, ClientEvent.Join, { sectionId });
  expect(ack.ok).toBe(true);
  return { socket, doc: new Y.Doc() };
}

/** Makes a change on `doc`, sends it as one update and answers the server's acknowledgement. */
async function send(
  socket: Socket,
  sectionId: string,
  doc: Y.Doc,
  change: (fragment: Y.XmlFragment) => void,
): Promise<UpdateAck> {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(doc.getXmlFragment('content')));
  const update = Y.encodeStateAsUpdate(doc, before);
  return emitWithAck<UpdateAck>(socket, ClientEvent.Update, { sectionId, update });
}

function nestInside(parent: Y.XmlFragment | Y.XmlElement, levels: number, kinds: string[]): void {
  let inner = parent;
  for (let level = 0; level < levels; level += 1) {
    const element = new Y.XmlElement(kinds[level % kinds.length]!);
    inner.insert(0, [element]);
    inner = element;
  }
}

function innermost(fragment: Y.XmlFragment): Y.XmlFragment | Y.XmlElement {
  let inner: Y.XmlFragment | Y.XmlElement = fragment;
  while (inner.length > 0 && inner.get(0) instanceof Y.XmlElement)
    inner = inner.get(0) as Y.XmlElement;
  return inner;
}

/** A paragraph of about `bytes` bytes, as one self-contained update from a client of its own. */
function aParagraphUpdate(bytes: number, label: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(`${label} ${'x'.repeat(Math.max(0, bytes - 40))}`)]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** Joins as a fresh client and times how long until the section's text has arrived. */
async function openAsNewcomer(sectionId: string): Promise<{ ms: number; peer: CollabPeer }> {
  const started = Date.now();
  const peer = new CollabPeer(api.baseUrl, cookie, sectionId);
  await peer.connect({ reconnection: false });
  await peer.whenSynced();
  return { ms: Date.now() - started, peer };
}

/** Renders the section as the worker would, from the rows PostgreSQL holds. */
async function renderStored(sectionId: string): Promise<{ ms: number; html: string }> {
  const { rows } = await db.query<{ update: Buffer }>(
    `SELECT snapshot AS update FROM section_documents WHERE section_id = $1
     UNION ALL (SELECT update FROM section_updates WHERE section_id = $1 ORDER BY seq)`,
    [sectionId],
  );
  const started = Date.now();
  const rendered = renderSection(rows.map((row) => row.update));
  return { ms: Date.now() - started, html: rendered.html };
}

beforeAll(async () => {
  api = await startApi({
    env: {
      METRICS_TOKEN: metricsToken,
      COLLAB_MAX_UPDATE_BYTES: String(maxUpdateBytes),
      COLLAB_MAX_DOCUMENT_BYTES: String(maxDocumentBytes),
      COLLAB_UPDATES_PER_SECOND: '10000',
    },
  });
  db = await connectTestDatabase();
  const { author, section } = await anAuthorWithASection(db);
  planId = section.planId;
  cookie = await sessionCookieOf(api.baseUrl, author);
}, 30_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await db?.end();
  await api?.stop();
});

describe('deeply nested text', () => {
  it('refuses quotes or lists nested thousands deep in one update, and keeps the section as it was', async () => {
    const section = await factories(db).aSection(planId);
    const { socket, doc } = await anEditor(section.id);
    expect((await send(socket, section.id, doc, (f) => nestInside(f, 1, ['paragraph']))).ok).toBe(
      true,
    );
    const rowsBefore = await logRows(db, section.id);
    await eventLoopDelayMax();
    for (const kinds of [['blockquote'], ['bulletList', 'listItem']]) {
      const attempt = new Y.Doc();
      Y.applyUpdate(attempt, Y.encodeStateAsUpdate(doc));
      const ack = await send(socket, section.id, attempt, (f) => nestInside(f, 5_000, kinds));
      expect(ack).toMatchObject({ ok: false, error: { code: 'document_too_deep' } });
    }
    const delay = await eventLoopDelayMax();
    expect(delay).toBeLessThan(maxEventLoopDelaySeconds);
    expect(await logRows(db, section.id)).toBe(rowsBefore);
    const { peer } = await openAsNewcomer(section.id);
    expect(peer.fragment.toString()).toBe('<paragraph></paragraph>');
    peer.close();
  });

  it(`builds nesting one level per update up to ${sectionNestingLimit} levels and no further; what it kept opens and renders`, async () => {
    const section = await factories(db).aSection(planId);
    const { socket, doc } = await anEditor(section.id);
    const quotes = sectionNestingLimit - 2;
    const answers: UpdateAck[] = [];
    for (let level = 0; level < quotes; level += 1)
      answers.push(
        await send(socket, section.id, doc, (f) => nestInside(innermost(f), 1, ['blockquote'])),
      );
    // The paragraph and its text take the last two levels.
    answers.push(
      await send(socket, section.id, doc, (f) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('At the bottom of it all.')]);
        innermost(f).insert(0, [paragraph]);
      }),
    );
    expect(answers.every((ack) => ack.ok)).toBe(true);
    // Beside that paragraph, a quote holding a paragraph with text: its text one level too deep.
    const oneMore = await send(socket, section.id, doc, (f) => {
      const quote = new Y.XmlElement('blockquote');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('One level too deep.')]);
      quote.insert(0, [paragraph]);
      (innermost(f).parent as Y.XmlElement).insert(1, [quote]);
    });
    expect(oneMore).toMatchObject({ ok: false, error: { code: 'document_too_deep' } });
    expect(await logRows(db, section.id)).toBe(quotes + 1);

    const { ms: openMs, peer } = await openAsNewcomer(section.id);
    expect(peer.fragment.toString().match(/<blockquote>/g)).toHaveLength(quotes);
    peer.close();
    const rendered = await renderStored(section.id);
    console.info(
      `${sectionNestingLimit} levels (${quotes} quotes, a paragraph, its text): opened by a newcomer in ${openMs} ms, rendered in ${rendered.ms} ms`,
    );
    expect(rendered.html.match(/<blockquote>/g)).toHaveLength(quotes);
    expect(rendered.html).toContain('At the bottom of it all.');
    expect(rendered.ms).toBeLessThan(2_000);
  });
});

describe('enormous documents', () => {
  it('takes one update as large as allowed, refuses a larger one by code, and drops a connection that sends past the transport cap', async () => {
    const section = await factories(db).aSection(planId);
    const { socket } = await anEditor(section.id);
    await eventLoopDelayMax();
    const largest = aParagraphUpdate(maxUpdateBytes - 64, 'largest');
    expect(largest.byteLength).toBeLessThanOrEqual(maxUpdateBytes);
    const started = Date.now();
    expect(
      await emitWithAck<UpdateAck>(socket, ClientEvent.Update, {
        sectionId: section.id,
        update: largest,
      }),
    ).toEqual({ ok: true });
    const acceptedMs = Date.now() - started;
    expect(
      await emitWithAck<UpdateAck>(socket, ClientEvent.Update, {
        sectionId: section.id,
        update: aParagraphUpdate(maxUpdateBytes + 1024, 'too large'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'update_too_large' } });

    // Past the transport's own cap (twice the update limit) the server closes that connection.
    const reckless = await connectSocket(api.baseUrl, { cookie });
    const dropped = new Promise<void>((resolve) => reckless.once('disconnect', () => resolve()));
    reckless.emit(ClientEvent.Update, {
      sectionId: section.id,
      update: new Uint8Array(maxUpdateBytes * 3),
    });
    await dropped;
    const delay = await eventLoopDelayMax();
    const { ms: openMs, peer } = await openAsNewcomer(section.id);
    const rendered = await renderStored(section.id);
    console.info(
      `one ${(largest.byteLength / 1024).toFixed(0)} KiB update acknowledged in ${acceptedMs} ms; opened by a newcomer in ${openMs} ms; rendered in ${rendered.ms} ms; event-loop delay max ${(delay * 1000).toFixed(1)} ms`,
    );
    expect(peer.fragment.toString()).toContain('largest');
    expect(peer.fragment.toString()).not.toContain('too large');
    peer.close();
    expect(socket.connected).toBe(true);
    expect(delay).toBeLessThan(maxEventLoopDelaySeconds);
    expect(await logRows(db, section.id)).toBe(1);
  });

  it('fills a section to its size limit with many small updates, then refuses a flood cheaply', async () => {
    const section = await factories(db).aSection(planId);
    const { socket } = await anEditor(section.id);
    const chunk = 32 * 1024;
    let accepted = 0;
    const fillStarted = Date.now();
    for (;;) {
      const ack = await emitWithAck<UpdateAck>(socket, ClientEvent.Update, {
        sectionId: section.id,
        update: aParagraphUpdate(chunk, `part ${accepted}`),
      });
      if (!ack.ok) {
        expect(ack.error.code).toBe('document_too_large');
        break;
      }
      accepted += 1;
      expect(accepted).toBeLessThan(maxDocumentBytes / chunk + 1);
    }
    const fillMs = Date.now() - fillStarted;
    expect(accepted).toBeGreaterThanOrEqual(Math.floor((maxDocumentBytes * 0.9) / chunk));
    const rowsAtLimit = await logRows(db, section.id);

    // Full: a flood of updates, each refused without the server encoding the whole section again.
    await eventLoopDelayMax();
    const floodStarted = Date.now();
    const flood = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        emitWithAck<UpdateAck>(socket, ClientEvent.Update, {
          sectionId: section.id,
          update: aParagraphUpdate(chunk, `flood ${i}`),
        }),
      ),
    );
    const floodMs = Date.now() - floodStarted;
    const delay = await eventLoopDelayMax();
    expect(flood.every((ack) => !ack.ok && ack.error.code === 'document_too_large')).toBe(true);
    expect(await logRows(db, section.id)).toBe(rowsAtLimit);

    const { ms: openMs, peer } = await openAsNewcomer(section.id);
    const size = Y.encodeStateAsUpdate(peer.doc).byteLength;
    peer.close();
    const rendered = await renderStored(section.id);
    console.info(
      `${accepted} updates of ${chunk / 1024} KiB filled the section to ${(size / 1048576).toFixed(2)} MiB (limit ${maxDocumentBytes / 1048576} MiB) in ${fillMs} ms; 200 more refused in ${floodMs} ms, event-loop delay max ${(delay * 1000).toFixed(1)} ms; opened by a newcomer in ${openMs} ms; rendered in ${rendered.ms} ms`,
    );
    expect(size).toBeLessThanOrEqual(maxDocumentBytes);
    expect(delay).toBeLessThan(maxEventLoopDelaySeconds);
    expect(floodMs).toBeLessThan(5_000);
    expect(openMs).toBeLessThan(5_000);
    expect(rendered.ms).toBeLessThan(5_000);
  }, 60_000);
});
