import { describe, expect, it } from '@jest/globals';
import { sectionAnchors } from './section-anchors.js';

describe('section anchors on the public page', () => {
  it('are made from the titles, prefixed so they never clash with the page’s own ids', () => {
    expect(sectionAnchors(['Where we are', 'Finance & efficiency'])).toEqual([
      'section-where-we-are',
      'section-finance-and-efficiency',
    ]);
  });

  it('stay unique when titles repeat or have no letters', () => {
    expect(sectionAnchors(['Aims', 'Aims', 'Aims 2', '***', 'Aims'])).toEqual([
      'section-aims',
      'section-aims-2',
      'section-aims-2-2',
      'section-4',
      'section-aims-3',
    ]);
  });
});
