/**
 * Section text as the editor writes it: paragraphs (`paragraph` elements holding a text node) in
 * the `content` XML fragment of the section's Y.Doc.
 */
import * as Y from 'yjs';

export const contentFragment = 'content';

const prose =
  'The partnership will move care closer to home by joining up community services, primary care ' +
  'and social care around neighbourhoods of thirty to fifty thousand people. ';

/** Adds an empty paragraph at the end and returns its text, ready to type into. */
export function appendParagraph(doc: Y.Doc, text = ''): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  if (text) content.insert(0, text);
  paragraph.insert(0, [content]);
  doc.getXmlFragment(contentFragment).push([paragraph]);
  return content;
}

/** The next character a typist would type, cycling through a paragraph of plausible prose. */
export function nextCharacter(position: number): string {
  return prose[position % prose.length]!;
}

/** About `bytes` characters of prose, with a marker so each block is distinct. */
export function proseBlock(bytes: number, marker: string): string {
  const head = `${marker} `;
  let body = head;
  while (body.length < bytes) body += prose;
  return body.slice(0, bytes);
}

/** One update holding a few paragraphs: the text a section has before the bench types into it. */
export function startingText(paragraphs: number): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < paragraphs; i += 1) appendParagraph(doc, proseBlock(600, `Paragraph ${i}.`));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A section's history as `count` small updates: a person typing one character at a time, starting
 * a new paragraph every so often. Each is the update the editor would have sent.
 */
export function typedHistory(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  let text = appendParagraph(doc);
  let typed = 0;
  while (updates.length < count) {
    if (typed > 0 && typed % 400 === 0) text = appendParagraph(doc);
    else text.insert(text.length, nextCharacter(typed));
    typed += 1;
  }
  doc.destroy();
  return updates.slice(0, count);
}

const words =
  'the partnership will move care closer to home by joining up community services primary care ' +
  'and social care around neighbourhoods of people with long term conditions frailty mental health ' +
  'urgent and emergency care prevention workforce estates digital finance outcomes';
const vocabulary = words.split(' ');

/**
 * About `wordCount` words of section text typed as people type it: several authors taking turns
 * on paragraphs of about a hundred words, one character per change, with a mistyped character
 * deleted again now and then. Returns the document's state as one update, as a compacted log
 * holds it (the structure in memory is the same as the typed history's).
 */
export function typedSectionState(wordCount: number, authors = 4): Uint8Array {
  const docs = Array.from({ length: authors }, () => new Y.Doc());
  const [first] = docs;
  for (const doc of docs.slice(1))
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'peer') Y.applyUpdate(first!, update, 'peer');
    });
  first!.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'peer') return;
    for (const doc of docs.slice(1)) Y.applyUpdate(doc, update, 'peer');
  });
  let written = 0;
  let paragraph = 0;
  while (written < wordCount) {
    const doc = docs[paragraph % authors]!;
    // Bring this author up to date before their turn.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(first!, Y.encodeStateVector(doc)), 'peer');
    const text = appendParagraph(doc);
    for (let w = 0; w < 100 && written < wordCount; w += 1, written += 1) {
      const word = `${vocabulary[(written * 7 + paragraph) % vocabulary.length]!} `;
      for (const character of word) text.insert(text.length, character);
      if (written % 23 === 0) {
        text.insert(text.length, 'x');
        text.delete(text.length - 1, 1);
      }
    }
    paragraph += 1;
  }
  for (const doc of docs.slice(1))
    Y.applyUpdate(first!, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(first!)), 'peer');
  const state = Y.encodeStateAsUpdate(first!);
  for (const doc of docs) doc.destroy();
  return state;
}
