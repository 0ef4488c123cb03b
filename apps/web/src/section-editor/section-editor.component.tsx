import { userColour, type CollabUser } from '@commonplan/collab-client';
import { useMemo } from 'react';
import { useSession } from '../auth/use-session.hook';
import { PresenceList } from './presence-list.component';
import { SectionStatus } from './section-status.component';
import { SectionTextEditor } from './section-text-editor.component';
import { useSectionProvider } from './use-section-provider.hook';
import { useUnsavedChangesWarning } from './use-unsaved-changes-warning.hook';

interface SectionEditorProps {
  sectionId: string;
  /** From the REST API's allowed actions (`section.editText`); the join confirms it. */
  mayEditText: boolean;
}

const headingId = 'section-text-heading';

/** The section's text, written together: status, who is here, the toolbar and the text itself. */
export function SectionEditor({ sectionId, mayEditText }: SectionEditorProps) {
  const { me } = useSession();
  const userId = me?.user.id ?? '';
  const userName = me?.user.name ?? 'Someone';
  const user = useMemo<CollabUser>(
    () => ({ id: userId, name: userName, color: userColour(userId) }),
    [userId, userName],
  );
  const connection = useSectionProvider(sectionId, user);
  const { provider } = connection;
  const readOnly = !mayEditText || connection.canEdit === false;
  const editable = !readOnly && connection.canEdit === true;
  useUnsavedChangesWarning(connection.unacknowledged > 0);

  return (
    <section className="app-section-editor" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        Section text
      </h2>
      {readOnly ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You can read this section; your role does not let you change it.</p>
        </div>
      ) : null}
      <div className="app-section-editor__bar">
        <SectionStatus
          status={connection.status}
          canEdit={!readOnly}
          unacknowledged={connection.unacknowledged}
          hasText={connection.hasText}
          error={connection.error}
          onRetry={() => provider?.connect()}
        />
        {provider ? <PresenceList awareness={provider.awareness} /> : null}
      </div>
      {provider && connection.hasText ? (
        <SectionTextEditor
          provider={provider}
          user={user}
          editable={editable}
          labelledBy={headingId}
        />
      ) : null}
    </section>
  );
}
