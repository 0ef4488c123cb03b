import { nextPlanStatuses, type PlanStatus, type PlanView } from '@commonplan/domain';
import { useState } from 'react';
import { changePlanStatus } from './plans.api';

const moveLabels: Record<PlanStatus, string> = {
  drafting: 'Return to drafting',
  consultation: 'Start consultation',
  published: 'Publish the plan',
  archived: 'Archive the plan',
};

const moveHints: Record<PlanStatus, string> = {
  drafting: 'Members carry on writing; the public no longer sees it.',
  consultation: 'The public can read the plan and send feedback.',
  published: 'The plan is signed off and shown to everyone.',
  archived: 'The plan is kept for the record and no longer changes.',
};

interface PlanStatusActionsProps {
  plan: PlanView;
  onChanged: (plan: PlanView) => void;
  onError: (error: unknown) => void;
}

/** The moves a lead can make from the plan's current status, one button each. */
export function PlanStatusActions({ plan, onChanged, onError }: PlanStatusActionsProps) {
  const [moving, setMoving] = useState<PlanStatus | null>(null);
  const moves = nextPlanStatuses(plan.status);
  if (moves.length === 0) return null;

  const move = async (status: PlanStatus) => {
    setMoving(status);
    try {
      onChanged(await changePlanStatus(plan.id, status));
    } catch (error) {
      onError(error);
    } finally {
      setMoving(null);
    }
  };

  return (
    <section aria-labelledby="plan-status-heading">
      <h2 className="nhsuk-heading-s" id="plan-status-heading">
        Move the plan on
      </h2>
      <ul className="nhsuk-list">
        {moves.map((status) => (
          <li key={status}>
            <button
              type="button"
              className={`nhsuk-button nhsuk-u-margin-bottom-1${status === 'drafting' || status === 'archived' ? ' nhsuk-button--secondary' : ''}`}
              disabled={moving !== null}
              onClick={() => void move(status)}
            >
              {moveLabels[status]}
            </button>
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{moveHints[status]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
