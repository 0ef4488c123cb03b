import { describe, expect, it } from '@jest/globals';
import type { AuditEventView } from '@commonplan/domain';
import { describeAuditEvent } from './describe-audit-event';

const anEvent = (action: string, details: Record<string, unknown>): AuditEventView => ({
  id: '0b7f2a4e-6d1c-4f3e-9a8b-2c1d0e9f8a7b',
  at: '2026-11-23T15:00:00.000Z',
  action,
  entityType: 'plan',
  entityId: null,
  actor: null,
  address: null,
  details,
});

describe('the activity feed in words', () => {
  it('says which draft was published as which publication', () => {
    expect(
      describeAuditEvent(
        anEvent('plan.published', { draftId: 'x', draftNumber: 3, publicationNumber: 2 }),
      ),
    ).toBe('Published draft 3 as publication 2');
    expect(describeAuditEvent(anEvent('plan.published', {}))).toBe('Published a draft');
  });

  it('says which draft a section’s text was restored from', () => {
    expect(
      describeAuditEvent(
        anEvent('section.text_restored', { title: 'Mental health', draftId: 'x', draftNumber: 4 }),
      ),
    ).toBe('Restored the text of “Mental health” from draft 4');
  });
});
