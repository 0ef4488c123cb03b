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
  /** Starting text, one string a paragraph. */
  text: string[];
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
    text: [
      'This plan is written by the NHS organisations and councils that serve our area, together with the voluntary sector. It sets out how we will improve health and wellbeing, the quality of care and our finances between 2016/17 and 2020/21.',
      'Each section names the organisation that leads it. Drafts are shared with patients, the public and staff before the plan is agreed.',
    ],
    theme: 'other',
    leadOrganisation: 'icb',
    authors: ['lead'],
    reviewers: ['reviewer'],
    reviewStatus: 'approved',
    dueInDays: null,
  },
  {
    title: 'Prevention and healthy lives',
    text: [
      'Where we are: one in five adults smokes in our most deprived wards, and rates of obesity in children leaving primary school are above the England average.',
      'What we will do by 2020/21: offer every smoker admitted to hospital help to stop, extend the National Diabetes Prevention Programme to every practice, and work with schools on active travel.',
    ],
    theme: 'health_and_wellbeing',
    leadOrganisation: 'wiltshire-council',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'in_review',
    dueInDays: 14,
  },
  {
    title: 'Care for people with long-term conditions',
    text: [
      'Where we are: most of our emergency admissions are people with two or more long-term conditions, and many could be cared for closer to home.',
      'What we will do by 2020/21: bring community nurses, social workers and GPs into teams around groups of practices, with one shared care plan for each person.',
    ],
    theme: 'health_and_wellbeing',
    leadOrganisation: 'banes-ccg',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 21,
  },
  {
    title: 'Faster help for people with mental ill health',
    text: [
      'Where we are: people wait too long for talking therapies, and too many in crisis are seen first in emergency departments.',
      'What we will do by 2020/21: meet the access standard for psychological therapies, open a crisis café in each main town, and provide liaison psychiatry in every acute hospital around the clock.',
    ],
    theme: 'health_and_wellbeing',
    leadOrganisation: 'awp',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'changes_requested',
    dueInDays: 7,
  },
  {
    title: 'Easier access to general practice',
    text: [
      'Where we are: demand on general practice has grown faster than the number of GPs, and patients report difficulty getting an appointment.',
      'What we will do by 2020/21: offer evening and weekend appointments across every locality, add clinical pharmacists to practice teams, and support practices to work at scale.',
    ],
    theme: 'care_and_quality',
    leadOrganisation: 'swindon-ccg',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 28,
  },
  {
    title: 'Faster cancer diagnosis',
    text: [
      'Where we are: we have not consistently met the 62-day standard from urgent referral to first treatment, and too many cancers are found only after an emergency admission.',
      'What we will do by 2020/21: give people a definite diagnosis, or the all-clear, within 28 days of referral, open a rapid diagnostic centre for vague symptoms, and raise uptake of bowel screening.',
    ],
    theme: 'care_and_quality',
    leadOrganisation: 'ruh',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'in_review',
    dueInDays: 10,
  },
  {
    title: 'Urgent and emergency care',
    text: [
      'Where we are: our emergency departments have not met the four-hour standard through the winter, and delays in discharging people from hospital are rising.',
      'What we will do by 2020/21: run an integrated urgent care service behind NHS 111, offer same-day emergency care at each hospital, and agree one discharge process with social care.',
    ],
    theme: 'care_and_quality',
    leadOrganisation: 'gwh',
    authors: ['author', 'author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: -3,
  },
  {
    title: 'Maternity services',
    text: [
      'Where we are: most women are cared for by a different midwife at each stage of their pregnancy.',
      'What we will do by 2020/21: offer continuity of carer to most women, give every woman a personalised care plan, and halve stillbirths and neonatal deaths against the 2010 rate by 2025.',
    ],
    theme: 'care_and_quality',
    leadOrganisation: 'sft',
    authors: ['author'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: 35,
  },
  {
    title: 'People with learning disabilities',
    text: [
      'Where we are: too many people with a learning disability or autism live in hospital settings far from home.',
      'What we will do by 2020/21: reduce inpatient beds in line with Transforming Care, build community support with housing providers, and make sure annual health checks reach at least three quarters of people on practice registers.',
    ],
    theme: 'care_and_quality',
    leadOrganisation: 'swindon-council',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Acute services: working as one system',
    text: [
      'Where we are: our three acute hospitals each run some specialist services with too few staff to sustain them around the clock.',
      'What we will do by 2020/21: agree single clinical networks for stroke, vascular surgery and paediatrics across the three hospitals, with shared rotas and one set of clinical standards.',
    ],
    theme: 'finance_and_efficiency',
    leadOrganisation: 'gwh',
    authors: ['author'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 42,
  },
  {
    title: 'Closing the financial gap',
    text: [
      'Where we are: if we carry on as we are, the NHS and councils in our area will spend more than we receive by 2020/21.',
      'What we will do by 2020/21: reduce unwarranted variation through RightCare, share back-office and pathology services, and move spending towards prevention and community care.',
    ],
    theme: 'finance_and_efficiency',
    leadOrganisation: 'icb',
    authors: ['lead'],
    reviewers: ['reviewer'],
    reviewStatus: 'in_review',
    dueInDays: 5,
  },
  {
    title: 'Workforce',
    text: [
      'Where we are: vacancies for nurses, care workers and GPs are our biggest risk to delivering this plan.',
      'What we will do by 2020/21: recruit and train together as one employer of choice, develop new roles such as nursing associates and physician associates, and offer staff career paths across organisations.',
    ],
    theme: 'enabler',
    leadOrganisation: 'ruh',
    authors: ['author'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Digital and information sharing',
    text: [
      'Where we are: professionals often cannot see the records of the people they care for when those records are held by another organisation.',
      'What we will do by 2020/21: give every health and care professional access to a shared care record, and let patients book appointments and see their records online.',
    ],
    theme: 'enabler',
    leadOrganisation: 'icb',
    authors: ['author2'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Estates',
    text: [
      'Where we are: much of our estate is old, under-used or expensive to run.',
      'What we will do by 2020/21: bring services together in shared community hubs, release land that is no longer needed, and reduce the cost of running our buildings.',
    ],
    theme: 'enabler',
    leadOrganisation: 'wiltshire-council',
    authors: ['author'],
    reviewers: [],
    reviewStatus: 'draft',
    dueInDays: null,
  },
  {
    title: 'Engaging patients, the public and staff',
    text: [
      'We will involve people in shaping this plan through Healthwatch, patient participation groups, staff forums and public events in each locality.',
      'Each draft is published for comment, and we will report back on what we heard and what we changed as a result.',
    ],
    theme: 'engagement',
    leadOrganisation: 'banes-council',
    authors: ['author2'],
    reviewers: ['reviewer'],
    reviewStatus: 'draft',
    dueInDays: 14,
  },
  {
    title: 'Governance and how we work together',
    text: [
      'Our partnership board brings together the chief executives and chairs of every member organisation, with clinical leaders and elected members.',
      'Decisions remain with each statutory body; the board agrees shared priorities, oversees delivery of this plan and holds partners to account for their commitments.',
    ],
    theme: 'other',
    leadOrganisation: 'icb',
    authors: ['lead'],
    reviewers: ['reviewer'],
    reviewStatus: 'approved',
    dueInDays: null,
  },
];
