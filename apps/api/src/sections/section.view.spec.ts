import { describe, expect, it } from '@jest/globals';
import type { Organisation } from '../organisations/organisation.entity.js';
import type { Section } from './section.entity.js';
import { toSectionView } from './section.view.js';

function aSection(overrides: Partial<Section> = {}): Section {
  return {
    id: 'section-1',
    planId: 'plan-1',
    position: 2,
    title: 'Mental health',
    theme: 'care_and_quality',
    leadOrganisationId: null,
    leadOrganisation: null,
    reviewStatus: 'draft',
    dueDate: null,
    assignees: [],
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-02-03T04:05:06Z'),
    ...overrides,
  } as Section;
}

const person = (userId: string, name: string) => ({
  userId,
  name,
  email: `${userId}@example.nhs.uk`,
});

describe('a section as the API shows it', () => {
  it('splits assignees into authors and reviewers, each sorted by name', () => {
    const assignees = [
      ['u1', 'Zoe', 'author'],
      ['u2', 'Adam', 'reviewer'],
      ['u3', 'Bea', 'author'],
      ['u1', 'Zoe', 'reviewer'],
    ].map(([userId, name, kind]) => ({
      sectionId: 'section-1',
      userId,
      kind,
      user: { id: userId, name, email: `${userId}@example.nhs.uk` },
    }));
    const view = toSectionView(aSection({ assignees } as unknown as Partial<Section>));
    expect(view.authors).toEqual([person('u3', 'Bea'), person('u1', 'Zoe')]);
    expect(view.reviewers).toEqual([person('u2', 'Adam'), person('u1', 'Zoe')]);
  });

  it('shows the lead organisation, and none when there is none', () => {
    const organisation = {
      id: 'org-1',
      name: 'Wiltshire Council',
      kind: 'council',
      odsCode: null,
      createdAt: new Date(),
    } as Organisation;
    expect(toSectionView(aSection({ leadOrganisation: organisation })).leadOrganisation).toEqual({
      id: 'org-1',
      name: 'Wiltshire Council',
      kind: 'council',
      odsCode: null,
    });
    expect(toSectionView(aSection()).leadOrganisation).toBeNull();
  });

  it('gives times as ISO strings and copes with assignees not loaded', () => {
    const view = toSectionView(aSection({ assignees: undefined as never }));
    expect(view).toMatchObject({
      id: 'section-1',
      position: 2,
      updatedAt: '2026-02-03T04:05:06.000Z',
      authors: [],
      reviewers: [],
    });
  });
});
