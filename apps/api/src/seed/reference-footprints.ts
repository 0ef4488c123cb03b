import { createHash } from 'node:crypto';
import { slugify } from '@commonplan/domain';

export interface ReferenceFootprint {
  name: string;
  slug: string;
  region: string;
  /** Illustrative only: the published range was 300,000 to 2.8 million people. */
  population: number;
}

/** Splits one CSV line, honouring quoted fields. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** A stable, plausible population for a footprint, from its name. */
export function illustrativePopulation(name: string): number {
  const hash = createHash('sha256').update(name).digest().readUInt32BE(0);
  const population = 300_000 + (hash % 2_500_001);
  return Math.round(population / 1000) * 1000;
}

/** The 44 footprints of England (2016), from the NHS England list shipped with the seed. */
export function readReferenceFootprints(csv: string): ReferenceFootprint[] {
  const [header, ...lines] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header?.trim() !== 'name,nhs_region_2016')
    throw new Error('unexpected footprint list header');
  return lines.map((line) => {
    const [name, region] = parseCsvLine(line);
    if (!name || !region) throw new Error(`bad footprint line: ${line}`);
    return { name, slug: slugify(name), region, population: illustrativePopulation(name) };
  });
}
