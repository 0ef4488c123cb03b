import {
  sectionThemeLabels,
  sectionThemes,
  type OrganisationView,
  type SectionTheme,
  type SectionView,
} from '@commonplan/domain';
import { useState } from 'react';
import { organisationOptions } from '../footprints/organisation-options';
import { createSection } from '../sections/sections.api';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';

const inputIds = {
  title: 'section-title',
  theme: 'section-theme',
  leadOrganisationId: 'section-lead-organisation',
};

interface AddSectionFormProps {
  planId: string;
  organisations: OrganisationView[];
  onAdded: (section: SectionView) => void;
}

/** Leads add a section; it goes at the end of the plan, to be assigned and moved from there. */
export function AddSectionForm({ planId, organisations, onAdded }: AddSectionFormProps) {
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState<SectionTheme | ''>('');
  const [leadOrganisationId, setLeadOrganisationId] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);

  const submit = handleSubmit({
    validate: () => {
      const problems: FormError[] = [];
      if (title.trim().length < 2)
        problems.push({ inputId: inputIds.title, message: 'Enter a title for the section' });
      if (!theme)
        problems.push({
          inputId: inputIds.theme,
          message: 'Select the theme the section is about',
        });
      return problems;
    },
    send: async () => {
      const section = await createSection(planId, {
        title: title.trim(),
        // validate() has already refused an empty theme.
        theme: theme as SectionTheme,
        ...(leadOrganisationId ? { leadOrganisationId } : {}),
      });
      setTitle('');
      setLeadOrganisationId('');
      onAdded(section);
    },
  });

  return (
    <section aria-labelledby="add-section-heading">
      <h2 className="nhsuk-heading-m" id="add-section-heading">
        Add a section
      </h2>
      <form noValidate onSubmit={submit} aria-labelledby="add-section-heading">
        <ErrorSummary errors={errors} />
        <TextInput
          id={inputIds.title}
          label="Section title"
          hint="For example, Children and young people’s mental health"
          value={title}
          onChange={setTitle}
          error={errorFor(errors, inputIds.title)}
        />
        <SelectField
          id={inputIds.theme}
          label="Theme"
          value={theme}
          options={[
            { value: '', label: 'Select a theme' },
            ...sectionThemes.map((value) => ({ value, label: sectionThemeLabels[value] })),
          ]}
          onChange={(value) => setTheme(value as SectionTheme | '')}
          error={errorFor(errors, inputIds.theme)}
        />
        <SelectField
          id={inputIds.leadOrganisationId}
          label="Lead organisation (optional)"
          hint="The member organisation responsible for writing it"
          value={leadOrganisationId}
          options={organisationOptions(organisations, 'Not chosen yet')}
          onChange={setLeadOrganisationId}
          error={errorFor(errors, inputIds.leadOrganisationId)}
        />
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          Add the section
        </button>
      </form>
    </section>
  );
}
