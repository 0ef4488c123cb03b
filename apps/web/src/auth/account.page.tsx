import { passwordProblem, passwordProblemMessages } from '@commonplan/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { changePassword, signOutEverywhere } from './auth.api';
import { useSession } from './use-session.hook';

const passwordInputIds = { currentPassword: 'current-password', newPassword: 'new-password' };

/** The signed-in person's own account: change the password, or sign out of every device. */
export function AccountPage() {
  const { me, signedOut } = useSession();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const password = useFormSubmission(passwordInputIds);
  const everywhere = useFormSubmission({}, { keepDisabledOnSuccess: true });
  const errors = [...password.errors, ...everywhere.errors];
  useDocumentTitle('Your account', errors.length > 0);

  const submitPassword = password.handleSubmit({
    validate: () => {
      const problems: FormError[] = [];
      if (!currentPassword)
        problems.push({ inputId: 'current-password', message: 'Enter your current password' });
      const problem = passwordProblem(newPassword, me?.user.email);
      if (!newPassword) problems.push({ inputId: 'new-password', message: 'Enter a new password' });
      else if (problem)
        problems.push({ inputId: 'new-password', message: passwordProblemMessages[problem] });
      return problems;
    },
    send: async () => {
      setChanged(false);
      await changePassword({ currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setChanged(true);
    },
  });

  const submitEverywhere = everywhere.handleSubmit({
    validate: () => [],
    send: async () => {
      await signOutEverywhere();
      signedOut();
      navigate('/sign-in', { replace: true });
    },
  });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {changed ? (
          <SuccessBanner heading="Your password has been changed">
            <p className="nhsuk-body">
              You are still signed in here. Every other device has been signed out.
            </p>
          </SuccessBanner>
        ) : null}
        <h1 className="nhsuk-heading-l">Your account</h1>
        <p className="nhsuk-body">
          Signed in as {me?.user.name} ({me?.user.email}).
        </p>

        <h2 className="nhsuk-heading-m">Change your password</h2>
        <form noValidate onSubmit={submitPassword}>
          <TextInput
            id="current-password"
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errorFor(errors, 'current-password')}
            width={20}
          />
          <TextInput
            id="new-password"
            label="New password"
            hint="At least 10 characters, and not a common password. Three or four unrelated words work well."
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
            error={errorFor(errors, 'new-password')}
            width={20}
          />
          <button className="nhsuk-button" type="submit" disabled={password.submitting}>
            {password.submitting ? 'Changing your password…' : 'Change password'}
          </button>
        </form>

        <h2 className="nhsuk-heading-m">Sign out everywhere</h2>
        <p className="nhsuk-body">
          If you signed in on a shared or lost computer, sign out of Commonplan on every device,
          including this one.
        </p>
        <form noValidate onSubmit={submitEverywhere}>
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="submit"
            disabled={everywhere.submitting}
          >
            {everywhere.submitting ? 'Signing out…' : 'Sign out of every device'}
          </button>
        </form>
      </div>
    </div>
  );
}
