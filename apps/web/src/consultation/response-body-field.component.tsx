import { FieldError } from '../shared/components/field-error.component';
import { formatNumber } from '../shared/format/format';

interface ResponseBodyFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  count: number;
  max: number;
}

/**
 * The response's text, with the NHS character count: how many are left (or over), announced
 * politely to screen readers as it changes.
 */
export function ResponseBodyField({ value, onChange, error, count, max }: ResponseBodyFieldProps) {
  const id = 'body';
  const left = max - count;
  return (
    <div className="nhsuk-character-count" data-nhsuk-character-count-init="">
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--m" htmlFor={id}>
          Your response
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Write in plain text, at least 10 characters. Do not include personal details about your
          health or anyone else’s.
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <textarea
          className={`nhsuk-textarea${error || left < 0 ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          name={id}
          rows={8}
          value={value}
          aria-describedby={`${id}-hint ${id}-info${error ? ` ${id}-error` : ''}`}
          onChange={(event) => onChange(event.target.value)}
        />
        <div
          className={`nhsuk-character-count__status ${left < 0 ? 'nhsuk-error-message' : 'nhsuk-hint'}`}
          id={`${id}-info`}
          aria-live="polite"
        >
          {left >= 0
            ? `You have ${formatNumber(left)} character${left === 1 ? '' : 's'} remaining`
            : `You have ${formatNumber(-left)} character${left === -1 ? '' : 's'} too many`}
        </div>
      </div>
    </div>
  );
}
