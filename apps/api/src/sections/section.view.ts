import type { AssigneeView, SectionView } from '@commonplan/domain';
import { toOrganisationView } from '../organisations/organisation.view.js';
import type { Section } from './section.entity.js';

export function toSectionView(section: Section): SectionView {
  const assignees = (kind: 'author' | 'reviewer'): AssigneeView[] =>
    (section.assignees ?? [])
      .filter((assignee) => assignee.kind === kind)
      .map((assignee) => ({
        userId: assignee.userId,
        name: assignee.user.name,
        email: assignee.user.email,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: section.id,
    planId: section.planId,
    position: section.position,
    title: section.title,
    theme: section.theme,
    leadOrganisation: toOrganisationView(section.leadOrganisation),
    authors: assignees('author'),
    reviewers: assignees('reviewer'),
    reviewStatus: section.reviewStatus,
    dueDate: section.dueDate,
    updatedAt: section.updatedAt.toISOString(),
  };
}
