import type { ApprovalOutcome, SectionReviewView } from '@commonplan/domain';
import { NoteDecisionForm } from './note-decision-form.component';
import { reconsiderApproval } from './reviews.api';

/** A lead decides whether an approval still stands after the text changed, or withdraws it. */
export function ReconsiderApprovalForm({
  sectionId,
  onDecided,
}: {
  sectionId: string;
  onDecided: (review: SectionReviewView) => void;
}) {
  return (
    <NoteDecisionForm<ApprovalOutcome>
      inputId="reconsider-note"
      hint="Needed when you withdraw the approval: say why."
      first={{ outcome: 'stands', label: 'Approval still stands' }}
      second={{
        outcome: 'withdrawn',
        label: 'Withdraw approval',
        noteNeeded: 'Write a note saying why the approval is withdrawn',
      }}
      secondStyle="warning"
      send={async (outcome, note) => onDecided(await reconsiderApproval(sectionId, outcome, note))}
    />
  );
}
