import { Route, Routes } from 'react-router';
import { DraftComparisonPage } from './drafts/draft-comparison.page';
import { DraftPage } from './drafts/draft.page';
import { DraftsPage } from './drafts/drafts.page';
import { FootprintActivityPage } from './audit/footprint-activity.page';
import { AccountPage } from './auth/account.page';
import { RequireSignIn } from './auth/require-sign-in.component';
import { SignInPage } from './auth/sign-in.page';
import { FootprintPage } from './footprints/footprint.page';
import { MembersPage } from './footprints/members.page';
import { MyFootprintsPage } from './footprints/my-footprints.page';
import { AcceptInvitationPage } from './invitations/accept-invitation.page';
import { PlanPage } from './plans/plan.page';
import { NotificationsPage } from './notifications/notifications.page';
import { PlanDashboardPage } from './dashboard/plan-dashboard.page';
import { SectionPage } from './sections/section.page';
import { PageLayout } from './shared/components/page-layout.component';
import { PageNotFoundPage } from './shared/page-not-found.page';

/** Every address the client answers; the API serves index.html for each of them. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PageLayout />}>
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
          <Route path="/plans/:planId/drafts" element={<DraftsPage />} />
          <Route path="/plans/:planId/drafts/compare" element={<DraftComparisonPage />} />
          <Route path="/drafts/:draftId" element={<DraftPage />} />
          <Route path="/sections/:sectionId" element={<SectionPage />} />
        </Route>
        <Route path="*" element={<PageNotFoundPage />} />
      </Route>
    </Routes>
  );
}
