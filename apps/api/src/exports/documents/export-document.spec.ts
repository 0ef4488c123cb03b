import { describe, expect, it } from '@jest/globals';
import { paragraphsToJson } from '@commonplan/editor';
import {
  DamagedSectionError,
  exportFileName,
  formatDraftDate,
  sectionNode,
} from './export-document.js';

describe('an exported document', () => {
  it('is named after the plan and the draft number', () => {
    expect(exportFileName('Joint Forward Plan 2024/25 – 2028/29', 3, 'pdf')).toBe(
      'joint-forward-plan-2024-25-2028-29-draft-3.pdf',
    );
    expect(exportFileName('Cynllun Gofal Cymraeg: ŵyr', 1, 'docx')).toBe(
      'cynllun-gofal-cymraeg-wyr-draft-1.docx',
    );
    expect(exportFileName('***', 2, 'pdf')).toBe('plan-draft-2.pdf');
  });

  it('dates the draft in UK time, the way people write dates', () => {
    expect(formatDraftDate(new Date('2026-03-31T23:30:00Z'))).toBe('1 April 2026');
    expect(formatDraftDate(new Date('2026-11-23T15:00:00Z'))).toBe('23 November 2026');
  });

  it('reads stored section text back into the editor schema', () => {
    const node = sectionNode('Finance', paragraphsToJson([{ heading: 'Money' }, 'Balanced.']));
    expect(node.childCount).toBe(2);
    expect(node.textContent).toBe('MoneyBalanced.');
  });

  it('names the section whose stored text does not fit the schema', () => {
    const damaged = { type: 'doc', content: [{ type: 'slideshow' }] };
    expect(() => sectionNode('Finance', damaged)).toThrow(DamagedSectionError);
    expect(() => sectionNode('Finance', null)).toThrow('the section “Finance”');
    const misplaced = { type: 'doc', content: [{ type: 'text', text: 'loose text' }] };
    expect(() => sectionNode('Workforce', misplaced)).toThrow(DamagedSectionError);
  });
});
