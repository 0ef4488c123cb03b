import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { sectionFragmentName } from './editor-extensions.js';
import { nestingDepth } from './section-nesting.js';

describe('how deeply a section nests', () => {
  it('counts each block and the text inside the innermost one', () => {
    const doc = new Y.Doc();
    expect(nestingDepth(doc)).toBe(0);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('One')]);
    item.insert(0, [paragraph]);
    list.insert(0, [item]);
    doc.getXmlFragment(sectionFragmentName).insert(0, [new Y.XmlElement('paragraph'), list]);
    expect(nestingDepth(doc)).toBe(4);
  });

  it('answers for a document 20,000 levels deep, too deep for anything recursive', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(sectionFragmentName);
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    doc.transact(() => {
      for (let level = 0; level < 20_000; level += 1) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
    });
    expect(nestingDepth(doc)).toBe(20_000);
  });

  it('does not count deleted blocks', () => {
    const shallow = new Y.Doc();
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [new Y.XmlElement('blockquote')]);
    shallow.getXmlFragment(sectionFragmentName).insert(0, [quote]);
    expect(nestingDepth(shallow)).toBe(2);
    shallow.getXmlFragment(sectionFragmentName).delete(0, 1);
    expect(nestingDepth(shallow)).toBe(0);
  });
});
