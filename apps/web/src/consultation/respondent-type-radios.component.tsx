import { respondentTypeLabels, respondentTypes, type RespondentType } from '@commonplan/domain';
import type { ReactNode } from 'react';
import { FieldError } from '../shared/components/field-error.component';

interface RespondentTypeRadiosProps {
  value: RespondentType | '';
  onChange: (value: RespondentType) => void;
  error?: string;
  /** Shown under the organisation choice when it is chosen (the NHS conditional reveal). */
  organisationField: ReactNode;
}

/** "Who are you responding as?" as NHS radios, revealing the organisation's name when chosen. */
export function RespondentTypeRadios({
  value,
  onChange,
  error,
  organisationField,
}: RespondentTypeRadiosProps) {
  const id = 'respondentType';
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset
        className="nhsuk-fieldset"
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          Who are you responding as?
        </legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          This helps the partnership understand whose views they are reading.
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <div className="nhsuk-radios nhsuk-radios--conditional">
          {respondentTypes.map((type, index) => (
            <div key={type}>
              <div className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={index === 0 ? id : `${id}-${type}`}
                  name={id}
                  type="radio"
                  value={type}
                  checked={value === type}
                  onChange={() => onChange(type)}
                  aria-controls={type === 'organisation' ? 'organisation-reveal' : undefined}
                  aria-expanded={type === 'organisation' ? value === 'organisation' : undefined}
                />
                <label
                  className="nhsuk-label nhsuk-radios__label"
                  htmlFor={index === 0 ? id : `${id}-${type}`}
                >
                  {respondentTypeLabels[type]}
                </label>
              </div>
              {type === 'organisation' ? (
                <div
                  className={`nhsuk-radios__conditional${value === 'organisation' ? '' : ' nhsuk-radios__conditional--hidden'}`}
                  id="organisation-reveal"
                >
                  {value === 'organisation' ? organisationField : null}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
