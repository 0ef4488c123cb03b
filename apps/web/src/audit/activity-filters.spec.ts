import { describe, expect, it } from '@jest/globals';
import { readActivityFilters } from './activity-filters';

describe('activity feed filters in the address', () => {
  it('keeps the filters that make sense and drops the rest', () => {
    const id = '0b7f2a4e-6d1c-4f3e-9a8b-2c1d0e9f8a7b';
    expect(
      readActivityFilters(new URLSearchParams(`planId=${id}&actorId=nobody&kind=reviews`)),
    ).toEqual({ planId: id, kind: 'reviews' });
    expect(readActivityFilters(new URLSearchParams('kind=everything'))).toEqual({});
  });
});
