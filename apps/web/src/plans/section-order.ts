import type { SectionTheme, SectionView } from '@commonplan/domain';

export interface ThemeGroup {
  theme: SectionTheme;
  sections: SectionView[];
}

/**
 * Sections grouped under their theme. Groups come in the order their first section appears in the
 * plan, so the page still reads in plan order; within a group, sections keep plan order.
 */
export function groupByTheme(sections: readonly SectionView[]): ThemeGroup[] {
  const groups = new Map<SectionTheme, SectionView[]>();
  for (const section of [...sections].sort((a, b) => a.position - b.position)) {
    const group = groups.get(section.theme);
    if (group) group.push(section);
    else groups.set(section.theme, [section]);
  }
  return [...groups].map(([theme, grouped]) => ({ theme, sections: grouped }));
}

/**
 * The plan's order after moving a section up or down among the sections of its own theme (as the
 * page shows them): it swaps places with its neighbour in that theme, so every other section, and
 * the order of the theme groups, stays where it was. Null when it cannot move that way.
 */
export function moveWithinTheme(
  sections: readonly SectionView[],
  sectionId: string,
  direction: 'up' | 'down',
): SectionView[] | null {
  const ordered = [...sections].sort((a, b) => a.position - b.position);
  const from = ordered.findIndex((s) => s.id === sectionId);
  if (from === -1) return null;
  const theme = ordered[from]!.theme;
  const step = direction === 'up' ? -1 : 1;
  let to = from + step;
  while (to >= 0 && to < ordered.length && ordered[to]!.theme !== theme) to += step;
  if (to < 0 || to >= ordered.length) return null;
  const moved = [...ordered];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved.map((section, index) => ({ ...section, position: index }));
}
