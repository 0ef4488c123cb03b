/**
 * `node scripts/measure-update-validation.mjs` (after `npx nx run-many -t build`): what it would
 * cost to check every Yjs update against the section schema before accepting it, beside what
 * accepting one costs today, for sections of 1,000, 5,000 and 20,000 words; and what the readers'
 * check for content the schema lacks costs. The figures behind decision 21. Not part of `npm test`.
 */
import {
  initialContentUpdate,
  paragraphsToJson,
  schemaMisfits,
  sectionFragmentName,
  sectionSchema,
} from '@commonplan/editor';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

const vocabulary =
  'care quality finance workforce estates digital prevention community hospital primary';
const words = vocabulary.split(' ');

/** A section of `paragraphs` paragraphs of 20 words each. */
function sectionOf(paragraphs) {
  const texts = Array.from(
    { length: paragraphs },
    (_, i) => Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(' ') + '.',
  );
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialContentUpdate(paragraphsToJson(texts)));
  return doc;
}

/** Microseconds per call, after a warm-up. */
function time(label, runs, fn) {
  for (let i = 0; i < Math.min(50, runs); i += 1) fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) fn(i);
  const micros = Number(process.hrtime.bigint() - started) / 1000 / runs;
  console.log(`  ${label}: ${micros.toFixed(1)} µs`);
}

const schema = sectionSchema();
for (const paragraphs of [50, 250, 1000]) {
  console.log(`${(paragraphs * 20).toLocaleString('en-GB')} words`);
  const server = sectionOf(paragraphs);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
  const keystrokes = [];
  editor.on('update', (update) => keystrokes.push(update));
  const text = editor
    .getXmlFragment(sectionFragmentName)
    .get(Math.floor(paragraphs / 2))
    .get(0);
  for (let i = 0; i < 400; i += 1) text.insert(3, 'x');

  let next = 0;
  time('accepting one keystroke today (decode, apply)', 400, () => {
    const update = keystrokes[next++ % keystrokes.length];
    Y.decodeUpdate(update);
    Y.applyUpdate(server, update);
  });
  time('scanning its structs for unknown element and mark names', 400, (i) => {
    for (const { content } of Y.decodeUpdate(keystrokes[i % keystrokes.length]).structs) {
      if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement)
        if (!schema.nodes[content.type.nodeName]) throw new Error('unknown element');
      if (content instanceof Y.ContentFormat && !schema.marks[content.key])
        throw new Error('unknown mark');
    }
  });
  const state = Y.encodeStateAsUpdate(server);
  const runs = paragraphs >= 1000 ? 20 : 60;
  time('checking it against the schema (copy, apply, convert, check)', runs, (i) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    Y.applyUpdate(copy, keystrokes[i % keystrokes.length]);
    yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(sectionFragmentName), schema).check();
    copy.destroy();
  });
  time('the readers\u2019 check for what the schema lacks (schemaMisfits)', runs * 4, () =>
    schemaMisfits(server.getXmlFragment(sectionFragmentName)),
  );
}
