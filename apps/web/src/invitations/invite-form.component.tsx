import {
  footprintRoleLabels,
  footprintRoles,
  type CreatedInvitation,
  type FootprintRole,
  type OrganisationView,
} from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, toFormErrors, type FormError } from '../shared/forms/form-error';
import { createInvitation } from './invitations.api';

const inputIds = {
  email: 'invite-email',
  role: 'invite-role',
  organisationId: 'invite-organisation',
};

interface InviteFormProps {
  slug: string;
  organisations: OrganisationView[];
  onInvited: (invitation: CreatedInvitation) => void;
}

export function InviteForm({ slug, organisations, onInvited }: InviteFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<FootprintRole>('author');
  const [organisationId, setOrganisationId] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setErrors([
        {
          inputId: inputIds.email,
          message: 'Enter an email address in the correct format, like name@example.nhs.uk',
        },
      ]);
      return;
    }
    setErrors([]);
    setSubmitting(true);
    try {
      const invitation = await createInvitation(slug, {
        email: email.trim(),
        role,
        ...(organisationId ? { organisationId } : {}),
      });
      setEmail('');
      setOrganisationId('');
      onInvited(invitation);
    } catch (error) {
      setErrors(toFormErrors(error, inputIds));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <TextInput
        id={inputIds.email}
        label="Email address"
        hint="Their work email address. We will send them a link to join."
        type="email"
        spellCheck={false}
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={errorFor(errors, inputIds.email)}
      />
      <SelectField
        id={inputIds.role}
        label="Role"
        hint="Leads shape the plan, authors write sections, reviewers approve them, viewers read."
        value={role}
        options={footprintRoles.map((value) => ({ value, label: footprintRoleLabels[value] }))}
        onChange={(value) => setRole(value as FootprintRole)}
        error={errorFor(errors, inputIds.role)}
      />
      <SelectField
        id={inputIds.organisationId}
        label="Organisation (optional)"
        hint="The member organisation they work for"
        value={organisationId}
        options={[
          { value: '', label: 'Not set' },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
        onChange={setOrganisationId}
        error={errorFor(errors, inputIds.organisationId)}
      />
      <button className="nhsuk-button" type="submit" disabled={submitting}>
        Send invitation
      </button>
    </form>
  );
}
