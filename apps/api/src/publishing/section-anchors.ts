import { slugify } from '@commonplan/domain';

/**
 * Ids for a public page's sections, made from their titles (`section-where-we-are`), unique within
 * the page and never clashing with the page's own ids, so the contents can link to each one.
 */
export function sectionAnchors(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, index) => {
    const base = `section-${slugify(title, 60) || String(index + 1)}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n += 1) anchor = `${base}-${n}`;
    used.add(anchor);
    return anchor;
  });
}
