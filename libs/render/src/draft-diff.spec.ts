import { describe, expect, it } from '@jest/globals';
import type { TextBlock } from './text-blocks.js';
import { diffBlocks, diffDrafts, type DiffSection } from './draft-diff.js';

const para = (text: string): TextBlock => ({ kind: 'paragraph', text });
const heading = (text: string, level = 2): TextBlock => ({ kind: 'heading', level, text });
const item = (text: string, depth = 0): TextBlock => ({
  kind: 'listItem',
  ordered: false,
  depth,
  text,
});
const table = (rows: string[][]): TextBlock => ({
  kind: 'table',
  rows,
  text: rows.map((row) => row.join(' ')).join(' '),
});
const section = (sectionId: string, blocks: TextBlock[], title = sectionId): DiffSection => ({
  sectionId,
  title,
  blocks,
});

describe('comparing the blocks of a section', () => {
  it('finds nothing between identical sections', () => {
    const blocks = [heading('Aims'), para('Fewer people in hospital.')];
    const result = diffBlocks(blocks, blocks);
    expect(result.blocks.map((block) => block.change)).toEqual(['same', 'same']);
    expect(result.wordsAdded).toBe(0);
    expect(result.wordsRemoved).toBe(0);
  });

  it('marks words inserted inside a paragraph, word by word', () => {
    const result = diffBlocks(
      [para('We will open two new clinics.')],
      [para('We will open two new community clinics in Leeds.')],
    );
    expect(result.blocks).toHaveLength(1);
    const [block] = result.blocks;
    expect(block?.change).toBe('changed');
    if (block?.change !== 'changed') return;
    expect(
      block.parts.filter((part) => part.change === 'added').map((part) => part.text.trim()),
    ).toEqual(['community', 'in Leeds']);
    expect(block.parts.some((part) => part.change === 'removed' && part.text.trim() !== '')).toBe(
      false,
    );
    expect(result.wordsAdded).toBe(3);
    expect(result.wordsRemoved).toBe(0);
  });

  it('sees a new paragraph between two unchanged ones as an addition', () => {
    const result = diffBlocks(
      [para('First.'), para('Third.')],
      [para('First.'), para('Second, newly written.'), para('Third.')],
    );
    expect(result.blocks.map((block) => block.change)).toEqual(['same', 'added', 'same']);
    expect(result.wordsAdded).toBe(3);
  });

  it('sees a rewritten paragraph with nothing in common as a removal and an addition', () => {
    const result = diffBlocks([para('Bed numbers fall.')], [para('Staffing improves quickly.')]);
    expect(result.blocks.map((block) => block.change)).toEqual(['added', 'removed']);
    expect(result.wordsAdded).toBe(3);
    expect(result.wordsRemoved).toBe(3);
  });

  it('sees a paragraph moved to another place as moved, with no words added or removed', () => {
    const result = diffBlocks(
      [para('Alpha paragraph.'), para('Beta paragraph.'), para('Gamma paragraph.')],
      [para('Beta paragraph.'), para('Gamma paragraph.'), para('Alpha paragraph.')],
    );
    expect(result.blocks.map((block) => block.change)).toEqual(['same', 'same', 'moved']);
    expect(result.blocks[2]).toMatchObject({ change: 'moved', fromIndex: 0, toIndex: 2 });
    expect(result.wordsAdded).toBe(0);
    expect(result.wordsRemoved).toBe(0);
  });

  it('tells a changed heading level apart from a paragraph', () => {
    const result = diffBlocks([heading('Finance')], [para('Finance')]);
    expect(result.blocks.map((block) => block.change)).toEqual(['added', 'removed']);
  });

  it('compares list items one by one', () => {
    const result = diffBlocks(
      [item('Recruit nurses'), item('Open clinics')],
      [item('Recruit more nurses'), item('Open clinics'), item('Train volunteers')],
    );
    expect(result.blocks.map((block) => block.change)).toEqual(['changed', 'same', 'added']);
    expect(result.wordsAdded).toBe(3);
  });

  it('compares tables cell by cell, with added rows', () => {
    const result = diffBlocks(
      [
        table([
          ['Year', 'Beds'],
          ['2024', '310'],
        ]),
      ],
      [
        table([
          ['Year', 'Beds'],
          ['2024', '295'],
          ['2025', '280'],
        ]),
      ],
    );
    expect(result.blocks).toHaveLength(1);
    const [block] = result.blocks;
    expect(block?.change).toBe('changed');
    if (block?.change !== 'changed') return;
    expect(block.rows?.map((row) => row.change)).toEqual(['same', 'changed', 'added']);
    expect(block.rows?.[1]?.cells.map((cell) => cell.change)).toEqual(['same', 'changed']);
    expect(block.rows?.[1]?.cells[1]?.parts).toEqual([
      { change: 'removed', text: '310' },
      { change: 'added', text: '295' },
    ]);
    expect(result.wordsAdded).toBe(3);
    expect(result.wordsRemoved).toBe(1);
  });

  it('compares an emptied section with its old text as all removed', () => {
    const result = diffBlocks([para('Some text here.')], [para('')]);
    expect(result.blocks.map((block) => block.change)).toEqual(['added', 'removed']);
    expect(result.wordsRemoved).toBe(3);
  });
});

describe('comparing two drafts', () => {
  it('matches sections by id and counts what changed', () => {
    const before = [
      section('a', [para('Kept as it was.')]),
      section('b', [para('Old words here.')]),
      section('c', [para('Gone soon.')]),
    ];
    const after = [
      section('a', [para('Kept as it was.')]),
      section('b', [para('Old words here and new ones.')], 'B renamed'),
      section('d', [heading('New'), para('A new section.')]),
    ];
    const diff = diffDrafts(before, after);
    expect(diff.sections.map((s) => [s.sectionId, s.change])).toEqual([
      ['a', 'same'],
      ['b', 'changed'],
      ['d', 'added'],
      ['c', 'removed'],
    ]);
    expect(diff.sections[1]?.previousTitle).toBe('b');
    expect(diff.summary).toEqual({
      sectionsChanged: 1,
      sectionsAdded: 1,
      sectionsRemoved: 1,
      sectionsUnchanged: 1,
      wordsAdded: 3 + 4,
      wordsRemoved: 2,
    });
  });

  it('notices sections put in another order', () => {
    const diff = diffDrafts(
      [section('a', []), section('b', []), section('c', [])],
      [section('c', []), section('a', []), section('b', [])],
    );
    expect(diff.sections.filter((s) => s.moved).map((s) => s.sectionId)).toEqual(['c']);
    expect(diff.summary.sectionsChanged).toBe(1);
  });

  it('finds no change between a draft and itself', () => {
    const sections = [section('a', [para('One.'), table([['x']])])];
    expect(diffDrafts(sections, sections).summary).toEqual({
      sectionsChanged: 0,
      sectionsAdded: 0,
      sectionsRemoved: 0,
      sectionsUnchanged: 1,
      wordsAdded: 0,
      wordsRemoved: 0,
    });
  });
});
