import {
  footprintRoleLabels,
  minPasswordLength,
  passwordProblem,
  passwordProblemMessages,
  type InvitationPreview,
  type Me,
} from '@commonplan/domain';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/use-session.hook';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { TextInput } from '../shared/components/text-input.component';
import type { ApiError } from '../shared/api/api-error';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { formatDate } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { acceptInvitation, getInvitationPreview } from './invitations.api';

const inputIds = { name: 'name', password: 'password' };

function unusableInvitation(error: ApiError): { heading: string; body: string } {
  if (error.status === 404)
    return {
      heading: 'This invitation link is not right',
      body: 'Check you copied the whole link from the email. If it still does not work, ask the person who invited you to send a new invitation.',
    };
  if (error.status === 409)
    return {
      heading: 'This invitation has already been used or was withdrawn',
      body: 'If you accepted it already, sign in. If not, ask the person who invited you to send a new invitation.',
    };
  if (error.status === 410)
    return {
      heading: 'This invitation has expired',
      body: 'Invitations last for a limited time. Ask the person who invited you to send a new one.',
    };
  return { heading: 'Sorry, there is a problem with the service', body: error.message };
}

function validate(preview: InvitationPreview, name: string, password: string): FormError[] {
  const errors: FormError[] = [];
  if (!preview.hasAccount && name.trim().length < 2)
    errors.push({ inputId: inputIds.name, message: 'Enter your full name' });
  if (!password) errors.push({ inputId: inputIds.password, message: 'Enter a password' });
  else if (!preview.hasAccount) {
    const problem = passwordProblem(password, preview.email);
    if (problem)
      errors.push({ inputId: inputIds.password, message: passwordProblemMessages[problem] });
  }
  return errors;
}

function destinationFor(me: Me, preview: InvitationPreview): string {
  const joined = me.memberships.some((m) => m.footprintSlug === preview.footprintSlug);
  return joined ? `/footprints/${preview.footprintSlug}` : '/';
}

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const preview = useApiResource(`invitation:${token}`, (signal) =>
    getInvitationPreview(token, signal),
  );
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds, {
    keepDisabledOnSuccess: true,
  });

  const problem = preview.error ? unusableInvitation(preview.error) : null;
  useDocumentTitle(
    problem?.heading ??
      (preview.data ? `Join ${preview.data.footprintName}` : 'Accept an invitation'),
    errors.length > 0,
  );

  if (problem)
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">{problem.heading}</h1>
          <p className="nhsuk-body">{problem.body}</p>
          <p className="nhsuk-body">
            <Link to="/sign-in">Sign in to Commonplan</Link>
          </p>
        </div>
      </div>
    );
  if (!preview.data) return <LoadingMessage text="Checking your invitation…" />;

  const invitation = preview.data;
  const submit = handleSubmit({
    validate: () => validate(invitation, name, password),
    send: async () => {
      const me = await acceptInvitation(token, {
        ...(name.trim() ? { name: name.trim() } : {}),
        password,
      });
      signedIn(me);
      navigate(destinationFor(me, invitation), { replace: true });
    },
  });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="nhsuk-caption-l">Accept your invitation</span>
        <h1 className="nhsuk-heading-l">Join {invitation.footprintName}</h1>
        <p className="nhsuk-body">
          {invitation.invitedBy} invited you ({invitation.email}) to join as{' '}
          {footprintRoleLabels[invitation.role].toLowerCase()}. The invitation lasts until{' '}
          {formatDate(invitation.expiresAt)}.
        </p>
        <form noValidate onSubmit={submit}>
          {invitation.hasAccount ? (
            <p className="nhsuk-body">
              You already have a Commonplan account. Enter its password to add this footprint to it.
            </p>
          ) : (
            <TextInput
              id={inputIds.name}
              label="Your full name"
              hint="Shown to the other members of the partnership"
              autoComplete="name"
              autoFocus
              value={name}
              onChange={setName}
              error={errorFor(errors, inputIds.name)}
            />
          )}
          <TextInput
            id={inputIds.password}
            label={invitation.hasAccount ? 'Your password' : 'Create a password'}
            hint={
              invitation.hasAccount
                ? undefined
                : `At least ${minPasswordLength} characters, and not a common password`
            }
            type="password"
            autoComplete={invitation.hasAccount ? 'current-password' : 'new-password'}
            autoFocus={invitation.hasAccount}
            width={20}
            value={password}
            onChange={setPassword}
            error={errorFor(errors, inputIds.password)}
          />
          <button className="nhsuk-button" type="submit" disabled={submitting}>
            {invitation.hasAccount ? 'Accept and sign in' : 'Create account and join'}
          </button>
        </form>
      </div>
    </div>
  );
}
