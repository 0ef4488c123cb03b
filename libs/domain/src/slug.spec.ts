import { describe, expect, it } from '@jest/globals';
import { slugify, slugPattern } from './slug.js';

describe('slugify', () => {
  it('turns a footprint name into an address', () => {
    expect(slugify('West, North and East Cumbria')).toBe('west-north-and-east-cumbria');
    expect(slugify('Bath, Swindon & Wiltshire')).toBe('bath-swindon-and-wiltshire');
  });

  it('drops accents and trims separators', () => {
    expect(slugify('  Café — Plan 2016/17 ')).toBe('cafe-plan-2016-17');
  });

  it('always makes something the slug pattern accepts, or nothing', () => {
    for (const name of ['A', '---', 'Ünïcödé', 'x'.repeat(200), 'NHS 111 & 999']) {
      const slug = slugify(name);
      expect(slug === '' || slugPattern.test(slug)).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(80);
    }
  });
});
