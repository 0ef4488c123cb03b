import {
  footprintRoleLabels,
  footprintRoles,
  type CreatedInvitation,
  type FootprintRole,
  type OrganisationView,
} from '@commonplan/domain';
import { useState } from 'react';
import { organisationOptions } from '../footprints/organisation-options';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
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
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);

  const submit = handleSubmit({
    validate: () =>
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())
        ? []
        : [
            {
              inputId: inputIds.email,
              message: 'Enter an email address in the correct format, like name@example.nhs.uk',
            },
          ],
    send: async () => {
      const invitation = await createInvitation(slug, {
        email: email.trim(),
        role,
        ...(organisationId ? { organisationId } : {}),
      });
      setEmail('');
      setOrganisationId('');
      onInvited(invitation);
    },
  });

  return (
    <form noValidate onSubmit={submit}>
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
        options={organisationOptions(organisations, 'Not set')}
        onChange={setOrganisationId}
        error={errorFor(errors, inputIds.organisationId)}
      />
      <button className="nhsuk-button" type="submit" disabled={submitting}>
        Send invitation
      </button>
    </form>
  );
}
