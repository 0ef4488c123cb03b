import { describe, expect, it } from '@jest/globals';
import { approvalChanges, sameText } from './approval-changes.js';

describe('what changed since a section was approved', () => {
  it('finds nothing when the text reads the same', () => {
    const changes = approvalChanges(
      ['Fewer falls.', 'More nurses.'],
      ['Fewer falls.', 'More nurses.'],
    );
    expect(changes).toMatchObject({ edited: false, wordsAdded: 0, wordsRemoved: 0 });
    expect(changes.blocks.map((b) => b.kind)).toEqual(['unchanged', 'unchanged']);
  });

  it('marks the words changed inside a paragraph', () => {
    const changes = approvalChanges(['We will hire 40 nurses.'], ['We will hire 60 nurses.']);
    expect(changes.edited).toBe(true);
    expect(changes.blocks).toHaveLength(1);
    expect(changes.blocks[0]!.kind).toBe('changed');
    expect(changes.blocks[0]!.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '40' },
      { kind: 'added', text: '60' },
    ]);
    expect(changes).toMatchObject({ wordsAdded: 1, wordsRemoved: 1 });
  });

  it('shows a new paragraph as added, leaving the others unchanged', () => {
    const changes = approvalChanges(['One.', 'Three.'], ['One.', 'Two new words.', 'Three.']);
    expect(changes.blocks.map((b) => b.kind)).toEqual(['unchanged', 'added', 'unchanged']);
    expect(changes.wordsAdded).toBe(3);
  });

  it('shows a deleted paragraph as removed', () => {
    const changes = approvalChanges(['Keep.', 'Drop this.'], ['Keep.']);
    expect(changes.blocks).toEqual([
      { kind: 'unchanged', parts: [{ kind: 'same', text: 'Keep.' }] },
      { kind: 'removed', parts: [{ kind: 'removed', text: 'Drop this.' }] },
    ]);
    expect(changes.wordsRemoved).toBe(2);
  });

  it('compares text block by block', () => {
    expect(sameText(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameText(['a b'], ['a', 'b'])).toBe(false);
  });
});
