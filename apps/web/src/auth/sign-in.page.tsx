import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { signIn } from './auth.api';
import { safeReturnTo } from './return-to';
import { useSession } from './use-session.hook';

const inputIds = { email: 'email', password: 'password' };

export function SignInPage() {
  const { me, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds, {
    keepDisabledOnSuccess: true,
  });
  useDocumentTitle('Sign in', errors.length > 0);

  if (me && !submitting) return <Navigate to={returnTo} replace />;

  const submit = handleSubmit({
    validate: () => {
      const problems: FormError[] = [];
      if (!email.trim()) problems.push({ inputId: 'email', message: 'Enter your email address' });
      if (!password) problems.push({ inputId: 'password', message: 'Enter your password' });
      return problems;
    },
    send: async () => {
      const found = await signIn({ email: email.trim(), password });
      signedIn(found);
      navigate(returnTo, { replace: true });
    },
  });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="nhsuk-heading-l">Sign in to Commonplan</h1>
        <p className="nhsuk-body">
          Use the email address your partnership invited. If you have not been invited, ask your
          partnership lead.
        </p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            autoFocus
            value={email}
            onChange={setEmail}
            error={errorFor(errors, 'email')}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errorFor(errors, 'password')}
            width={20}
          />
          <button className="nhsuk-button" type="submit" disabled={submitting}>
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </div>
  );
}
