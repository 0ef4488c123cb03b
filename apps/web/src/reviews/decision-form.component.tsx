import type { ReviewDecision, SectionReviewView } from '@commonplan/domain';
import { NoteDecisionForm } from './note-decision-form.component';
import { decideReview } from './reviews.api';

/** A reviewer (or lead) approves the section, or sends it back saying what to change. */
export function DecisionForm({
  sectionId,
  onDecided,
}: {
  sectionId: string;
  onDecided: (review: SectionReviewView) => void;
}) {
  return (
    <NoteDecisionForm<ReviewDecision>
      inputId="decision-note"
      hint="Needed when you ask for changes: say what should change."
      first={{ outcome: 'approve', label: 'Approve' }}
      second={{
        outcome: 'request_changes',
        label: 'Ask for changes',
        noteNeeded: 'Write a note saying what should change',
      }}
      secondStyle="secondary"
      send={async (decision, note) => onDecided(await decideReview(sectionId, decision, note))}
    />
  );
}
