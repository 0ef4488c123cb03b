import type { DraftSectionText } from '@commonplan/domain';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { Editor } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import type { UndoManager } from 'yjs';
import { getDraftSectionText, recordRestore } from '../drafts/drafts.api';
import { formatDateTime } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { shortcutFor } from './editor-toolbar.component';

interface RestoreFromDraftProps {
  draftId: string;
  sectionId: string;
  /** The section's editor, once it shows the shared text. */
  editor: Editor | null;
  /** The editor accepts this person's changes now (role allows it and the join confirmed it). */
  editable: boolean;
  /** `section.editText` from the REST API: whether this person could ever restore. */
  mayEditText: boolean;
  onClose: () => void;
}

/**
 * Puts a draft's text of this section back, as a new edit on top of the current text: everyone in
 * the section sees it at once, the server keeps it like any typing, history stays as it was, and
 * this person's Undo takes it back.
 */
export function RestoreFromDraft(props: RestoreFromDraftProps) {
  if (!props.mayEditText)
    return (
      <RestoreProblem
        message="You cannot restore this text: your role does not let you change this section."
        onClose={props.onClose}
      />
    );
  return <RestoreFromReadyDraft {...props} />;
}

function RestoreFromReadyDraft({
  draftId,
  sectionId,
  editor,
  editable,
  onClose,
}: RestoreFromDraftProps) {
  const text = useApiResource<DraftSectionText>(`draft-section:${draftId}:${sectionId}`, (signal) =>
    getDraftSectionText(draftId, sectionId, signal),
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const undoManager = editor && !editor.isDestroyed ? undoManagerOf(editor) : null;
  const restoreStillLast = useIsLastUndoStep(
    undoManager,
    outcome?.kind === 'restored' ? outcome.step : null,
  );
  const titleId = useId();

  if (text.error) return <RestoreProblem message={text.error.message} onClose={onClose} />;
  if (!text.data) return null;
  const draft = text.data;

  if (outcome?.kind === 'undone')
    return (
      <SuccessBanner heading={`The text from draft ${draft.draftNumber} was taken back.`}>
        <p className="nhsuk-body">The section shows the text it had before the restore.</p>
      </SuccessBanner>
    );

  if (outcome?.kind === 'same')
    return (
      <SuccessBanner heading={`The text is already the text of draft ${draft.draftNumber}.`}>
        <p className="nhsuk-body">Nothing needed changing.</p>
      </SuccessBanner>
    );

  if (outcome?.kind === 'restored')
    return (
      <SuccessBanner heading={`Text restored from draft ${draft.draftNumber}.`}>
        {restoreStillLast ? (
          <>
            <p className="nhsuk-body">
              Everyone in the section sees it now. To take it back, choose Undo or press{' '}
              {shortcutFor('Mod+Z', false)} in the text.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              onClick={() => {
                if (!editor || editor.isDestroyed || !restoreStillLast) return;
                editor.chain().focus().undo().run();
                setOutcome({ kind: 'undone' });
              }}
            >
              Undo<span className="nhsuk-u-visually-hidden"> the restore</span>
            </button>
          </>
        ) : (
          <p className="nhsuk-body">
            Everyone in the section sees it now. You have changed the text since, so Undo in the
            toolbar ({shortcutFor('Mod+Z', false)}) takes back those changes first, then the
            restore.
          </p>
        )}
      </SuccessBanner>
    );

  const ready = editor !== null && !editor.isDestroyed && editable;
  const restore = () => {
    if (!editor || !ready) return;
    // One step of its own in this person's undo history: not merged with typing just before or after.
    const steps = undoManager?.undoStack.length ?? 0;
    undoManager?.stopCapturing();
    editor.chain().focus('start').setContent(draft.content).run();
    undoManager?.stopCapturing();
    const step = undoManager?.undoStack[undoManager.undoStack.length - 1];
    if (!undoManager || undoManager.undoStack.length === steps || !step) {
      setOutcome({ kind: 'same' });
      return;
    }
    setOutcome({ kind: 'restored', step });
    // The text is restored whatever this answers; the trail only says where it came from.
    recordRestore(draftId, sectionId).catch(() => undefined);
  };

  return (
    <div
      className="nhsuk-notification-banner"
      role="region"
      aria-labelledby={titleId}
      data-testid="restore-from-draft"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          Restore from a draft
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          Replace the current text with the text of draft {draft.draftNumber} (
          {formatDateTime(draft.requestedAt)})?
        </p>
        <p className="nhsuk-body">
          Draft {draft.draftNumber}: {draft.draftLabel}. Everyone in the section will see the
          change; you can undo it.
        </p>
        {ready ? null : <p className="nhsuk-body-s">Connecting to the section…</p>}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-u-margin-bottom-0"
            disabled={!ready}
            aria-disabled={!ready}
            onClick={restore}
          >
            Restore
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            onClick={onClose}
          >
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

function RestoreProblem({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div className="nhsuk-error-summary" data-testid="restore-from-draft">
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">This text cannot be restored</h2>
        <div className="nhsuk-error-summary__body">
          <p>{message}</p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={onClose}
          >
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

type UndoStep = UndoManager['undoStack'][number];

type Outcome = { kind: 'restored'; step: UndoStep } | { kind: 'same' } | { kind: 'undone' };

/** The Yjs undo manager behind the editor's Undo: this person's own changes only. */
function undoManagerOf(editor: Editor): UndoManager | null {
  return (yUndoPluginKey.getState(editor.state)?.undoManager as UndoManager | undefined) ?? null;
}

/** Whether `step` is still what Undo would take back next. */
function useIsLastUndoStep(undoManager: UndoManager | null, step: UndoStep | null): boolean {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!undoManager) return;
    const changed = () => setVersion((version) => version + 1);
    undoManager.on('stack-item-added', changed);
    undoManager.on('stack-item-popped', changed);
    undoManager.on('stack-cleared', changed);
    return () => {
      undoManager.off('stack-item-added', changed);
      undoManager.off('stack-item-popped', changed);
      undoManager.off('stack-cleared', changed);
    };
  }, [undoManager]);
  if (!undoManager || !step) return false;
  return undoManager.undoStack[undoManager.undoStack.length - 1] === step;
}
