import type { MemberView, OrganisationView, PlanView, SectionView } from '@commonplan/domain';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/use-session.hook';
import { ReviewPanel } from '../reviews/review-panel.component';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { listMembers, listOrganisations } from '../footprints/footprints.api';
import { getPlan } from '../plans/plans.api';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { PanelError } from '../shared/components/panel-error.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { DeleteSection } from './delete-section.component';
import { EditSectionForm } from './edit-section-form.component';
import { SectionSummaryList } from './section-summary-list.component';
import { getSection } from './sections.api';

/** The editor (TipTap, Yjs, socket.io) is most of the client's code: load it only on this page. */
const SectionEditor = lazy(() =>
  import('../section-editor/section-editor.component').then((module) => ({
    default: module.SectionEditor,
  })),
);

interface SectionContext {
  section: SectionView;
  plan: PlanView;
}

interface Choices {
  members: MemberView[];
  organisations: OrganisationView[];
}

export function SectionPage() {
  const { sectionId = '' } = useParams();
  const navigate = useNavigate();
  // Asked for once, from a draft's page; taken out of the address so a reload does not ask again.
  const [searchParams, setSearchParams] = useSearchParams();
  const [restoreFrom] = useState(() => searchParams.get('restoreFrom'));
  useEffect(() => {
    if (searchParams.has('restoreFrom')) setSearchParams({}, { replace: true });
  }, [searchParams, setSearchParams]);
  const loaded = useApiResource<SectionContext>(`section:${sectionId}`, async (signal) => {
    const section = await getSection(sectionId, signal);
    return { section, plan: await getPlan(section.planId, signal) };
  });
  const canUpdate = loaded.data?.plan.allowedActions.includes('section.update') ?? false;
  const slug = loaded.data?.plan.footprintSlug ?? '';
  const choices = useApiResource<Choices | null>(
    `section-choices:${slug}:${canUpdate}`,
    async (signal) => {
      if (!canUpdate) return null;
      const [members, organisations] = await Promise.all([
        fetchAllPages((page, pageSize) => listMembers(slug, page, pageSize, signal)),
        fetchAllPages((page, pageSize) => listOrganisations(slug, page, pageSize, signal)),
      ]);
      return { members, organisations };
    },
  );
  const { me } = useSession();
  const reloadSection = loaded.reload;
  const reviewChanged = useCallback(() => reloadSection(), [reloadSection]);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  useDocumentTitle(
    loaded.data?.section.title ?? (loaded.loading ? 'Loading section' : undefined),
    errors.length > 0,
  );

  if (loaded.error)
    return <LoadError error={loaded.error} what="this section" retry={loaded.reload} />;
  if (!loaded.data) return <LoadingMessage text="Loading section…" />;

  const { section, plan } = loaded.data;
  const canDelete = plan.allowedActions.includes('section.delete');

  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: plan.footprintName, to: `/footprints/${plan.footprintSlug}` },
          { text: plan.title, to: `/plans/${plan.id}` },
        ]}
      />
      {saved ? (
        <SuccessBanner
          key={section.updatedAt}
          heading="Your changes to the section have been saved."
        />
      ) : null}
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{plan.title}</span>
      <h1 className="nhsuk-heading-l">{section.title}</h1>
      <SectionSummaryList section={section} />
      <Suspense fallback={<LoadingMessage text="Loading the editor…" />}>
        <SectionEditor
          key={section.id}
          sectionId={section.id}
          footprintSlug={plan.footprintSlug}
          mayEditText={plan.allowedActions.includes('section.editText')}
          mayComment={plan.allowedActions.includes('section.comment')}
          mayResolve={plan.allowedActions.includes('comment.resolve')}
          restoreFrom={restoreFrom}
        />
      </Suspense>
      {me ? (
        <ReviewPanel
          sectionId={section.id}
          plan={plan}
          userId={me.user.id}
          onChanged={reviewChanged}
        />
      ) : null}

      {canUpdate ? (
        <section aria-labelledby="edit-section-heading">
          <h2 className="nhsuk-heading-m" id="edit-section-heading">
            Change the section
          </h2>
          {choices.loading ? <LoadingMessage text="Loading members and organisations…" /> : null}
          {choices.error ? (
            <PanelError
              error={choices.error}
              what="the members and organisations"
              retry={choices.reload}
            />
          ) : null}
          {choices.data ? (
            <EditSectionForm
              key={section.updatedAt}
              section={section}
              members={choices.data.members}
              organisations={choices.data.organisations}
              onSaved={(updated) => {
                setErrors([]);
                setSaved(true);
                loaded.replace({ section: updated, plan });
              }}
            />
          ) : null}
        </section>
      ) : null}

      {canDelete ? (
        <section aria-labelledby="delete-section-heading">
          <h2 className="nhsuk-heading-m" id="delete-section-heading">
            Delete the section
          </h2>
          <DeleteSection
            section={section}
            onDeleted={() =>
              navigate(`/plans/${plan.id}`, {
                state: { notice: `You deleted “${section.title}”.` },
              })
            }
            onError={(error) => {
              setSaved(false);
              setErrors(toFormErrors(error));
            }}
          />
        </section>
      ) : null}
    </>
  );
}
