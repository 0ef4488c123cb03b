import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as Y from 'yjs';
import { joinTypingRuns, readTypedItems } from './typing-runs.js';

const remote = Symbol('remote');

/** Applies stored updates as the loader does: in order, some hundreds per transaction. */
function rebuilt(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (let start = 0; start < updates.length; start += 50)
    doc.transact(() => {
      for (const update of updates.slice(start, start + 50)) Y.applyUpdate(doc, update);
    });
  return doc;
}

function expectSameDocument(joined: Y.Doc, plain: Y.Doc): void {
  expect(joined.getXmlFragment('content').toJSON()).toBe(plain.getXmlFragment('content').toJSON());
  expect(Y.equalSnapshots(Y.snapshot(joined), Y.snapshot(plain))).toBe(true);
  // Yjs writes both as the same bytes: the same items, split and joined in the same places.
  expect(Buffer.from(Y.encodeStateAsUpdate(joined))).toEqual(
    Buffer.from(Y.encodeStateAsUpdate(plain)),
  );
}

/** A paragraph holding a text, at the end of the section. */
function newParagraph(doc: Y.Doc, text = ''): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText(text);
  paragraph.insert(0, [content]);
  doc.getXmlFragment('content').push([paragraph]);
  return content;
}

function texts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment('content')
    .toArray()
    .flatMap((paragraph) =>
      paragraph instanceof Y.XmlElement
        ? paragraph.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText)
        : [],
    );
}

/** Someone's section of two paragraphs, 'one' and 'two', and the log of what they do next. */
function aWriterOfTwoParagraphs(): { first: Y.XmlText; second: Y.XmlText; log: Uint8Array[] } {
  const writer = new Y.Doc();
  const first = newParagraph(writer, 'one');
  const second = newParagraph(writer, 'two');
  const log: Uint8Array[] = [Y.encodeStateAsUpdate(writer)];
  writer.on('update', (update: Uint8Array) => log.push(update));
  return { first, second, log };
}

function typedLog(characters: string): Uint8Array[] {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => log.push(update));
  const text = newParagraph(doc);
  for (const character of characters) text.insert(text.length, character);
  return log;
}

/** What one author does in a step of the model below. */
const action = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      at: fc.nat(),
      chars: fc.stringMatching(/^(?:[a-z é€]|😀){1,12}$/u),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      chars: fc.string({ minLength: 1, maxLength: 3, unit: 'grapheme' }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('format' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'paragraph' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'sync' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'send-merged' as const }) },
);
const step = fc.record({ author: fc.integer({ min: 0, max: 2 }), action });
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/**
 * Three authors edit concurrently, each sending its updates to a log and catching up from it now
 * and then (some send several changes merged into one update), as the server stores them.
 */
function editingSession(steps: Step[]): Uint8Array[] {
  const log: Uint8Array[] = [];
  const authors = [0, 1, 2].map(() => {
    const doc = new Y.Doc();
    const outbox: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== remote) outbox.push(update);
    });
    return { doc, outbox, seen: 0 };
  });
  newParagraph(authors[0]!.doc, 'Opening text.');
  const send = (author: (typeof authors)[number], merged: boolean) => {
    if (author.outbox.length === 0) return;
    if (merged) log.push(Y.mergeUpdates(author.outbox));
    else log.push(...author.outbox);
    author.outbox.length = 0;
  };
  const catchUp = (author: (typeof authors)[number]) => {
    for (; author.seen < log.length; author.seen += 1)
      Y.applyUpdate(author.doc, log[author.seen]!, remote);
  };
  for (const { author: index, action: chosen } of steps) {
    const author = authors[index]!;
    const act = chosen as { kind: string; at?: number; chars?: string; length?: number };
    const all = texts(author.doc);
    const text = all.length > 0 ? all[(act.at ?? 0) % all.length]! : null;
    switch (act.kind) {
      case 'type': {
        // Keystroke by keystroke, mostly at the end of a paragraph as people write, sometimes
        // from a place in the middle.
        if (!text) {
          newParagraph(author.doc, act.chars);
          break;
        }
        let at = (act.at ?? 0) % 3 === 0 ? (act.at ?? 0) % (text.length + 1) : text.length;
        for (const character of act.chars!) {
          text.insert(at, character);
          at += character.length;
        }
        break;
      }
      case 'insert':
        if (text) text.insert((act.at ?? 0) % (text.length + 1), act.chars!);
        break;
      case 'delete':
        if (text && text.length > 0) {
          const at = (act.at ?? 0) % text.length;
          text.delete(at, Math.min(act.length!, text.length - at));
        }
        break;
      case 'format':
        if (text && text.length > 0) {
          const at = (act.at ?? 0) % text.length;
          text.format(at, Math.min(act.length!, text.length - at), { bold: true });
        }
        break;
      case 'paragraph':
        newParagraph(author.doc);
        break;
      case 'sync':
        send(author, false);
        catchUp(author);
        break;
      case 'send-merged':
        send(author, true);
        break;
    }
  }
  for (const author of authors) send(author, false);
  return log;
}

describe('runs of typing in a stored log', () => {
  it('reads one person typing a paragraph character by character as one update', () => {
    const log = typedLog('The partnership will move care closer to home. 😀 Café, 10 €.');
    const joined = joinTypingRuns(log);
    // The paragraph, its first character (which names its parent, not an origin), then the run.
    expect(joined.length).toBe(3);
    expectSameDocument(rebuilt(joined), rebuilt(log));
  });

  it('gives the same document as the log, whatever authors type, delete and format concurrently', () => {
    let joinedAway = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 150 }), (steps) => {
        const log = editingSession(steps);
        const joined = joinTypingRuns(log);
        joinedAway += log.length - joined.length;
        expectSameDocument(rebuilt(joined), rebuilt(log));
      }),
      { numRuns: 300 },
    );
    // The sessions did give runs to join.
    expect(joinedAway).toBeGreaterThan(1_000);
  });

  it('gives the same document when someone later types inside a joined run', () => {
    const writer = new Y.Doc();
    const log: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => log.push(update));
    const text = newParagraph(writer);
    for (const character of 'abcdef') text.insert(text.length, character);
    // Another author, who has seen it all, types between c and d, then the writer goes on.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(writer));
    other.on('update', (update: Uint8Array) => log.push(update));
    texts(other)[0]!.insert(3, 'XY');
    for (const character of 'ghi') text.insert(text.length, character);
    const joined = joinTypingRuns(log);
    expect(joined.length).toBeLessThan(log.length);
    const doc = rebuilt(joined);
    expect(texts(doc)[0]!.toString()).toBe('abcXYdefghi');
    expectSameDocument(doc, rebuilt(log));
  });

  it('leaves updates it does not recognise exactly as they were, damaged ones included', () => {
    const log = typedLog('abc');
    const damaged = Uint8Array.from(log[2]!);
    // The character's UTF-8 byte replaced by one that cannot start a character.
    damaged[damaged.length - 2] = 0xff;
    expect(readTypedItems(damaged)).toBeNull();
    const truncated = log[3]!.subarray(0, log[3]!.length - 2);
    expect(readTypedItems(truncated)).toBeNull();
    const joined = joinTypingRuns([log[0]!, log[1]!, damaged, truncated]);
    expect(joined[2]).toBe(damaged);
    expect(joined[3]).toBe(truncated);
    expect(() => rebuilt([damaged])).toThrow();
  });

  it('does not join across a deletion, or join another author typing at the same place', () => {
    const writer = new Y.Doc();
    const log: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => log.push(update));
    const text = newParagraph(writer, 'x');
    text.insert(1, 'a');
    text.insert(2, 'b');
    text.delete(2, 1);
    text.insert(2, 'c');
    const joined = joinTypingRuns(log);
    // a and b join; the deletion stands alone; c follows the deletion.
    expect(joined.length).toBe(log.length - 1);
    expectSameDocument(rebuilt(joined), rebuilt(log));
  });

  it('does not join typing that moves on to another paragraph', () => {
    const { first, second, log } = aWriterOfTwoParagraphs();
    first.insert(first.length, 'a');
    first.insert(first.length, 'b');
    second.insert(second.length, 'c');
    const joined = joinTypingRuns(log);
    expect(joined.length).toBe(log.length - 1);
    expect(texts(rebuilt(joined)).map(String)).toEqual(['oneab', 'twoc']);
    expectSameDocument(rebuilt(joined), rebuilt(log));
  });

  it("does not join across a gap in the author's clock", () => {
    const { first: text, second: other, log } = aWriterOfTwoParagraphs();
    text.insert(text.length, 'a');
    other.insert(other.length, 'c');
    text.insert(text.length, 'd');
    // The row for c comes after d's, as a row sent again would.
    const [opening, a, c, d] = log;
    const joined = joinTypingRuns([opening!, a!, d!, c!]);
    expect(texts(rebuilt(joined)).map(String)).toEqual(['onead', 'twoc']);
    expectSameDocument(rebuilt(joined), rebuilt([opening!, a!, d!, c!]));
  });

  it('does not join an item typed before another right-hand neighbour', () => {
    const writer = new Y.Doc();
    const text = newParagraph(writer, 'xy');
    const log: Uint8Array[] = [Y.encodeStateAsUpdate(writer)];
    let z: Uint8Array | null = null;
    writer.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== remote) log.push(update);
    });
    text.insert(1, 'a');
    // Someone else types Z after a; the writer sees it, then types b between a and Z.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(writer));
    other.on('update', (update: Uint8Array) => (z = update));
    texts(other)[0]!.insert(2, 'Z');
    Y.applyUpdate(writer, z!, remote);
    text.insert(2, 'b');
    expect(text.toString()).toBe('xabZy');
    // In the log, b comes before Z (Yjs holds it until Z arrives): a and b must not be joined.
    const stored = [...log, z!];
    const joined = joinTypingRuns(stored);
    expect(joined.length).toBe(stored.length);
    expect(texts(rebuilt(joined))[0]!.toString()).toBe('xabZy');
    expectSameDocument(rebuilt(joined), rebuilt(stored));
  });
});
