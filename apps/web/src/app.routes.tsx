import { Route, Routes } from 'react-router';
import { ConsultationPage } from './consultation/consultation.page';
import { RespondPage } from './consultation/respond.page';
import { DraftComparisonPage } from './drafts/draft-comparison.page';
import { DraftPage } from './drafts/draft.page';
import { DraftsPage } from './drafts/drafts.page';
import { FootprintActivityPage } from './audit/footprint-activity.page';
import { AccountPage } from './auth/account.page';
import { RequireSignIn } from './auth/require-sign-in.component';
import { SessionProvider } from './auth/session-provider.component';
import { SignInPage } from './auth/sign-in.page';
import { FootprintPage } from './footprints/footprint.page';
import { MembersPage } from './footprints/members.page';
import { MyFootprintsPage } from './footprints/my-footprints.page';
import { AcceptInvitationPage } from './invitations/accept-invitation.page';
import { PlanPage } from './plans/plan.page';
import { PublicFootprintPage } from './publishing/public-footprint.page';
import { PublicLayout } from './publishing/public-layout.component';
import { PublicLoadError } from './publishing/public-not-found.component';
import { PublicPlanPage } from './publishing/public-plan.page';
import { NotificationsPage } from './notifications/notifications.page';
import { FailedJobsPage } from './operations/failed-jobs.page';
import { PlanDashboardPage } from './dashboard/plan-dashboard.page';
import { SectionPage } from './sections/section.page';
import { PageLayout } from './shared/components/page-layout.component';
import { PageNotFoundPage } from './shared/page-not-found.page';

/**
 * Every address the client answers; the API serves index.html for each of them. The public pages
 * sit outside the session: they never ask who is signed in.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/public" element={<PublicLayout />}>
        <Route path=":footprintSlug" element={<PublicFootprintPage />} />
        <Route path=":footprintSlug/:planSlug" element={<PublicPlanPage />} />
        <Route path=":footprintSlug/:planSlug/publications/:number" element={<PublicPlanPage />} />
        <Route path=":footprintSlug/:planSlug/respond" element={<RespondPage />} />
        <Route path="*" element={<PublicLoadError />} />
      </Route>
      <Route
        element={
          <SessionProvider>
            <PageLayout />
          </SessionProvider>
        }
      >
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
        <Route element={<RequireSignIn />}>
          <Route index element={<MyFootprintsPage />} />
          <Route path="/footprints/:slug" element={<FootprintPage />} />
          <Route path="/footprints/:slug/members" element={<MembersPage />} />
          <Route path="/footprints/:slug/activity" element={<FootprintActivityPage />} />
          <Route path="/plans/:planId" element={<PlanPage />} />
          <Route path="/plans/:planId/dashboard" element={<PlanDashboardPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/operations/failed-jobs" element={<FailedJobsPage />} />
          <Route path="/plans/:planId/drafts" element={<DraftsPage />} />
          <Route path="/plans/:planId/consultation" element={<ConsultationPage />} />
          <Route path="/plans/:planId/drafts/compare" element={<DraftComparisonPage />} />
          <Route path="/drafts/:draftId" element={<DraftPage />} />
          <Route path="/sections/:sectionId" element={<SectionPage />} />
        </Route>
        <Route path="*" element={<PageNotFoundPage />} />
      </Route>
    </Routes>
  );
}
