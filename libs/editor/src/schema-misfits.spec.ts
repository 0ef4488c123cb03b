import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { anchorForText, anchorReader } from './comment-anchor.js';
import { sectionFragmentName } from './editor-extensions.js';
import { dropSchemaMisfits, readableFragment, schemaMisfits } from './schema-misfits.js';
import { initialContentUpdate, paragraphsToJson } from './section-content.js';
import { sectionBlockTexts } from './section-text.js';

/** A section as an ordinary editor wrote it, then what a crafted update added. */
function plantedDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialContentUpdate(paragraphsToJson(['Before.', 'After.'])));
  const fragment = doc.getXmlFragment(sectionFragmentName);
  const frame = new Y.XmlElement('iframe');
  frame.setAttribute('src', 'javascript:alert(1)');
  frame.insert(0, [new Y.XmlText('framed')]);
  const marked = new Y.XmlText();
  marked.applyDelta([{ insert: 'marked', attributes: { onclick: { x: 1 } } }]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [marked]);
  fragment.insert(1, [frame, paragraph]);
  return doc;
}

describe('section text holding what the schema lacks', () => {
  it('names the elements and text runs the editor would drop, and nothing else', () => {
    const doc = plantedDoc();
    const misfits = schemaMisfits(doc.getXmlFragment(sectionFragmentName));
    expect(misfits.map(({ child }) => child.constructor.name)).toEqual(['YXmlElement', 'YXmlText']);
    const clean = new Y.Doc();
    Y.applyUpdate(clean, initialContentUpdate(paragraphsToJson(['Only words.'])));
    expect(schemaMisfits(clean.getXmlFragment(sectionFragmentName))).toEqual([]);
  });

  it('is read without them, and reading never changes the document', () => {
    const doc = plantedDoc();
    const before = Y.encodeStateAsUpdate(doc);
    let changes = 0;
    doc.on('update', () => (changes += 1));

    expect(sectionBlockTexts(doc)).toEqual(['Before.', '', 'After.']);
    const anchor = anchorForText(doc, 'After');
    expect(anchor).not.toBeNull();
    expect(anchorReader(doc)(anchor!)).toMatchObject({ detached: false, text: 'After' });
    expect(readableFragment(doc)).not.toBe(doc.getXmlFragment(sectionFragmentName));

    expect(changes).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reads a document that fits the schema in place, without copying it', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialContentUpdate(paragraphsToJson(['Fits.'])));
    expect(readableFragment(doc)).toBe(doc.getXmlFragment(sectionFragmentName));
  });

  it('drops them from a document of its own', () => {
    const doc = plantedDoc();
    expect(dropSchemaMisfits(doc.getXmlFragment(sectionFragmentName))).toBe(2);
    expect(doc.getXmlFragment(sectionFragmentName).toString()).toBe(
      '<paragraph>Before.</paragraph><paragraph></paragraph><paragraph>After.</paragraph>',
    );
  });
});
