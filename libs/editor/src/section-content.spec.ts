import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { initialContentUpdate, paragraphsToJson, sectionJson } from './section-content.js';
import { sectionSchema } from './section-schema.js';

describe('the section schema', () => {
  it('holds what a plan needs', () => {
    const nodes = Object.keys(sectionSchema().nodes);
    for (const name of [
      'doc',
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'listItem',
      'blockquote',
      'table',
      'tableRow',
      'tableCell',
      'tableHeader',
      'hardBreak',
      'horizontalRule',
    ]) {
      expect(nodes).toContain(name);
    }
    const marks = Object.keys(sectionSchema().marks);
    for (const name of ['bold', 'italic', 'link']) expect(marks).toContain(name);
  });
});

describe('starting text', () => {
  it('round-trips through a Y.Doc unchanged', () => {
    const json = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Where we are now' }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Waits for a ' },
            { type: 'text', marks: [{ type: 'bold' }], text: 'cancer diagnosis' },
            { type: 'text', text: ' are too long.' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }],
            },
          ],
        },
      ],
    };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialContentUpdate(json));
    const back = sectionJson(doc);
    expect(back.content?.[0]).toMatchObject({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Where we are now' }],
    });
    expect(back.content?.[1]?.content?.[1]).toMatchObject({
      text: 'cancer diagnosis',
      marks: [{ type: 'bold' }],
    });
    expect(back.content?.[2]?.type).toBe('bulletList');
  });

  it('refuses content the schema does not allow', () => {
    expect(() =>
      initialContentUpdate({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }),
    ).toThrow();
    expect(() =>
      initialContentUpdate({
        type: 'doc',
        content: [{ type: 'text', text: 'bare text at the top' }],
      }),
    ).toThrow();
  });

  it('builds simple documents from paragraphs and headings', () => {
    expect(paragraphsToJson([{ heading: 'Aims' }, 'Fewer people in hospital.'])).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Aims' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Fewer people in hospital.' }] },
      ],
    });
  });
});
