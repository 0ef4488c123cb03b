import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { initialContentUpdate, paragraphsToJson, type SectionJson } from './section-content.js';
import { blockTextsOfJson, countWords, sectionBlockTexts } from './section-text.js';

describe('a section as plain text', () => {
  it('reads each paragraph and heading as one block, in order', () => {
    const json = paragraphsToJson([{ heading: 'Our aims' }, 'Fewer falls at home.', '']);
    expect(blockTextsOfJson(json)).toEqual(['Our aims', 'Fewer falls at home.', '']);
  });

  it('reads list items and table cells block by block, and line breaks as spaces', () => {
    const json: SectionJson = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Falls' }] }],
            },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'first line' },
            { type: 'hardBreak' },
            { type: 'text', text: 'second', marks: [{ type: 'bold' }] },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableCell',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: '£2.1m' }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(blockTextsOfJson(json)).toEqual(['Falls', 'first line second', '£2.1m']);
  });

  it('reads the text held in a Y.Doc', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialContentUpdate(paragraphsToJson(['One two.', 'Three'])));
    expect(sectionBlockTexts(doc)).toEqual(['One two.', 'Three']);
    doc.destroy();
  });

  it('counts words, keeping hyphenated and apostrophe words whole', () => {
    expect(countWords(['A care-home’s 24 beds.', '', '— and more'])).toBe(6);
    expect(countWords([])).toBe(0);
  });
});
