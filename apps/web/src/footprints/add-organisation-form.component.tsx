import {
  organisationKindLabels,
  organisationKinds,
  type OrganisationKind,
  type OrganisationView,
} from '@commonplan/domain';
import { useState } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { addOrganisation } from './footprints.api';

const inputIds = {
  name: 'organisation-name',
  kind: 'organisation-kind',
  odsCode: 'organisation-ods-code',
};

interface AddOrganisationFormProps {
  slug: string;
  onAdded: (organisation: OrganisationView) => void;
}

export function AddOrganisationForm({ slug, onAdded }: AddOrganisationFormProps) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('nhs_trust');
  const [odsCode, setOdsCode] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);

  const submit = handleSubmit({
    validate: () =>
      name.trim().length < 2
        ? [{ inputId: inputIds.name, message: 'Enter the name of the organisation' }]
        : [],
    send: async () => {
      const organisation = await addOrganisation(slug, {
        name: name.trim(),
        kind,
        ...(odsCode.trim() ? { odsCode: odsCode.trim().toUpperCase() } : {}),
      });
      setName('');
      setOdsCode('');
      onAdded(organisation);
    },
  });

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <TextInput
        id={inputIds.name}
        label="Name"
        hint="For example, Great Western Hospitals NHS Foundation Trust"
        value={name}
        onChange={setName}
        error={errorFor(errors, inputIds.name)}
      />
      <SelectField
        id={inputIds.kind}
        label="Kind of organisation"
        value={kind}
        options={organisationKinds.map((value) => ({
          value,
          label: organisationKindLabels[value],
        }))}
        onChange={(value) => setKind(value as OrganisationKind)}
        error={errorFor(errors, inputIds.kind)}
      />
      <TextInput
        id={inputIds.odsCode}
        label="ODS code (optional)"
        hint="The Organisation Data Service code, like RN3 or 92G"
        width={10}
        spellCheck={false}
        value={odsCode}
        onChange={setOdsCode}
        error={errorFor(errors, inputIds.odsCode)}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={submitting}>
        Add the organisation
      </button>
    </form>
  );
}
