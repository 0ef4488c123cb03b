import type {
  FootprintRole,
  OrganisationKind,
  ReviewStatus,
  SectionTheme,
} from '@commonplan/domain';
import { demoAccounts } from '@commonplan/domain';

/**
 * The demo partnership: one real footprint with plausible member organisations, people in every
 * role, and a plan in drafting organised as such plans were (see docs/demo-data.md).
 */
export const demoFootprintName = 'Bath and North East Somerset, Swindon and Wiltshire';

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  odsCode: string | null;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'ruh',
    name: 'Royal United Hospitals Bath NHS Foundation Trust',
    kind: 'nhs_trust',
    odsCode: 'RD1',
  },
  {
    key: 'gwh',
    name: 'Great Western Hospitals NHS Foundation Trust',
    kind: 'nhs_trust',
    odsCode: 'RN3',
  },
  { key: 'sft', name: 'Salisbury NHS Foundation Trust', kind: 'nhs_trust', odsCode: 'RNZ' },
  {
    key: 'awp',
    name: 'Avon and Wiltshire Mental Health Partnership NHS Trust',
    kind: 'nhs_trust',
    odsCode: 'RVN',
  },
  { key: 'banes-ccg', name: 'Bath and North East Somerset CCG', kind: 'ccg', odsCode: '11E' },
  { key: 'swindon-ccg', name: 'Swindon CCG', kind: 'ccg', odsCode: '12D' },
  { key: 'wiltshire-ccg', name: 'Wiltshire CCG', kind: 'ccg', odsCode: '99N' },
  {
    key: 'icb',
    name: 'Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board',
    kind: 'icb',
    odsCode: 'QOX',
  },
  {
    key: 'banes-council',
    name: 'Bath and North East Somerset Council',
    kind: 'council',
    odsCode: null,
  },
  { key: 'swindon-council', name: 'Swindon Borough Council', kind: 'council', odsCode: null },
  { key: 'wiltshire-council', name: 'Wiltshire Council', kind: 'council', odsCode: null },
  { key: 'hospice', name: 'Dorothy House Hospice Care', kind: 'other', odsCode: null },
];

export interface DemoPerson {
  email: string;
  name: string;
  organisation: string;
  role: FootprintRole;
}

export const demoPeople: DemoPerson[] = [
  { email: demoAccounts.lead, name: 'Priya Shah', organisation: 'icb', role: 'lead' },
  { email: demoAccounts.author, name: 'Tom Okafor', organisation: 'ruh', role: 'author' },
  { email: demoAccounts.author2, name: 'Hannah Williams', organisation: 'awp', role: 'author' },
  {
    email: demoAccounts.reviewer,
    name: 'Gareth Jones',
    organisation: 'wiltshire-council',
    role: 'reviewer',
  },
  { email: demoAccounts.viewer, name: 'Aisha Rahman', organisation: 'hospice', role: 'viewer' },
];

/** Runs the instance; not a member of any footprint. */
export const demoAdmin = {
  email: 'admin@demo.commonplan.test',
  name: 'Sam Taylor (administrator)',
};

export interface DemoSection {
  title: string;
  theme: SectionTheme;
  leadOrganisation: string;
  authors: Array<keyof typeof demoAccounts>;
  reviewers: Array<keyof typeof demoAccounts>;
  reviewStatus: ReviewStatus;
  /** Days from the seeding date; negative is overdue. */
  dueInDays: number | null;
}

export const demoPlan = {
  title: `${demoFootprintName} Sustainability and Transformation Plan`,
  kind: 'sustainability_and_transformation_plan' as const,
  periodStart: '2016/17',
  periodEnd: '2020/21',
};

export const demoSections: DemoSection[] = [
  {
    title: 'Our partnership and this plan',
    theme: 'other',
    leadOrganisation: 'icb',
    authors: ['lead'],
    reviewers: ['reviewer'],
    reviewStatus: 'approved',
    dueInDays: null,
  },
  {
    title: 'Prevention and healthy lives',
    theme: 'health_and_wellbeing',
    leadOrganisation: 'wiltshire-council',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'in_review',
    dueInDays: 14,
  },
  {
    title: 'Care for people with long-term conditions',
    theme: 'health_and_wellbeing',
    leadOrganisation: 'banes-ccg',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 21,
  },
  {
    title: 'Faster help for people with mental ill health',
    theme: 'health_and_wellbeing',
    leadOrganisation: 'awp',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'changes_requested',
    dueInDays: 7,
  },
  {
    title: 'Easier access to general practice',
    theme: 'care_and_quality',
    leadOrganisation: 'swindon-ccg',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 28,
  },
  {
    title: 'Faster cancer diagnosis',
    theme: 'care_and_quality',
    leadOrganisation: 'ruh',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'in_review',
    dueInDays: 10,
  },
  {
    title: 'Urgent and emergency care',
    theme: 'care_and_quality',
    leadOrganisation: 'gwh',
    authors: ['author', 'author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: -3,
  },
  {
    title: 'Maternity services',
    theme: 'care_and_quality',
    leadOrganisation: 'sft',
    authors: ['author'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: 35,
  },
  {
    title: 'People with learning disabilities',
    theme: 'care_and_quality',
    leadOrganisation: 'swindon-council',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Acute services: working as one system',
    theme: 'finance_and_efficiency',
    leadOrganisation: 'gwh',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 42,
  },
  {
    title: 'Closing the financial gap',
    theme: 'finance_and_efficiency',
    leadOrganisation: 'icb',
    authors: ['lead'],
    reviewers: ['reviewer'],
    reviewStatus: 'in_review',
    dueInDays: 5,
  },
  {
    title: 'Workforce',
    theme: 'enabler',
    leadOrganisation: 'ruh',
    authors: ['author'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Digital and information sharing',
    theme: 'enabler',
    leadOrganisation: 'icb',
    authors: ['author2'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Estates',
    theme: 'enabler',
    leadOrganisation: 'wiltshire-council',
    authors: ['author'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Engaging patients, the public and staff',
    theme: 'engagement',
    leadOrganisation: 'banes-council',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 14,
  },
  {
    title: 'Governance and how we work together',
    theme: 'other',
    leadOrganisation: 'icb',
    authors: ['lead'],
    reviewers: ['reviewer'],
    reviewStatus: 'approved',
    dueInDays: null,
  },
];
