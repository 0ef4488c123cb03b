/** The kinds of body that are members of a partnership. */
export const organisationKinds = ['nhs_trust', 'ccg', 'icb', 'council', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  nhs_trust: 'NHS trust',
  ccg: 'Clinical commissioning group',
  icb: 'Integrated care board',
  council: 'Council',
  other: 'Other body',
};
