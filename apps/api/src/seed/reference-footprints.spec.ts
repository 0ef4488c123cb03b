import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { demoFootprintSlug, slugPattern } from '@commonplan/domain';
import { demoFootprintName } from './demo-partnership.js';
import {
  illustrativePopulation,
  parseCsvLine,
  readReferenceFootprints,
} from './reference-footprints.js';

const csv = readFileSync(join(__dirname, 'data', 'stp-footprints.csv'), 'utf8');

describe('the reference footprints', () => {
  const footprints = readReferenceFootprints(csv);

  it('are the 44 footprints of England, each with a region and a unique address', () => {
    expect(footprints).toHaveLength(44);
    expect(new Set(footprints.map((f) => f.slug)).size).toBe(44);
    for (const footprint of footprints) {
      expect(footprint.slug).toMatch(slugPattern);
      expect(footprint.region.length).toBeGreaterThan(0);
    }
  });

  it('give every footprint a population within the published range', () => {
    for (const footprint of footprints) {
      expect(footprint.population).toBeGreaterThanOrEqual(300_000);
      expect(footprint.population).toBeLessThanOrEqual(2_800_000);
    }
  });

  it('include the demo footprint under the address the demo uses', () => {
    expect(footprints.find((f) => f.slug === demoFootprintSlug)?.name).toBe(demoFootprintName);
  });

  it('keep the same population for a footprint every time', () => {
    expect(illustrativePopulation('Frimley Health')).toBe(illustrativePopulation('Frimley Health'));
  });

  it('read quoted fields with commas and doubled quotes', () => {
    expect(parseCsvLine('"West, North and East Cumbria",North')).toEqual([
      'West, North and East Cumbria',
      'North',
    ]);
    expect(parseCsvLine('"A ""quoted"" name",South')).toEqual(['A "quoted" name', 'South']);
  });
});
