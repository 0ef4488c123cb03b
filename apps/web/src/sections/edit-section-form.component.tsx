import {
  sectionAuthorRoles,
  sectionReviewerRoles,
  sectionThemeLabels,
  sectionThemes,
  type AssigneeView,
  type FootprintRole,
  type MemberView,
  type OrganisationView,
  type SectionTheme,
  type SectionView,
} from '@commonplan/domain';
import { useState } from 'react';
import { organisationOptions } from '../footprints/organisation-options';
import { CheckboxesField } from '../shared/components/checkboxes-field.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import type { SelectOption } from '../shared/components/select-field.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { updateSection } from './sections.api';

const inputIds = {
  title: 'edit-title',
  theme: 'edit-theme',
  leadOrganisationId: 'edit-lead-organisation',
  authorIds: 'edit-authors-input',
  reviewerIds: 'edit-reviewers-input',
  dueDate: 'edit-due-date',
};

/** Members who may hold the job, plus anyone already assigned (so a lead can take them off). */
function peopleFor(
  members: MemberView[],
  roles: readonly FootprintRole[],
  assigned: AssigneeView[],
): SelectOption[] {
  const eligible = members.filter((m) => roles.includes(m.role));
  const options = eligible.map((m) => ({
    value: m.userId,
    label: `${m.name}${m.organisation ? ` (${m.organisation.name})` : ''}`,
  }));
  for (const person of assigned) {
    if (!options.some((o) => o.value === person.userId))
      options.push({ value: person.userId, label: person.name });
  }
  return options;
}

interface EditSectionFormProps {
  section: SectionView;
  members: MemberView[];
  organisations: OrganisationView[];
  onSaved: (section: SectionView) => void;
}

/** Leads set up a section: its title and theme, the lead organisation, who writes and reviews it, and when it is due. */
export function EditSectionForm({
  section,
  members,
  organisations,
  onSaved,
}: EditSectionFormProps) {
  const [title, setTitle] = useState(section.title);
  const [theme, setTheme] = useState<SectionTheme>(section.theme);
  const [leadOrganisationId, setLeadOrganisationId] = useState(section.leadOrganisation?.id ?? '');
  const [authorIds, setAuthorIds] = useState(section.authors.map((a) => a.userId));
  const [reviewerIds, setReviewerIds] = useState(section.reviewers.map((r) => r.userId));
  const [dueDate, setDueDate] = useState(section.dueDate ?? '');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);

  const submit = handleSubmit({
    validate: () => {
      const problems: FormError[] = [];
      if (title.trim().length < 2)
        problems.push({ inputId: inputIds.title, message: 'Enter a title for the section' });
      if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate))
        problems.push({
          inputId: inputIds.dueDate,
          message: 'Enter the due date as a real date, like 18 December 2026',
        });
      return problems;
    },
    send: async () => {
      onSaved(
        await updateSection(section.id, {
          title: title.trim(),
          theme,
          leadOrganisationId: leadOrganisationId || null,
          authorIds,
          reviewerIds,
          dueDate: dueDate || null,
        }),
      );
    },
  });

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <TextInput
        id={inputIds.title}
        label="Section title"
        value={title}
        onChange={setTitle}
        error={errorFor(errors, inputIds.title)}
      />
      <SelectField
        id={inputIds.theme}
        label="Theme"
        value={theme}
        options={sectionThemes.map((value) => ({ value, label: sectionThemeLabels[value] }))}
        onChange={(value) => setTheme(value as SectionTheme)}
        error={errorFor(errors, inputIds.theme)}
      />
      <SelectField
        id={inputIds.leadOrganisationId}
        label="Lead organisation"
        value={leadOrganisationId}
        options={organisationOptions(organisations, 'Not chosen yet')}
        onChange={setLeadOrganisationId}
        error={errorFor(errors, inputIds.leadOrganisationId)}
      />
      <CheckboxesField
        id="edit-authors"
        legend="Authors"
        hint="They write the section. Partnership leads and authors can be chosen."
        options={peopleFor(members, sectionAuthorRoles, section.authors)}
        selected={authorIds}
        onChange={setAuthorIds}
        error={errorFor(errors, inputIds.authorIds)}
        emptyText="Nobody in this footprint can write sections yet. Invite an author first."
      />
      <CheckboxesField
        id="edit-reviewers"
        legend="Reviewers"
        hint="They approve the section or ask for changes. Partnership leads and reviewers can be chosen."
        options={peopleFor(members, sectionReviewerRoles, section.reviewers)}
        selected={reviewerIds}
        onChange={setReviewerIds}
        error={errorFor(errors, inputIds.reviewerIds)}
        emptyText="Nobody in this footprint can review sections yet. Invite a reviewer first."
      />
      <TextInput
        id={inputIds.dueDate}
        label="Due date (optional)"
        hint="When the first full draft of the section is needed. Leave it empty for none."
        type="date"
        width={10}
        value={dueDate}
        onChange={setDueDate}
        error={errorFor(errors, inputIds.dueDate)}
      />
      <button className="nhsuk-button" type="submit" disabled={submitting}>
        Save changes
      </button>
    </form>
  );
}
