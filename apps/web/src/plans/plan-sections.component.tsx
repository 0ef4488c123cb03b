import { sectionThemeLabels, type SectionView } from '@commonplan/domain';
import { useEffect, useRef, useState } from 'react';
import { reorderSections } from '../sections/sections.api';
import { groupByTheme, moveWithinTheme } from './section-order';
import { ThemeGroupTable } from './theme-group-table.component';

interface PlanSectionsProps {
  planId: string;
  sections: SectionView[];
  canReorder: boolean;
  onSectionsChange: (sections: SectionView[]) => void;
  onError: (error: unknown) => void;
}

/**
 * The plan's sections grouped by theme. Leads reorder them with "Move up" and "Move down": the
 * change shows at once, is saved, and is undone if the API refuses it. Focus stays on the moved
 * section's button, so a keyboard user can keep pressing it.
 */
export function PlanSections({
  planId,
  sections,
  canReorder,
  onSectionsChange,
  onError,
}: PlanSectionsProps) {
  const [announcement, setAnnouncement] = useState('');
  const saving = useRef(false);
  const focusAfterMove = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const other = target.direction === 'up' ? 'down' : 'up';
    (
      document.getElementById(`move-${target.direction}-${target.id}`) ??
      document.getElementById(`move-${other}-${target.id}`)
    )?.focus();
  }, [sections]);

  const move = async (section: SectionView, direction: 'up' | 'down') => {
    if (saving.current) return;
    const reordered = moveWithinTheme(sections, section.id, direction);
    if (!reordered) return;
    const previous = sections;
    const group = reordered.filter((s) => s.theme === section.theme);
    const place = group.findIndex((s) => s.id === section.id) + 1;
    saving.current = true;
    focusAfterMove.current = { id: section.id, direction };
    onSectionsChange(reordered);
    setAnnouncement(
      `Moved “${section.title}” ${direction}: now ${place} of ${group.length} in ${sectionThemeLabels[section.theme].toLowerCase()}.`,
    );
    try {
      const saved = await reorderSections(
        planId,
        reordered.map((s) => s.id),
      );
      focusAfterMove.current = { id: section.id, direction };
      onSectionsChange(saved);
    } catch (error) {
      onSectionsChange(previous);
      setAnnouncement('');
      onError(error);
    } finally {
      saving.current = false;
    }
  };

  return (
    <>
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {groupByTheme(sections).map((group) => (
        <ThemeGroupTable
          key={group.theme}
          group={group}
          canReorder={canReorder}
          onMove={(section, direction) => void move(section, direction)}
        />
      ))}
    </>
  );
}
