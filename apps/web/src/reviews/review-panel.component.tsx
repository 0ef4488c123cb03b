import type { MemberView, PlanView, SectionReviewView } from '@commonplan/domain';
import { ServerEvent, type SectionChangedMessage } from '@commonplan/protocol';
import { useEffect, useState } from 'react';
import { ReviewStatusTag } from '../sections/review-status-tag.component';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { listMembers } from '../footprints/footprints.api';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { PanelError } from '../shared/components/panel-error.component';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { tabSocket } from '../shared/realtime/tab-socket';
import { ApprovalChanges } from './approval-changes.component';
import { AskForReviewForm } from './ask-for-review-form.component';
import { DecisionForm } from './decision-form.component';
import { ReconsiderApprovalForm } from './reconsider-approval-form.component';
import { ReviewHistory } from './review-history.component';
import { getReview } from './reviews.api';

interface ReviewPanelProps {
  sectionId: string;
  plan: PlanView;
  userId: string;
  /** The status changed (here or live, by someone else). */
  onChanged: () => void;
}

/**
 * The section's review: its status, asking for review, approving or sending it back, a lead's
 * decision when the text changed after approval, and the history. Follows changes others make live.
 */
export function ReviewPanel({ sectionId, plan, userId, onChanged }: ReviewPanelProps) {
  const review = useApiResource<SectionReviewView>(`review:${sectionId}`, (signal) =>
    getReview(sectionId, signal),
  );
  const allows = (action: PlanView['allowedActions'][number]) =>
    plan.allowedActions.includes(action);
  const mayAsk = allows('section.requestReview');
  const members = useApiResource<MemberView[] | null>(
    `review-members:${plan.footprintSlug}:${mayAsk}`,
    (signal) =>
      mayAsk
        ? fetchAllPages((page, pageSize) => listMembers(plan.footprintSlug, page, pageSize, signal))
        : Promise.resolve(null),
  );
  const [liveNotice, setLiveNotice] = useState<string | null>(null);
  const { reload } = review;

  useEffect(() => {
    const socket = tabSocket(userId);
    const changed = (message: SectionChangedMessage) => {
      if (message.sectionId !== sectionId) return;
      reload();
      onChanged();
      if (message.actorId !== userId)
        setLiveNotice('Someone just changed this section’s review status.');
    };
    socket.on(ServerEvent.SectionChanged, changed);
    return () => {
      socket.off(ServerEvent.SectionChanged, changed);
    };
  }, [sectionId, userId, reload, onChanged]);

  if (review.error)
    return <PanelError error={review.error} what="the review" retry={review.reload} />;
  if (!review.data) return <LoadingMessage text="Loading the review…" />;
  const view = review.data;
  const updated = (next: SectionReviewView) => {
    setLiveNotice(null);
    review.replace(next);
    onChanged();
  };
  const isLead = allows('section.reconsiderApproval');
  const mayDecide =
    allows('section.decideReview') && (isLead || view.reviewers.some((r) => r.userId === userId));
  const latestNote = view.events[0]?.note;

  return (
    <section aria-labelledby="review-heading" className="app-review-panel">
      <h2 className="nhsuk-heading-m" id="review-heading">
        Review
      </h2>
      <p className="nhsuk-body" data-testid="review-status" aria-live="polite">
        Status: <ReviewStatusTag status={view.status} />
      </p>
      {liveNotice ? (
        <p className="nhsuk-body-s" role="status">
          {liveNotice}
        </p>
      ) : null}
      {view.status === 'changes_requested' && latestNote ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>Changes asked for:</strong> {latestNote}
          </p>
        </div>
      ) : null}
      {view.reviewers.length > 0 ? (
        <p className="nhsuk-body-s">Reviewers: {view.reviewers.map((r) => r.name).join(', ')}</p>
      ) : null}

      {view.editedSinceApproval ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Edited since approval
            </span>
          </h3>
          <p>The text has changed since it was approved. Here is what changed.</p>
          <ApprovalChanges sectionId={sectionId} version={view.events[0]?.id ?? ''} />
          {isLead ? (
            <ReconsiderApprovalForm sectionId={sectionId} onDecided={updated} />
          ) : (
            <p>A partnership lead will decide whether the approval still stands.</p>
          )}
        </div>
      ) : null}

      {mayDecide && view.status === 'in_review' ? (
        <>
          <h3 className="nhsuk-heading-s">Your decision</h3>
          <DecisionForm sectionId={sectionId} onDecided={updated} />
        </>
      ) : null}

      {mayAsk && view.status !== 'in_review' ? (
        <details className="nhsuk-details" open={view.status === 'changes_requested' || undefined}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {view.status === 'draft' ? 'Ask for review' : 'Ask for review again'}
            </span>
          </summary>
          <div className="nhsuk-details__text">
            {members.error ? (
              <PanelError error={members.error} what="the members" retry={members.reload} />
            ) : members.data ? (
              <AskForReviewForm
                sectionId={sectionId}
                review={view}
                members={members.data}
                onAsked={updated}
              />
            ) : (
              <LoadingMessage text="Loading members…" />
            )}
          </div>
        </details>
      ) : null}

      <h3 className="nhsuk-heading-s">History</h3>
      <ReviewHistory events={view.events} />
    </section>
  );
}
