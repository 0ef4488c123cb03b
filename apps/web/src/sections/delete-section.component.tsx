import type { SectionView } from '@commonplan/domain';
import { useEffect, useRef, useState } from 'react';
import { deleteSection } from './sections.api';

interface DeleteSectionProps {
  section: SectionView;
  onDeleted: () => void;
  onError: (error: unknown) => void;
}

/** Deleting takes a second, deliberate step: the warning names what will be lost. */
export function DeleteSection({ section, onDeleted, onError }: DeleteSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);

  const remove = async () => {
    setDeleting(true);
    try {
      await deleteSection(section.id);
      onDeleted();
    } catch (error) {
      setDeleting(false);
      setConfirming(false);
      onError(error);
    }
  };

  if (!confirming)
    return (
      <button
        type="button"
        className="nhsuk-button nhsuk-button--warning"
        onClick={() => setConfirming(true)}
      >
        Delete this section
      </button>
    );

  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" tabIndex={-1} ref={heading}>
          Are you sure you want to delete “{section.title}”?
        </h2>
        <p className="nhsuk-body">
          The section, its text and its assignments will be removed from the plan. This cannot be
          undone.
        </p>
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            disabled={deleting}
            onClick={() => void remove()}
          >
            Yes, delete this section
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setConfirming(false)}
          >
            No, keep it
          </button>
        </div>
      </div>
    </div>
  );
}
