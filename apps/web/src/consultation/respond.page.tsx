import {
  characterCount,
  consultationResponseProblems,
  responseBodyMaxLength,
  type FieldProblem,
  type PublicConsultationView,
  type RespondentType,
} from '@commonplan/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PublicLoadError } from '../publishing/public-not-found.component';
import { publicPlanPath } from '../publishing/public-paths';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { formatDate, formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { getPublicConsultation, sendConsultationResponse } from './consultation.api';
import { RespondentTypeRadios } from './respondent-type-radios.component';
import { ResponseBodyField } from './response-body-field.component';

/** The API's field names are the form's input ids. */
const inputIds: Record<string, string> = {
  respondentType: 'respondentType',
  organisationName: 'organisationName',
  name: 'name',
  email: 'email',
  sectionId: 'sectionId',
  body: 'body',
  formToken: 'body',
};

const wholeDraft = '';

function toFormErrors(problems: FieldProblem[]): FormError[] {
  return problems.map((problem) => ({ inputId: problem.field, message: problem.message }));
}

/**
 * The public response form for a published plan, outside the signed-in part of the app: anyone
 * may respond while the consultation is open, on the whole draft or one section.
 */
export function RespondPage() {
  const { footprintSlug = '', planSlug = '' } = useParams();
  const loaded = useApiResource<PublicConsultationView>(
    `consultation:${footprintSlug}/${planSlug}`,
    (signal) => getPublicConsultation(footprintSlug, planSlug, signal),
  );
  const [respondentType, setRespondentType] = useState<RespondentType | ''>('');
  const [organisationName, setOrganisationName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [sectionId, setSectionId] = useState(wholeDraft);
  const [body, setBody] = useState('');
  const [website, setWebsite] = useState('');
  const [sent, setSent] = useState(false);
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds, {
    keepDisabledOnSuccess: true,
  });
  const view = loaded.data;
  useDocumentTitle(
    sent ? 'Response sent' : view ? `Respond to ${view.plan.title}` : 'Respond to a published plan',
    errors.length > 0,
  );

  if (loaded.error) return <PublicLoadError error={loaded.error} retry={loaded.reload} />;
  if (!view) return <LoadingMessage text="Loading the response form…" />;

  const heading = (
    <span className="nhsuk-caption-l">
      {view.footprint.name}:{' '}
      <Link to={publicPlanPath(view.footprint.slug, view.plan.slug)}>{view.plan.title}</Link>
    </span>
  );

  if (sent)
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel nhsuk-panel--confirmation" role="status">
            <h1 className="nhsuk-panel__title">Response sent</h1>
            <div className="nhsuk-panel__body">Thank you for responding to {view.plan.title}.</div>
          </div>
          <h2 className="nhsuk-heading-m">What happens next</h2>
          <p className="nhsuk-body">
            People from the partnership will read your response before it is counted with the
            others. They may not reply to each response.
          </p>
          {email.trim() || name.trim() ? (
            <p className="nhsuk-body">
              Your name and email address are seen only by the partnership and are deleted{' '}
              {view.contactRetentionDays} days after the consultation closes.
            </p>
          ) : null}
        </div>
      </div>
    );

  const consultation = view.consultation;
  if (!consultation || consultation.state !== 'open')
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {heading}
          <h1 className="nhsuk-heading-l">Respond to this draft</h1>
          <p className="nhsuk-body">
            {!consultation
              ? 'This plan is not open for consultation, so it is not taking responses.'
              : consultation.state === 'not_open_yet'
                ? `The consultation opens on ${formatDate(consultation.opensOn)} and closes on ${formatDate(consultation.closesOn)}. Come back then to respond.`
                : consultation.closedEarlyAt
                  ? 'The consultation on this plan has closed, so it is no longer taking responses.'
                  : `The consultation closed on ${formatDate(consultation.closesOn)}, so it is no longer taking responses.`}
          </p>
        </div>
      </div>
    );

  const sectionOptions = [
    { value: wholeDraft, label: 'The whole draft' },
    ...view.sections.map((section) => ({ value: section.id, label: section.title })),
  ];

  const submit = handleSubmit({
    validate: () =>
      toFormErrors(
        consultationResponseProblems({
          respondentType,
          organisationName,
          name,
          email,
          sectionId: sectionId || null,
          body,
        }),
      ),
    send: async () => {
      await sendConsultationResponse(footprintSlug, planSlug, {
        respondentType: respondentType as RespondentType,
        organisationName: respondentType === 'organisation' ? organisationName : null,
        name,
        email,
        sectionId: sectionId || null,
        body,
        formToken: view.formToken,
        website,
      });
      setSent(true);
    },
  });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {heading}
        <h1 className="nhsuk-heading-l">Respond to this draft</h1>
        <p className="nhsuk-body">
          The partnership is asking for your views on the draft of this plan it published on{' '}
          {formatDate(view.publication.publishedAt)}. You can respond until{' '}
          <strong>{formatDate(consultation.closesOn)}</strong>.
        </p>
        <form noValidate onSubmit={submit}>
          <RespondentTypeRadiosField
            value={respondentType}
            onChange={setRespondentType}
            errors={errors}
            organisationName={organisationName}
            onOrganisationName={setOrganisationName}
          />
          <SelectField
            id="sectionId"
            label="What are you responding about?"
            labelSize="m"
            hint="Choose one section, or the whole draft."
            value={sectionId}
            options={sectionOptions}
            onChange={setSectionId}
            error={errorFor(errors, 'sectionId')}
          />
          <ResponseBodyField
            value={body}
            onChange={setBody}
            error={errorFor(errors, 'body')}
            count={characterCount(body.trim())}
            max={responseBodyMaxLength}
          />
          <h2 className="nhsuk-heading-m">Your details (optional)</h2>
          <p className="nhsuk-body">
            Give your name or email address only if you are happy for the partnership to contact you
            about your response. They are never published, are seen only by the partnership, and are
            deleted {formatNumber(view.contactRetentionDays)} days after the consultation closes.
          </p>
          <TextInput
            id="name"
            label="Name (optional)"
            autoComplete="name"
            value={name}
            onChange={setName}
            error={errorFor(errors, 'name')}
          />
          <TextInput
            id="email"
            label="Email address (optional)"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errorFor(errors, 'email')}
          />
          <div className="app-honeypot" aria-hidden="true">
            <label htmlFor="website">Leave this empty</label>
            <input
              id="website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={website}
              onChange={(event) => setWebsite(event.target.value)}
            />
          </div>
          <button className="nhsuk-button" type="submit" disabled={submitting}>
            Send response
          </button>
        </form>
      </div>
    </div>
  );
}

function RespondentTypeRadiosField({
  value,
  onChange,
  errors,
  organisationName,
  onOrganisationName,
}: {
  value: RespondentType | '';
  onChange: (value: RespondentType) => void;
  errors: FormError[];
  organisationName: string;
  onOrganisationName: (value: string) => void;
}) {
  return (
    <RespondentTypeRadios
      value={value}
      onChange={onChange}
      error={errorFor(errors, 'respondentType')}
      organisationField={
        <TextInput
          id="organisationName"
          label="Name of the organisation"
          autoComplete="organization"
          value={organisationName}
          onChange={onOrganisationName}
          error={errorFor(errors, 'organisationName')}
        />
      }
    />
  );
}
