import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy } from './describe-by';
import { FieldError } from './field-error.component';

interface TextInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'className'
> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  /** One of the design system's fixed widths, in characters. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  labelSize?: 's' | 'm' | 'l';
}

export function TextInput({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  width,
  labelSize,
  name,
  type = 'text',
  ...inputProps
}: TextInputProps) {
  const classes = [
    'nhsuk-input',
    width ? `nhsuk-input--width-${width}` : '',
    error ? 'nhsuk-input--error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className={`nhsuk-label${labelSize ? ` nhsuk-label--${labelSize}` : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <input
        {...inputProps}
        className={classes}
        id={id}
        name={name ?? id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}
