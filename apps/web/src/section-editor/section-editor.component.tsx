import { userColour, type CollabUser } from '@commonplan/collab-client';
import type { MentionCandidate } from '@commonplan/domain';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/use-session.hook';
import {
  anchorForSelection,
  showThreads,
  type ResolvedRanges,
} from '../comments/comment-highlights.extension';
import { startThread } from '../comments/comments.api';
import { CommentsPanel, type CommentDraft } from '../comments/comments-panel.component';
import { useCommentThreads } from '../comments/use-comment-threads.hook';
import { listMembers } from '../footprints/footprints.api';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { shortcutFor } from './editor-toolbar.component';
import { PresenceList } from './presence-list.component';
import { RestoreFromDraft } from './restore-from-draft.component';
import { SectionStatus } from './section-status.component';
import { SectionTextEditor } from './section-text-editor.component';
import { useSectionProvider } from './use-section-provider.hook';
import { useUnsavedChangesWarning } from './use-unsaved-changes-warning.hook';

interface SectionEditorProps {
  sectionId: string;
  /** The footprint's slug, for the members one can mention. */
  footprintSlug: string;
  /** From the REST API's allowed actions (`section.editText`); the join confirms it. */
  mayEditText: boolean;
  /** `section.comment`: start threads, reply, edit one's own comments. */
  mayComment: boolean;
  /** `comment.resolve`: resolve and reopen threads. */
  mayResolve: boolean;
  /** A draft whose text of this section the person asked to restore (`?restoreFrom=`). */
  restoreFrom?: string | null;
}

const headingId = 'section-text-heading';
/** How long to wait for one's own unsaved edits to reach the server before anchoring a comment. */
const savedBeforeCommentMs = 5_000;
/** Stands for the comment being written among the highlights. */
const draftId = 'draft';

/**
 * The section's text, written together: status, who is here, the toolbar and the text itself, with
 * the comment threads beside it.
 */
export function SectionEditor({
  sectionId,
  footprintSlug,
  mayEditText,
  mayComment,
  mayResolve,
  restoreFrom = null,
}: SectionEditorProps) {
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

  const comments = useCommentThreads(sectionId, provider);
  const members = useFootprintMembers(footprintSlug, mayComment);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [ranges, setRanges] = useState<ResolvedRanges>(new Map());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [selectFirst, setSelectFirst] = useState(false);
  const [restoring, setRestoring] = useState(restoreFrom);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // The text a new comment is about stays marked while its form has the focus.
    const shown = draft
      ? [...comments.threads, { id: draftId, anchor: draft.anchor, status: 'open' as const }]
      : comments.threads;
    editor.view.dispatch(showThreads(editor.state, shown, draft ? draftId : activeId));
  }, [editor, comments.threads, activeId, draft]);

  const startComment = useCallback(() => {
    if (!editor) return;
    const selected = anchorForSelection(editor.state);
    setSelectFirst(!selected);
    if (selected) setDraft(selected);
  }, [editor]);

  const showInText = useCallback(
    (threadId: string) => {
      const range = ranges.get(threadId);
      setActiveId(threadId);
      if (!editor || !range) return;
      editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    },
    [editor, ranges],
  );

  const onStartThread = async (started: CommentDraft, body: string, mentionIds: string[]) => {
    // The anchor names characters; one's own latest typing must reach the server first.
    if (provider && provider.unacknowledged > 0)
      await Promise.race([
        provider.saved(),
        new Promise((resolve) => setTimeout(resolve, savedBeforeCommentMs)),
      ]);
    const thread = await startThread(sectionId, { anchor: started.anchor, body, mentionIds });
    comments.put(thread);
    setDraft(null);
    setActiveId(thread.id);
  };

  return (
    <section className="app-section-editor" aria-labelledby={headingId}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2 className="nhsuk-heading-m" id={headingId}>
            Section text
          </h2>
          {restoring ? (
            <RestoreFromDraft
              draftId={restoring}
              sectionId={sectionId}
              editor={provider && connection.hasText ? editor : null}
              editable={editable}
              mayEditText={mayEditText}
              onClose={() => setRestoring(null)}
            />
          ) : null}
          {readOnly ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                You can read this section; your role does not let you change it.
                {mayComment ? ' You can select text and comment on it.' : ''}
              </p>
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
          {mayComment && readOnly ? (
            <div className="app-comment-bar">
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                aria-keyshortcuts={shortcutFor('Mod+Alt+M', true)}
                onClick={startComment}
              >
                Comment
              </button>
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                Select text, then choose Comment or press {shortcutFor('Mod+Alt+M', false)}.
              </span>
            </div>
          ) : null}
          {selectFirst ? (
            <p className="nhsuk-error-message" role="alert">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              Select the text you want to comment on, then choose Comment.
            </p>
          ) : null}
          {provider && connection.hasText ? (
            <SectionTextEditor
              provider={provider}
              user={user}
              editable={editable}
              labelledBy={headingId}
              onEditor={setEditor}
              onRangesResolved={setRanges}
              onThreadClicked={(threadId) => {
                if (threadId !== draftId) setActiveId(threadId);
              }}
              onComment={mayComment ? startComment : undefined}
            />
          ) : null}
        </div>
        <div className="nhsuk-grid-column-one-third">
          <CommentsPanel
            comments={comments}
            ranges={ranges}
            activeId={activeId}
            draft={draft}
            onStartThread={onStartThread}
            onCancelDraft={() => setDraft(null)}
            onShowInText={showInText}
            members={members}
            meId={userId}
            mayComment={mayComment}
            mayResolve={mayResolve}
          />
        </div>
      </div>
    </section>
  );
}

/** The footprint's members, to mention in comments; empty for people who cannot comment. */
function useFootprintMembers(slug: string, wanted: boolean): MentionCandidate[] {
  const [members, setMembers] = useState<MentionCandidate[]>([]);
  useEffect(() => {
    if (!wanted || !slug) return;
    const controller = new AbortController();
    fetchAllPages((page, pageSize) => listMembers(slug, page, pageSize, controller.signal)).then(
      (loaded) => setMembers(loaded.map((member) => ({ id: member.userId, name: member.name }))),
      // Without the list, mentions cannot be offered; commenting still works.
      () => undefined,
    );
    return () => controller.abort();
  }, [slug, wanted]);
  return members;
}
