import {
  consultationResponseStatuses,
  consultationResponseStatusLabels,
  type ConsultationDecision,
  type ConsultationResponseStatus,
  type ConsultationResponseView,
  type ConsultationView,
  type Page,
  type PlanView,
} from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getPlan } from '../plans/plans.api';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { PanelError } from '../shared/components/panel-error.component';
import { SelectField } from '../shared/components/select-field.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { formatDate, formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import { ConsultationCounts } from './consultation-counts.component';
import { ConsultationDatesForm } from './consultation-dates-form.component';
import { ConsultationResponseCard } from './consultation-response-card.component';
import {
  closeConsultation,
  decideConsultationResponse,
  getConsultation,
  listConsultationResponses,
  responsesCsvUrl,
} from './consultation.api';

const stateText = {
  not_open_yet: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
} as const;

function isStatus(value: string | null): value is ConsultationResponseStatus {
  return (consultationResponseStatuses as readonly (string | null)[]).includes(value);
}

/** A plan's consultation for its leads: the dates, the counts, and every response to decide on. */
export function ConsultationPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = usePageNumber();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const section = params.get('section') ?? undefined;
  const plan = useApiResource<PlanView>(`plan:${planId}`, (signal) => getPlan(planId, signal));
  const consultation = useApiResource<ConsultationView>(`consultation:${planId}`, (signal) =>
    getConsultation(planId, signal),
  );
  const responses = useApiResource<Page<ConsultationResponseView>>(
    `responses:${planId}:${status ?? ''}:${section ?? ''}:${page}`,
    (signal) => listConsultationResponses(planId, { status, section }, page, signal),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState(status ?? '');
  const [sectionFilter, setSectionFilter] = useState(section ?? '');
  const [notice, setNotice] = useState('');
  useDocumentTitle(
    plan.data ? `Consultation – ${plan.data.title}` : 'Consultation',
    errors.length > 0,
  );

  if (plan.error) return <LoadError error={plan.error} what="this plan" retry={plan.reload} />;
  if (consultation.error)
    return (
      <LoadError error={consultation.error} what="this consultation" retry={consultation.reload} />
    );
  if (!plan.data || !consultation.data) return <LoadingMessage text="Loading the consultation…" />;
  const view = plan.data;
  const data = consultation.data;
  const current = data.consultation;

  const decide = (response: ConsultationResponseView, decision: ConsultationDecision) => {
    setErrors([]);
    setBusy(response.id);
    decideConsultationResponse(planId, response.id, decision).then(
      (updated) => {
        setBusy(null);
        setNotice(
          `${decision === 'accept' ? 'Accepted' : 'Rejected'} the response on ${updated.sectionTitle ?? 'the whole draft'}.`,
        );
        if (responses.data)
          responses.replace({
            ...responses.data,
            items: responses.data.items.map((item) => (item.id === updated.id ? updated : item)),
          });
        consultation.reload();
      },
      (error: unknown) => {
        setBusy(null);
        setErrors(toFormErrors(error));
      },
    );
  };

  const close = () => {
    setErrors([]);
    closeConsultation(planId).then(consultation.replace, (error: unknown) =>
      setErrors(toFormErrors(error)),
    );
  };

  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (statusFilter) next.set('status', statusFilter);
    if (sectionFilter) next.set('section', sectionFilter);
    setParams(next);
  };

  const filtered = Boolean(status || section);
  const list = responses.data;

  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: view.footprintName, to: `/footprints/${view.footprintSlug}` },
          { text: view.title, to: `/plans/${view.id}` },
        ]}
      />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{view.title}</span>
      <h1 className="nhsuk-heading-l">Consultation</h1>

      {!data.publication ? (
        <p className="nhsuk-body">
          A consultation asks the public about a published draft, and this plan has none yet.{' '}
          <Link to={`/plans/${view.id}/drafts`}>Publish a ready draft</Link> first, then come back
          to open the consultation.
        </p>
      ) : (
        <>
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Draft being consulted on</dt>
              <dd className="nhsuk-summary-list__value">
                Publication {data.publication.number}, published{' '}
                {formatDate(data.publication.publishedAt)}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Consultation</dt>
              <dd className="nhsuk-summary-list__value">
                {current
                  ? `${stateText[current.state]}: ${formatDate(current.opensOn)} to ${formatDate(current.closesOn)}${current.closedEarlyAt ? ` (closed early on ${formatDate(current.closedEarlyAt)})` : ''}`
                  : 'Not opened'}
              </dd>
            </div>
            {current ? (
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Public response form</dt>
                <dd className="nhsuk-summary-list__value">
                  <a href={current.publicPath}>
                    {window.location.origin}
                    {current.publicPath}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
          <ConsultationDatesForm
            key={current ? `${current.opensOn}:${current.closesOn}:${current.state}` : 'new'}
            planId={view.id}
            current={current}
            onSaved={consultation.replace}
          />
          {current && current.state !== 'closed' ? (
            <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={close}>
              Close the consultation now
            </button>
          ) : null}
        </>
      )}

      <h2 className="nhsuk-heading-m">Counts</h2>
      <p className="nhsuk-body">
        {formatNumber(data.totals.pending)} waiting for a decision,{' '}
        {formatNumber(data.totals.accepted)} accepted, {formatNumber(data.totals.rejected)}{' '}
        rejected, {formatNumber(data.totals.spam)} held as spam.
      </p>
      <ConsultationCounts bySection={data.bySection} />

      <h2 className="nhsuk-heading-m">Responses</h2>
      <form onSubmit={applyFilters} aria-label="Filter responses">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="status-filter"
              label="Status"
              value={statusFilter}
              options={[
                { value: '', label: 'Any status' },
                ...consultationResponseStatuses.map((s) => ({
                  value: s,
                  label: consultationResponseStatusLabels[s],
                })),
              ]}
              onChange={setStatusFilter}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="section-filter"
              label="Section"
              value={sectionFilter}
              options={[
                { value: '', label: 'Any section' },
                { value: 'whole', label: 'The whole draft' },
                ...data.sections.map((s) => ({ value: s.id, label: s.title })),
              ]}
              onChange={setSectionFilter}
            />
          </div>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show responses
        </button>
      </form>
      <p className="nhsuk-body">
        <a href={responsesCsvUrl(view.id, status)} download>
          Download {status ? consultationResponseStatusLabels[status].toLowerCase() : 'all'}{' '}
          responses (CSV)
        </a>
      </p>
      <p className="nhsuk-u-visually-hidden" role="status">
        {notice}
      </p>
      {responses.error ? (
        <PanelError error={responses.error} what="the responses" retry={responses.reload} />
      ) : null}
      {!list ? <LoadingMessage text="Loading responses…" /> : null}
      {list?.total === 0 ? (
        <p className="nhsuk-body">
          {filtered
            ? 'No responses match these filters.'
            : current
              ? 'Nobody has responded yet. Responses appear here as they arrive, waiting for your decision.'
              : 'There are no responses: open the consultation to start taking them.'}
        </p>
      ) : null}
      {list && list.total > 0 ? (
        <>
          <ul className="nhsuk-list" aria-label="Responses, waiting for a decision first">
            {list.items.map((response) => (
              <ConsultationResponseCard
                key={response.id}
                response={response}
                busy={busy === response.id}
                onDecide={decide}
              />
            ))}
          </ul>
          <Pagination page={list} />
        </>
      ) : null}
    </>
  );
}
