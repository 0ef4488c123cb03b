import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { liveNesting } from './nesting-rules.js';
import { liveState, updateRefusal } from './update-rules.js';

const limit = 20;

/** Nests `levels` quotes inside `parent` and returns the innermost. */
function nest(parent: Y.XmlFragment | Y.XmlElement, levels: number): Y.XmlFragment | Y.XmlElement {
  let inner = parent;
  for (let level = 0; level < levels; level += 1) {
    const quote = new Y.XmlElement('blockquote');
    inner.insert(0, [quote]);
    inner = quote;
  }
  return inner;
}

/** What the server says to an update made by `change` on a copy of `server`. */
function verdict(server: Y.Doc, change: (client: Y.Doc) => void): string | null {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  client.transact(() => change(client));
  const update = Y.encodeStateAsUpdate(client, before);
  return updateRefusal(update, liveState(server), liveNesting(server, limit));
}

function accepted(server: Y.Doc, change: (client: Y.Doc) => void): void {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  client.transact(() => change(client));
  const update = Y.encodeStateAsUpdate(client, before);
  expect(updateRefusal(update, liveState(server), liveNesting(server, limit))).toBeNull();
  Y.applyUpdate(server, update);
}

const content = (doc: Y.Doc) => doc.getXmlFragment('content');

describe('how deeply an update may nest blocks', () => {
  it('accepts blocks nested up to the limit in one update and refuses one level more', () => {
    const server = new Y.Doc();
    expect(verdict(server, (client) => nest(content(client), limit))).toBeNull();
    expect(verdict(server, (client) => nest(content(client), limit + 1))).toBe('document_too_deep');
    expect(verdict(server, (client) => nest(content(client), 5_000))).toBe('document_too_deep');
  });

  it('counts the levels the document already has: many small updates cannot pass the limit', () => {
    const server = new Y.Doc();
    for (let level = 0; level < limit; level += 1)
      accepted(server, (client) => {
        let inner: Y.XmlFragment | Y.XmlElement = content(client);
        while (inner.length > 0) inner = inner.get(0) as Y.XmlElement;
        nest(inner, 1);
      });
    expect(
      verdict(server, (client) => {
        let inner: Y.XmlFragment | Y.XmlElement = content(client);
        while (inner.length > 0) inner = inner.get(0) as Y.XmlElement;
        nest(inner, 1);
      }),
    ).toBe('document_too_deep');
  });

  it('places a block by its neighbour: one added beside a deep block is as deep', () => {
    const server = new Y.Doc();
    accepted(server, (client) => {
      const inner = nest(content(client), limit - 1);
      inner.insert(0, [new Y.XmlElement('paragraph')]);
    });
    const deepest = (client: Y.Doc) => {
      let inner: Y.XmlFragment | Y.XmlElement = content(client);
      while (inner.length > 0 && (inner.get(0) as Y.XmlElement).length > 0)
        inner = inner.get(0) as Y.XmlElement;
      return inner as Y.XmlElement;
    };
    // A sibling of the innermost paragraph, after it (placed by its left neighbour): at the limit.
    expect(
      verdict(server, (client) => deepest(client).insert(1, [new Y.XmlElement('paragraph')])),
    ).toBeNull();
    // Text in that sibling would be one level past it.
    expect(
      verdict(server, (client) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('too deep')]);
        deepest(client).insert(1, [paragraph]);
      }),
    ).toBe('document_too_deep');
  });

  it('follows blocks of several people merged into one update', () => {
    const server = new Y.Doc();
    const first = new Y.Doc();
    nest(content(first), limit - 2);
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    const before = Y.encodeStateVector(second);
    let inner: Y.XmlFragment | Y.XmlElement = content(second);
    while (inner.length > 0) inner = inner.get(0) as Y.XmlElement;
    nest(inner, 3);
    const merged = Y.mergeUpdates([
      Y.encodeStateAsUpdate(first),
      Y.encodeStateAsUpdate(second, before),
    ]);
    expect(updateRefusal(merged, liveState(server), liveNesting(server, limit))).toBe(
      'document_too_deep',
    );
  });

  it('checks a pasted page of ten thousand paragraphs quickly and lets it in', () => {
    const server = new Y.Doc();
    const started = Date.now();
    accepted(server, (client) => {
      const paragraphs = Array.from({ length: 10_000 }, (_, i) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`Paragraph ${i}`)]);
        return paragraph;
      });
      content(client).insert(0, paragraphs);
    });
    expect(content(server).length).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
