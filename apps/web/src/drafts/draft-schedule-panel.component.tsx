import {
  defaultDraftScheduleLabel,
  draftScheduleLabelMaxLength,
  draftScheduleTimePattern,
  weekdayLabels,
  weekdays,
  type DraftScheduleResponse,
  type DraftScheduleView,
  type Weekday,
} from '@commonplan/domain';
import { useState } from 'react';
import { CheckboxesField } from '../shared/components/checkboxes-field.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { PanelError } from '../shared/components/panel-error.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, toFormErrors, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { describeDays, formatUkDateTime } from './draft-schedule-text';
import { getDraftSchedule, putDraftSchedule, removeDraftSchedule } from './drafts.api';

const inputIds = {
  days: 'schedule-days',
  time: 'schedule-time',
  onlyIfChanged: 'schedule-only-if-changed',
  enabled: 'schedule-enabled',
  labelPattern: 'schedule-label',
};

const dayOptions = weekdays.map((day) => ({ value: day, label: weekdayLabels[day] }));

/** What the schedule does, in a sentence, and when it next makes a draft. */
function ScheduleSummary({ schedule }: { schedule: DraftScheduleView | null }) {
  if (!schedule)
    return (
      <p className="nhsuk-body">
        This plan has no schedule: drafts are made only when a lead asks for one.
      </p>
    );
  const when = `${describeDays(schedule.days)} at ${schedule.time} (UK time)`;
  return (
    <>
      <p className="nhsuk-body">
        {schedule.enabled
          ? `A draft is made ${when}${schedule.onlyIfChanged ? ', if the plan changed since its last draft' : ''}.`
          : `The schedule (${when}) is switched off: no drafts are made on it.`}
      </p>
      {schedule.nextRunAt ? (
        <p className="nhsuk-body" data-testid="next-scheduled-draft">
          <strong>Next scheduled draft:</strong> {formatUkDateTime(schedule.nextRunAt)}
        </p>
      ) : null}
      {schedule.lastRunAt && schedule.lastOutcome === 'unchanged' ? (
        <p className="nhsuk-body-s">
          On {formatUkDateTime(schedule.lastRunAt)} no draft was made: nothing had changed.
        </p>
      ) : null}
    </>
  );
}

/**
 * A plan's draft schedule: what it is and when it next runs, and for leads a form to set, switch
 * off or remove it.
 */
export function DraftSchedulePanel({ planId, canChange }: { planId: string; canChange: boolean }) {
  const resource = useApiResource<DraftScheduleResponse>(`draft-schedule:${planId}`, (signal) =>
    getDraftSchedule(planId, signal),
  );
  return (
    <section aria-labelledby="draft-schedule-heading">
      <h2 className="nhsuk-heading-m" id="draft-schedule-heading">
        Drafts on a schedule
      </h2>
      {resource.error ? (
        <PanelError error={resource.error} what="the schedule" retry={resource.reload} />
      ) : !resource.data ? (
        <LoadingMessage text="Loading the schedule…" />
      ) : (
        <>
          <ScheduleSummary schedule={resource.data.schedule} />
          {canChange ? (
            <ScheduleForm
              planId={planId}
              schedule={resource.data.schedule}
              onChanged={(schedule) => resource.replace({ schedule })}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function ScheduleForm({
  planId,
  schedule,
  onChanged,
}: {
  planId: string;
  schedule: DraftScheduleView | null;
  onChanged: (schedule: DraftScheduleView | null) => void;
}) {
  const [days, setDays] = useState<Weekday[]>(
    schedule?.days ?? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  );
  const [time, setTime] = useState(schedule?.time ?? '18:00');
  const [onlyIfChanged, setOnlyIfChanged] = useState(schedule?.onlyIfChanged ?? true);
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);
  const [labelPattern, setLabelPattern] = useState(
    schedule?.labelPattern ?? defaultDraftScheduleLabel,
  );
  const [removeErrors, setRemoveErrors] = useState<FormError[]>([]);
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);

  const submit = handleSubmit({
    validate: () => {
      const problems: FormError[] = [];
      if (days.length === 0)
        problems.push({ inputId: inputIds.days, message: 'Choose at least one day' });
      if (!draftScheduleTimePattern.test(time))
        problems.push({
          inputId: inputIds.time,
          message: 'Enter a time of day on the 24-hour clock, such as 18:00',
        });
      if (!labelPattern.trim())
        problems.push({
          inputId: inputIds.labelPattern,
          message: 'Enter a label for the drafts the schedule makes',
        });
      return problems;
    },
    send: async () => {
      setRemoveErrors([]);
      onChanged(
        await putDraftSchedule(planId, {
          days,
          time,
          onlyIfChanged,
          enabled,
          labelPattern: labelPattern.trim(),
        }),
      );
    },
  });

  const remove = () => {
    setRemoveErrors([]);
    removeDraftSchedule(planId).then(
      () => onChanged(null),
      (error: unknown) => setRemoveErrors(toFormErrors(error)),
    );
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={schedule ? 'Change the schedule' : 'Set a schedule'}
    >
      <ErrorSummary errors={[...errors, ...removeErrors]} />
      <CheckboxesField
        id={inputIds.days}
        legend="Days"
        options={dayOptions}
        selected={days}
        onChange={(selected) => setDays(selected as Weekday[])}
        error={errorFor(errors, inputIds.days)}
        emptyText="There are no days to choose."
      />
      <TextInput
        id={inputIds.time}
        label="Time"
        hint="UK time, on the 24-hour clock, for example 18:00. It stays the same when the clocks change."
        type="time"
        value={time}
        onChange={setTime}
        error={errorFor(errors, inputIds.time)}
        width={10}
      />
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={inputIds.onlyIfChanged}
              type="checkbox"
              checked={onlyIfChanged}
              onChange={(event) => setOnlyIfChanged(event.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputIds.onlyIfChanged}>
              Only if the plan changed since its last draft
            </label>
          </div>
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={inputIds.enabled}
              type="checkbox"
              checked={enabled}
              onChange={(event) => setEnabled(event.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputIds.enabled}>
              Make drafts on this schedule (untick to pause it)
            </label>
          </div>
        </div>
      </div>
      <TextInput
        id={inputIds.labelPattern}
        label="Name of each draft"
        hint="{date} becomes the day, for example Scheduled draft, Monday 23 November 2026"
        value={labelPattern}
        onChange={setLabelPattern}
        error={errorFor(errors, inputIds.labelPattern)}
        maxLength={draftScheduleLabelMaxLength}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          {schedule ? 'Save the schedule' : 'Set the schedule'}
        </button>
        {schedule ? (
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={remove}>
            Remove the schedule
          </button>
        ) : null}
      </div>
    </form>
  );
}
