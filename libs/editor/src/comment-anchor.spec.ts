import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import {
  anchorForText,
  anchorReader,
  decodeAnchorPosition,
  isWellFormedAnchor,
  type CommentAnchor,
} from './comment-anchor.js';
import { sectionFragmentName } from './editor-extensions.js';
import { initialContentUpdate, paragraphsToJson } from './section-content.js';

function aSectionDoc(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialContentUpdate(paragraphsToJson(paragraphs)));
  return doc;
}

/** The text node of the n-th paragraph. */
function textOf(doc: Y.Doc, paragraph: number): Y.XmlText {
  const element = doc.getXmlFragment(sectionFragmentName).get(paragraph) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

function anchored(doc: Y.Doc, anchor: CommentAnchor) {
  return anchorReader(doc)(anchor);
}

const opening = 'Waits for a cancer diagnosis are too long.';

describe('comment anchors', () => {
  it('point at the selected text', () => {
    const doc = aSectionDoc(['Where we are now', opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    expect(anchored(doc, anchor)).toMatchObject({ detached: false, text: 'cancer diagnosis' });
  });

  it('hold the very first words of the section', () => {
    const doc = aSectionDoc([opening, 'Second paragraph']);
    expect(anchored(doc, anchorForText(doc, 'Waits')!)).toMatchObject({ text: 'Waits' });
    expect(anchored(doc, anchorForText(doc, 'Second')!)).toMatchObject({ text: 'Second' });
    textOf(doc, 0).insert(0, 'Now: ');
    expect(anchored(doc, anchorForText(doc, 'Now')!)).toMatchObject({ text: 'Now' });
  });

  it('follow the text when someone types before it', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    textOf(doc, 0).insert(0, 'Today, ');
    expect(anchored(doc, anchor)).toMatchObject({ detached: false, text: 'cancer diagnosis' });
  });

  it('grow when someone types inside the range', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    textOf(doc, 0).insert(opening.indexOf('diagnosis'), 'and urgent ');
    expect(anchored(doc, anchor)).toMatchObject({ text: 'cancer and urgent diagnosis' });
  });

  it('do not take in text typed right before or right after the range', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    const text = textOf(doc, 0);
    text.insert(opening.indexOf('cancer diagnosis') + 'cancer diagnosis'.length, ' (all sites)');
    text.insert(opening.indexOf('cancer'), 'suspected ');
    expect(anchored(doc, anchor)).toMatchObject({ text: 'cancer diagnosis' });
  });

  it('follow the text when a paragraph is added above it', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'too long')!;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('A new first paragraph.')]);
    doc.getXmlFragment(sectionFragmentName).insert(0, [paragraph]);
    expect(anchored(doc, anchor)).toMatchObject({ detached: false, text: 'too long' });
  });

  it('are detached when the anchored text is deleted', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    textOf(doc, 0).delete(opening.indexOf('cancer diagnosis'), 'cancer diagnosis'.length);
    expect(anchored(doc, anchor)).toEqual({ detached: true });
  });

  it('are detached when the whole paragraph is deleted', () => {
    const doc = aSectionDoc(['Keep this', opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    doc.getXmlFragment(sectionFragmentName).delete(1, 1);
    expect(anchored(doc, anchor)).toEqual({ detached: true });
  });

  it('keep the rest when only part of the anchored text is deleted', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'cancer diagnosis')!;
    textOf(doc, 0).delete(opening.indexOf('cancer'), 'cancer '.length);
    expect(anchored(doc, anchor)).toMatchObject({ detached: false, text: 'diagnosis' });
  });

  it('span paragraphs, separated by new lines', () => {
    const doc = aSectionDoc(['First part ends here', 'Second part starts here']);
    const start = anchorForText(doc, 'ends here')!;
    const end = anchorForText(doc, 'Second part')!;
    expect(anchored(doc, { start: start.start, end: end.end })).toMatchObject({
      text: 'ends here\nSecond part',
    });
  });

  it('resolve the same in another copy of the document', () => {
    const doc = aSectionDoc([opening]);
    const anchor = anchorForText(doc, 'too long')!;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    textOf(copy, 0).insert(0, 'Sadly, ');
    expect(anchored(copy, anchor)).toMatchObject({ text: 'too long' });
  });

  it('are detached in a document that never held the text', () => {
    const anchor = anchorForText(aSectionDoc([opening]), 'cancer')!;
    expect(anchored(aSectionDoc([opening]), anchor)).toEqual({ detached: true });
  });

  it('refuse anything that is not an encoded position', () => {
    expect(decodeAnchorPosition('not base64!')).toBeNull();
    expect(decodeAnchorPosition('')).toBeNull();
    expect(decodeAnchorPosition(42)).toBeNull();
    expect(decodeAnchorPosition('A'.repeat(400))).toBeNull();
    expect(isWellFormedAnchor({ start: 'AAAA' })).toBe(false);
    const anchor = anchorForText(aSectionDoc([opening]), 'cancer')!;
    expect(isWellFormedAnchor(anchor)).toBe(true);
  });
});
