import type { ReactNode } from 'react';
import { describedBy } from './describe-by';
import { FieldError } from './field-error.component';
import type { SelectOption } from './select-field.component';

interface CheckboxesFieldProps {
  id: string;
  legend: ReactNode;
  options: readonly SelectOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  hint?: ReactNode;
  error?: string;
  /** Shown instead of the checkboxes when there is nobody (or nothing) to choose. */
  emptyText: string;
}

export function CheckboxesField({
  id,
  legend,
  options,
  selected,
  onChange,
  hint,
  error,
  emptyText,
}: CheckboxesFieldProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(
      checked
        ? options.map((o) => o.value).filter((v) => v === value || selected.includes(v))
        : selected.filter((v) => v !== value),
    );
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <FieldError id={`${id}-error`} message={error} />
        {options.length === 0 ? (
          <p className="nhsuk-body-s">{emptyText}</p>
        ) : (
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id={id}>
            {options.map((option, index) => {
              const inputId = index === 0 ? `${id}-input` : `${id}-input-${index + 1}`;
              return (
                <div className="nhsuk-checkboxes__item" key={option.value}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={inputId}
                    name={id}
                    type="checkbox"
                    value={option.value}
                    checked={selected.includes(option.value)}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                    {option.label}
                  </label>
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}
