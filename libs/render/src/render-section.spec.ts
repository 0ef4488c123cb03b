import { describe, expect, it } from '@jest/globals';
import {
  initialContentUpdate,
  sectionFragmentName,
  sectionNestingLimit,
  sectionSchema,
  type SectionJson,
} from '@commonplan/editor';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { renderSection } from './render-section.js';
import { SectionStateError } from './section-state.js';

const text = (value: string, marks?: SectionJson['marks']): SectionJson => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const p = (...content: SectionJson[]): SectionJson => ({ type: 'paragraph', content });
const doc = (...content: SectionJson[]): SectionJson => ({ type: 'doc', content });

/** A Yjs state holding the document exactly as a browser would have written it. */
function stateOf(json: SectionJson): Uint8Array {
  return initialContentUpdate(json);
}

describe('rendering a section', () => {
  it('writes headings, marks, lists and links as the editor does', () => {
    const rendered = renderSection([
      stateOf(
        doc(
          { type: 'heading', attrs: { level: 2 }, content: [text('Where we are')] },
          p(text('Waits are '), text('too long', [{ type: 'bold' }]), text(' & growing.')),
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: [p(text('One'))] }],
          },
          p(
            text('See '),
            text('the strategy', [{ type: 'link', attrs: { href: 'https://example.org/s' } }]),
          ),
        ),
      ),
    ]);
    expect(rendered.html).toBe(
      '<h2>Where we are</h2><p>Waits are <strong>too long</strong> &amp; growing.</p>' +
        '<ul><li><p>One</p></li></ul>' +
        '<p>See <a target="_blank" rel="noopener noreferrer nofollow" href="https://example.org/s">the strategy</a></p>',
    );
    expect(rendered.words).toBe(12);
    expect(rendered.markdown).toBe(
      '## Where we are\n\nWaits are **too long** & growing.\n\n- One\n\nSee [the strategy](https://example.org/s)\n',
    );
    expect(rendered.blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'listItem',
      'paragraph',
    ]);
  });

  it('renders tables with their cells and a Markdown table', () => {
    const cell = (type: 'tableCell' | 'tableHeader', value: string): SectionJson => ({
      type,
      content: [p(text(value))],
    });
    const rendered = renderSection([
      stateOf(
        doc({
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [cell('tableHeader', 'Year'), cell('tableHeader', 'Beds')],
            },
            { type: 'tableRow', content: [cell('tableCell', '2024'), cell('tableCell', '310')] },
          ],
        }),
      ),
    ]);
    expect(rendered.html).toContain('<table style="min-width: 50px;">');
    expect(rendered.html).toContain('<th colspan="1" rowspan="1"><p>Year</p></th>');
    expect(rendered.markdown).toBe('| Year | Beds |\n| --- | --- |\n| 2024 | 310 |\n');
    expect(rendered.blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['Year', 'Beds'],
          ['2024', '310'],
        ],
        text: 'Year Beds 2024 310',
      },
    ]);
  });

  it('drops a javascript: link written straight into the Yjs document', () => {
    const ydoc = prosemirrorJSONToYDoc(
      sectionSchema(),
      doc(p(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))),
      sectionFragmentName,
    );
    const rendered = renderSection([Y.encodeStateAsUpdate(ydoc)]);
    expect(rendered.html).not.toContain('javascript');
    expect(rendered.html).toContain('click');
  });

  it('leaves out what the schema lacks and links to refused addresses, in every rendering', () => {
    // As a crafted client could write it: no editor stood between the sender and the document.
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment(sectionFragmentName);
    const element = (
      name: string,
      attributes: Record<string, string>,
      ...children: Y.XmlText[]
    ) => {
      const node = new Y.XmlElement(name);
      for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
      node.insert(0, children);
      return node;
    };
    const links = new Y.XmlText();
    links.applyDelta([
      { insert: 'See ' },
      { insert: 'this', attributes: { link: { href: ' java\tscript:alert(1)' } } },
      { insert: ' and ' },
      { insert: 'that', attributes: { link: { href: 'data:text/html,<b>x</b>' } } },
      { insert: ' or ' },
      { insert: 'ours', attributes: { link: { href: 'https://www.nhs.uk/' } } },
    ]);
    const unknownMark = new Y.XmlText();
    unknownMark.applyDelta([{ insert: 'marked', attributes: { onclick: { x: 1 } } }]);
    const embed = new Y.XmlText();
    embed.insert(0, 'before the embed');
    embed.insertEmbed(0, { html: '<img src=x onerror=alert(1)>' });
    fragment.push([
      element('paragraph', { onclick: 'alert(1)', style: 'color: red' }, links),
      element('iframe', { src: 'javascript:alert(1)' }, new Y.XmlText('framed')),
      element('script', {}, new Y.XmlText('alert(1)')),
      element('paragraph', {}, unknownMark),
      element('paragraph', {}, embed),
      element('paragraph', {}, new Y.XmlText('The end.')),
    ]);

    const rendered = renderSection([Y.encodeStateAsUpdate(ydoc)]);
    expect(rendered.html).toBe(
      '<p>See this and that or <a target="_blank" rel="noopener noreferrer nofollow" href="https://www.nhs.uk/">ours</a></p>' +
        '<p></p><p></p><p>The end.</p>',
    );
    // The two paragraphs emptied by the drops are empty lines, as an empty paragraph always is.
    expect(rendered.markdown).toBe(
      'See this and that or [ours](https://www.nhs.uk/)\n\n\n\n\n\nThe end.\n',
    );
    expect(JSON.stringify(rendered.json)).not.toMatch(/script|data:|iframe|onclick|marked|embed/);
    expect(rendered.blocks.map((block) => block.text)).toEqual([
      'See this and that or ours',
      '',
      '',
      'The end.',
    ]);
  });

  it('escapes text that looks like markup', () => {
    const rendered = renderSection([stateOf(doc(p(text('<script>alert("x")</script>'))))]);
    expect(rendered.html).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt;</p>');
    expect(rendered.markdown).toBe('\\<script\\>alert("x")\\</script\\>\n');
  });

  it('leaves out NUL characters, which PostgreSQL would refuse to store', () => {
    const rendered = renderSection([
      stateOf(
        doc(p(text('Before\u0000after'), text('\u0000', [{ type: 'bold' }])), p(text('Next'))),
      ),
    ]);
    expect(rendered.html).toBe('<p>Beforeafter</p><p>Next</p>');
    const stored = [
      rendered.markdown,
      JSON.stringify(rendered.json),
      JSON.stringify(rendered.blocks),
    ];
    for (const value of stored) {
      expect(value.includes('\u0000')).toBe(false);
      expect(value.includes('\\u0000')).toBe(false);
    }
    expect(rendered.words).toBe(2);
  });

  it('renders an empty section as one empty paragraph with no words', () => {
    const rendered = renderSection([]);
    expect(rendered.html).toBe('<p></p>');
    expect(rendered.words).toBe(0);
  });

  it('merges a snapshot and later updates into one state', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, stateOf(doc(p(text('First')))));
    const snapshot = Y.encodeStateAsUpdate(ydoc);
    const vector = Y.encodeStateVector(ydoc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Second')]);
    ydoc.getXmlFragment(sectionFragmentName).push([paragraph]);
    const later = Y.encodeStateAsUpdate(ydoc, vector);
    const rendered = renderSection([snapshot, later]);
    expect(rendered.html).toBe('<p>First</p><p>Second</p>');
    expect(renderSection([rendered.state]).html).toBe(rendered.html);
  });

  it('refuses a log that misses earlier changes, saying so', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, stateOf(doc(p(text('First')))));
    const vector = Y.encodeStateVector(ydoc);
    ydoc.getXmlFragment(sectionFragmentName).push([new Y.XmlElement('paragraph')]);
    const onlyTheLater = Y.encodeStateAsUpdate(ydoc, vector);
    expect(() => renderSection([onlyTheLater])).toThrow(SectionStateError);
    expect(() => renderSection([onlyTheLater])).toThrow('missing earlier changes');
  });

  it('refuses bytes that are not a Yjs update', () => {
    expect(() => renderSection([new Uint8Array([255, 255, 255, 255, 1])])).toThrow('damaged');
  });

  it('renders quotes nested to the limit, and refuses deeper ones by name instead of overflowing', () => {
    const quoted = (levels: number) => {
      const ydoc = new Y.Doc();
      ydoc.transact(() => {
        let parent: Y.XmlFragment | Y.XmlElement = ydoc.getXmlFragment(sectionFragmentName);
        // The paragraph and its text take the last two levels.
        for (let level = 0; level < levels - 2; level += 1) {
          const quote = new Y.XmlElement('blockquote');
          parent.insert(0, [quote]);
          parent = quote;
        }
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('deep')]);
        parent.insert(0, [paragraph]);
      });
      return Y.encodeStateAsUpdate(ydoc);
    };
    const atLimit = renderSection([quoted(sectionNestingLimit)]);
    expect(atLimit.html.match(/<blockquote>/g)).toHaveLength(sectionNestingLimit - 2);
    expect(atLimit.words).toBe(1);
    for (const levels of [sectionNestingLimit + 1, 5_000]) {
      const state = quoted(levels);
      const started = Date.now();
      expect(() => renderSection([state])).toThrow(
        new SectionStateError(
          `its text nests lists or quotes more than ${sectionNestingLimit} levels deep`,
        ),
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });
});
