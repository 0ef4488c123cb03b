import type { PlanView } from '@commonplan/domain';
import { useEffect, useRef, useState } from 'react';
import { PlanDetailsForm } from './plan-details-form.component';

interface ChangePlanDetailsProps {
  plan: PlanView;
  onSaved: (plan: PlanView) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}

/**
 * A "Change plan details" button that opens the form in place. Opening it moves focus to its
 * heading; cancelling brings focus back to the button; after saving, the page's success banner
 * takes focus.
 */
export function ChangePlanDetails({ plan, onSaved, onErrorsChange }: ChangePlanDetailsProps) {
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const focusButtonOnClose = useRef(false);

  useEffect(() => {
    if (open) heading.current?.focus();
    else if (focusButtonOnClose.current) {
      focusButtonOnClose.current = false;
      button.current?.focus();
    }
  }, [open]);

  if (!open)
    return (
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        ref={button}
        onClick={() => setOpen(true)}
      >
        Change plan details
      </button>
    );

  return (
    <section aria-labelledby="change-plan-details-heading">
      <h2 className="nhsuk-heading-m" id="change-plan-details-heading" tabIndex={-1} ref={heading}>
        Change plan details
      </h2>
      <PlanDetailsForm
        plan={plan}
        onSaved={(saved) => {
          setOpen(false);
          onSaved(saved);
        }}
        onCancel={() => {
          focusButtonOnClose.current = true;
          setOpen(false);
        }}
        onErrorsChange={onErrorsChange}
      />
    </section>
  );
}
