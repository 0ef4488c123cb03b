import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import {
  factories,
  signedIn,
  unique,
  type TestFootprint,
  type TestOrganisation,
  type TestPlan,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';

/**
 * Bad input is refused with a message a person can act on and the field at fault, and nothing is
 * written: not a row, not an audit event.
 */

let api: RunningApi;
let db: pg.Client;
let lead: ApiClient;
let admin: ApiClient;
let anonymous: ApiClient;
let footprint: TestFootprint;
let leadUser: TestUser;
let viewerUser: TestUser;
let organisation: TestOrganisation;
let plan: TestPlan;
let takenPlan: TestPlan;
let sections: TestSection[];
/** Every name this file sends carries this mark, so a stray write would be found. */
const mark = `badinput${unique()}`;

const uuid = '3f1c9a52-6a8e-4d5b-9c1e-2b7d4e8f0a61';
const huge = (n: number) => 'x'.repeat(n);

/** Everything a request in this file could have written, in one comparable value. */
async function footprintState(): Promise<Record<string, unknown>> {
  const { rows } = await db.query(
    `SELECT
       (SELECT row_to_json(f)::text FROM footprints f WHERE f.id = $1) AS footprint,
       (SELECT count(*)::int FROM footprints WHERE name LIKE $2 OR slug LIKE $2) AS marked_footprints,
       (SELECT count(*)::int FROM organisations WHERE name LIKE $2) AS marked_organisations,
       (SELECT count(*)::int FROM users WHERE email LIKE $2 OR name LIKE $2) AS marked_users,
       (SELECT string_agg(user_id || ':' || role, ',' ORDER BY user_id) FROM memberships
         WHERE footprint_id = $1) AS members,
       (SELECT string_agg(organisation_id::text, ',' ORDER BY organisation_id)
          FROM footprint_organisations WHERE footprint_id = $1) AS organisations,
       (SELECT md5(coalesce(string_agg(i::text, ',' ORDER BY i.id), '')) FROM invitations i
         WHERE i.footprint_id = $1) AS invitations,
       (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.id), '')) FROM plans p
         WHERE p.footprint_id = $1) AS plans,
       (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY s.id), '')) FROM sections s
          JOIN plans p ON p.id = s.plan_id WHERE p.footprint_id = $1) AS sections,
       (SELECT count(*)::int FROM section_assignees sa JOIN sections s ON s.id = sa.section_id
          JOIN plans p ON p.id = s.plan_id WHERE p.footprint_id = $1) AS assignees,
       (SELECT count(*)::int FROM audit_events WHERE footprint_id = $1) AS audit_events,
       (SELECT count(*)::int FROM audit_events WHERE details::text LIKE $2) AS marked_audit_events`,
    [footprint.id, `%${mark}%`],
  );
  return rows[0] as Record<string, unknown>;
}

type Who = 'lead' | 'admin' | 'anonymous';

interface BadRequest {
  title: string;
  as: Who;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET';
  path: () => string;
  body?: () => unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  field?: string;
  /** Part of the message, where what it says matters. */
  says?: string;
}

const footprintPath = () => `/api/footprints/${footprint.slug}`;
const planPath = () => `/api/plans/${plan.id}`;
const sectionPath = () => `/api/sections/${sections[0]!.id}`;
const validPlan = () => ({
  title: `Plan ${mark}`,
  kind: 'integrated_care_strategy',
  periodStart: '2023/24',
  periodEnd: '2027/28',
});
const validFootprint = () => ({
  name: `Footprint ${mark}`,
  slug: `fp-${mark}`,
  region: 'Midlands',
  population: 300_000,
});

const cases: BadRequest[] = [
  // Signing in
  {
    title: 'sign-in without an email',
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => ({ password: 'whatever it is' }),
    status: 400,
    code: 'validation_failed',
    field: 'email',
  },
  {
    title: 'sign-in with an email that is not an address',
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => ({ email: `not-an-address-${mark}`, password: 'whatever it is' }),
    status: 400,
    code: 'validation_failed',
    field: 'email',
    says: 'email address',
  },
  {
    title: 'sign-in with a password that is a number',
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => ({ email: `${mark}@example.nhs.uk`, password: 1234567890 }),
    status: 400,
    code: 'validation_failed',
    field: 'password',
  },
  {
    title: 'sign-in with an unknown field',
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => ({ email: `${mark}@example.nhs.uk`, password: 'whatever it is', remember: true }),
    status: 400,
    code: 'validation_failed',
    field: 'remember',
  },
  {
    title: 'sign-in with a huge password',
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => ({ email: `${mark}@example.nhs.uk`, password: huge(5000) }),
    status: 400,
    code: 'validation_failed',
    field: 'password',
  },
  {
    title: 'sign-in with a body that is not JSON',
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in',
    body: () => `{"email": "${mark}@example.nhs.uk", "password": `,
    status: 400,
    code: 'invalid_json',
  },

  // Footprints
  {
    title: 'a footprint without a name',
    as: 'admin',
    method: 'POST',
    path: () => '/api/footprints',
    body: () => ({ ...validFootprint(), name: undefined }),
    status: 400,
    code: 'validation_failed',
    field: 'name',
  },
  {
    title: 'a footprint whose population is text',
    as: 'admin',
    method: 'POST',
    path: () => '/api/footprints',
    body: () => ({ ...validFootprint(), population: '300000' }),
    status: 400,
    code: 'validation_failed',
    field: 'population',
  },
  {
    title: 'a footprint with a slug in capitals',
    as: 'admin',
    method: 'POST',
    path: () => '/api/footprints',
    body: () => ({ ...validFootprint(), slug: `Not-A-Slug-${mark}` }),
    status: 400,
    code: 'validation_failed',
    field: 'slug',
  },
  {
    title: 'a footprint with a huge name',
    as: 'admin',
    method: 'POST',
    path: () => '/api/footprints',
    body: () => ({ ...validFootprint(), name: `${mark}${huge(300)}` }),
    status: 400,
    code: 'validation_failed',
    field: 'name',
  },
  {
    title: 'a footprint with an unknown field',
    as: 'admin',
    method: 'POST',
    path: () => '/api/footprints',
    body: () => ({ ...validFootprint(), colour: 'blue' }),
    status: 400,
    code: 'validation_failed',
    field: 'colour',
  },
  {
    title: 'a footprint whose name has no letters or digits',
    as: 'admin',
    method: 'POST',
    path: () => '/api/footprints',
    body: () => ({ ...validFootprint(), name: '— —', slug: undefined }),
    status: 400,
    code: 'validation_failed',
    field: 'name',
  },
  {
    title: 'a footprint correction with a negative population',
    as: 'admin',
    method: 'PATCH',
    path: footprintPath,
    body: () => ({ population: -5 }),
    status: 400,
    code: 'validation_failed',
    field: 'population',
  },
  {
    title: 'a footprint correction that tries to change the slug',
    as: 'admin',
    method: 'PATCH',
    path: footprintPath,
    body: () => ({ slug: `moved-${mark}` }),
    status: 400,
    code: 'validation_failed',
    field: 'slug',
  },

  // Members
  {
    title: 'a role that does not exist',
    as: 'lead',
    method: 'PATCH',
    path: () => `${footprintPath()}/members/${viewerUser.id}`,
    body: () => ({ role: 'owner' }),
    status: 400,
    code: 'validation_failed',
    field: 'role',
    says: 'lead, author, reviewer, viewer',
  },
  {
    title: 'a member id that is not a UUID (changing a role)',
    as: 'lead',
    method: 'PATCH',
    path: () => `${footprintPath()}/members/12345`,
    body: () => ({ role: 'author' }),
    status: 400,
    code: 'validation_failed',
    field: 'userId',
  },
  {
    title: 'a member id that is not a UUID (removing)',
    as: 'lead',
    method: 'DELETE',
    path: () => `${footprintPath()}/members/${uuid.slice(0, 30)}`,
    status: 400,
    code: 'validation_failed',
    field: 'userId',
  },
  {
    title: 'a page number of zero',
    as: 'lead',
    method: 'GET',
    path: () => `${footprintPath()}/members?page=0`,
    status: 400,
    code: 'validation_failed',
    field: 'page',
  },
  {
    title: 'a page size that is not a number',
    as: 'lead',
    method: 'GET',
    path: () => `/api/footprints?pageSize=lots`,
    status: 400,
    code: 'validation_failed',
    field: 'pageSize',
  },

  // Organisations
  {
    title: 'an organisation of an unknown kind',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/organisations`,
    body: () => ({ name: `Org ${mark}`, kind: 'charity' }),
    status: 400,
    code: 'validation_failed',
    field: 'kind',
  },
  {
    title: 'an organisation with a lower-case ODS code',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/organisations`,
    body: () => ({ name: `Org ${mark}`, kind: 'nhs_trust', odsCode: 'rd1' }),
    status: 400,
    code: 'validation_failed',
    field: 'odsCode',
  },
  {
    title: 'an organisation without a name',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/organisations`,
    body: () => ({ kind: 'council' }),
    status: 400,
    code: 'validation_failed',
    field: 'name',
  },

  // Invitations
  {
    title: 'an invitation to something that is not an email address',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/invitations`,
    body: () => ({ email: `nobody-${mark}`, role: 'viewer' }),
    status: 400,
    code: 'validation_failed',
    field: 'email',
  },
  {
    title: 'an invitation with an unknown role',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/invitations`,
    body: () => ({ email: `${mark}@example.nhs.uk`, role: 'admin' }),
    status: 400,
    code: 'validation_failed',
    field: 'role',
  },
  {
    title: 'an invitation naming an organisation by a malformed id',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/invitations`,
    body: () => ({ email: `${mark}@example.nhs.uk`, role: 'author', organisationId: 'rd1' }),
    status: 400,
    code: 'validation_failed',
    field: 'organisationId',
  },
  {
    title: 'an invitation naming an organisation outside the footprint',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/invitations`,
    body: () => ({ email: `${mark}@example.nhs.uk`, role: 'author', organisationId: uuid }),
    status: 400,
    code: 'organisation_not_member',
    field: 'organisationId',
  },
  {
    title: 'an invitation to someone already a member',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/invitations`,
    body: () => ({ email: viewerUser.email.toUpperCase(), role: 'author' }),
    status: 409,
    code: 'already_member',
    field: 'email',
  },
  {
    title: 'withdrawing an invitation by a malformed id',
    as: 'lead',
    method: 'DELETE',
    path: () => `${footprintPath()}/invitations/not-an-id`,
    status: 400,
    code: 'validation_failed',
    field: 'id',
  },
  {
    title: 'accepting an invitation with a short password',
    as: 'anonymous',
    method: 'POST',
    path: () => `/api/invitations/${'a'.repeat(43)}/accept`,
    body: () => ({ name: `Person ${mark}`, password: 'short' }),
    status: 400,
    code: 'validation_failed',
    field: 'password',
  },

  // Audit trail
  {
    title: 'an audit page size over 100',
    as: 'lead',
    method: 'GET',
    path: () => `${footprintPath()}/audit?pageSize=1000`,
    status: 400,
    code: 'validation_failed',
    field: 'pageSize',
  },
  {
    title: 'an audit filter that is not an action name',
    as: 'lead',
    method: 'GET',
    path: () => `${footprintPath()}/audit?action=${encodeURIComponent("' OR 1=1 --")}`,
    status: 400,
    code: 'validation_failed',
    field: 'action',
  },
  {
    title: 'an audit filter by a malformed actor id',
    as: 'lead',
    method: 'GET',
    path: () => `${footprintPath()}/audit?actorId=42`,
    status: 400,
    code: 'validation_failed',
    field: 'actorId',
  },

  // Plans
  {
    title: 'a plan without a title',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), title: undefined }),
    status: 400,
    code: 'validation_failed',
    field: 'title',
  },
  {
    title: 'a plan whose title is a number',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), title: 2024 }),
    status: 400,
    code: 'validation_failed',
    field: 'title',
  },
  {
    title: 'a plan of an unknown kind',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), kind: 'five_year_forward_view' }),
    status: 400,
    code: 'validation_failed',
    field: 'kind',
  },
  {
    title: 'a plan whose period starts with something other than a planning year',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), periodStart: '2016-17' }),
    status: 400,
    code: 'validation_failed',
    field: 'periodStart',
  },
  {
    title: 'a plan whose period runs backwards (2020/21 to 2016/17)',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), periodStart: '2020/21', periodEnd: '2016/17' }),
    status: 400,
    code: 'plan_invalid_period',
    field: 'periodEnd',
  },
  {
    title: 'a plan whose period ends in a year that is not a planning year (2016/18)',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), periodStart: '2016/17', periodEnd: '2016/18' }),
    status: 400,
    code: 'plan_invalid_period',
    field: 'periodEnd',
  },
  {
    title: 'a plan with a huge title',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), title: `${mark}${huge(1000)}` }),
    status: 400,
    code: 'validation_failed',
    field: 'title',
  },
  {
    title: 'a plan with an unknown field',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), status: 'published' }),
    status: 400,
    code: 'validation_failed',
    field: 'status',
  },
  {
    title: 'a plan at an address another plan already has',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), slug: takenPlan.slug }),
    status: 409,
    code: 'plan_slug_taken',
    field: 'slug',
  },
  {
    title: 'a plan id that is not a UUID',
    as: 'lead',
    method: 'GET',
    path: () => '/api/plans/not-a-plan',
    status: 400,
    code: 'validation_failed',
    field: 'planId',
  },
  {
    title: 'a plan change whose period runs backwards',
    as: 'lead',
    method: 'PATCH',
    path: planPath,
    body: () => ({ periodStart: '2022/23', periodEnd: '2019/20' }),
    status: 400,
    code: 'plan_invalid_period',
    field: 'periodEnd',
  },
  {
    title: 'a plan change that moves its end before its start',
    as: 'lead',
    method: 'PATCH',
    path: planPath,
    body: () => ({ periodEnd: '2015/16' }),
    status: 400,
    code: 'plan_invalid_period',
    field: 'periodEnd',
  },
  {
    title: 'a plan change with a title that is an object',
    as: 'lead',
    method: 'PATCH',
    path: planPath,
    body: () => ({ title: { en: 'A plan' } }),
    status: 400,
    code: 'validation_failed',
    field: 'title',
  },
  {
    title: 'a plan status that does not exist',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/status`,
    body: () => ({ status: 'approved' }),
    status: 400,
    code: 'validation_failed',
    field: 'status',
  },
  {
    title: 'a plan status move that skips consultation (drafting to published)',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/status`,
    body: () => ({ status: 'published' }),
    status: 409,
    code: 'plan_invalid_transition',
    field: 'status',
  },
  {
    title: 'a plan status move to where it already is',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/status`,
    body: () => ({ status: 'drafting' }),
    status: 409,
    code: 'plan_invalid_transition',
    field: 'status',
  },

  // Sections
  {
    title: 'a section without a theme',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/sections`,
    body: () => ({ title: `Section ${mark}` }),
    status: 400,
    code: 'validation_failed',
    field: 'theme',
  },
  {
    title: 'a section with an unknown theme',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/sections`,
    body: () => ({ title: `Section ${mark}`, theme: 'prevention' }),
    status: 400,
    code: 'validation_failed',
    field: 'theme',
  },
  {
    title: 'a section led by an organisation outside the footprint',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/sections`,
    body: () => ({ title: `Section ${mark}`, theme: 'enabler', leadOrganisationId: uuid }),
    status: 400,
    code: 'lead_organisation_not_member',
    field: 'leadOrganisationId',
  },
  {
    title: 'a section on a plan id that is not a UUID',
    as: 'lead',
    method: 'POST',
    path: () => '/api/plans/1/sections',
    body: () => ({ title: `Section ${mark}`, theme: 'enabler' }),
    status: 400,
    code: 'validation_failed',
    field: 'planId',
  },
  {
    title: 'a section id that is not a UUID',
    as: 'lead',
    method: 'PATCH',
    path: () => '/api/sections/section-one',
    body: () => ({ title: 'Renamed' }),
    status: 400,
    code: 'validation_failed',
    field: 'sectionId',
  },
  {
    title: 'a section due on a day that does not exist',
    as: 'lead',
    method: 'PATCH',
    path: sectionPath,
    body: () => ({ dueDate: '2026-02-30' }),
    status: 400,
    code: 'validation_failed',
    field: 'dueDate',
  },
  {
    title: 'a section due date written the British way',
    as: 'lead',
    method: 'PATCH',
    path: sectionPath,
    body: () => ({ dueDate: '18/12/2026' }),
    status: 400,
    code: 'validation_failed',
    field: 'dueDate',
  },
  {
    title: 'section authors given as one id rather than a list',
    as: 'lead',
    method: 'PATCH',
    path: sectionPath,
    body: () => ({ authorIds: leadUser.id }),
    status: 400,
    code: 'validation_failed',
    field: 'authorIds',
  },
  {
    title: 'a section reviewer who is not a member',
    as: 'lead',
    method: 'PATCH',
    path: sectionPath,
    body: () => ({ reviewerIds: [uuid] }),
    status: 400,
    code: 'assignee_not_member',
    field: 'reviewerIds',
  },
  {
    title: 'a section author who is a viewer',
    as: 'lead',
    method: 'PATCH',
    path: sectionPath,
    body: () => ({ title: `Renamed ${mark}`, authorIds: [viewerUser.id] }),
    status: 400,
    code: 'assignee_wrong_role',
    field: 'authorIds',
  },
  {
    title: 'a section deletion by a malformed id',
    as: 'lead',
    method: 'DELETE',
    path: () => '/api/sections/00000000-0000-0000-0000-000000000000x',
    status: 400,
    code: 'validation_failed',
    field: 'sectionId',
  },
  {
    title: 'a new order that leaves a section out',
    as: 'lead',
    method: 'PUT',
    path: () => `${planPath()}/sections/order`,
    body: () => ({ sectionIds: [sections[1]!.id] }),
    status: 400,
    code: 'section_order_mismatch',
    field: 'sectionIds',
  },
  {
    title: 'a new order with a section from nowhere',
    as: 'lead',
    method: 'PUT',
    path: () => `${planPath()}/sections/order`,
    body: () => ({ sectionIds: [sections[1]!.id, sections[0]!.id, uuid] }),
    status: 400,
    code: 'section_order_mismatch',
    field: 'sectionIds',
  },
  {
    title: 'a new order that swaps a section for one from nowhere',
    as: 'lead',
    method: 'PUT',
    path: () => `${planPath()}/sections/order`,
    body: () => ({ sectionIds: [sections[1]!.id, uuid] }),
    status: 400,
    code: 'section_order_mismatch',
    field: 'sectionIds',
  },
  {
    title: 'a new order that names a section twice',
    as: 'lead',
    method: 'PUT',
    path: () => `${planPath()}/sections/order`,
    body: () => ({ sectionIds: [sections[1]!.id, sections[1]!.id] }),
    status: 400,
    code: 'validation_failed',
    field: 'sectionIds',
  },
  {
    title: 'a new order without the list',
    as: 'lead',
    method: 'PUT',
    path: () => `${planPath()}/sections/order`,
    body: () => ({}),
    status: 400,
    code: 'validation_failed',
    field: 'sectionIds',
  },

  // Bodies the parser refuses
  {
    title: 'a section body that is not valid JSON',
    as: 'lead',
    method: 'POST',
    path: () => `${planPath()}/sections`,
    body: () => `{"title": "Section ${mark}", theme: enabler}`,
    status: 400,
    code: 'invalid_json',
  },
  {
    title: 'a plan body over the size limit',
    as: 'lead',
    method: 'POST',
    path: () => `${footprintPath()}/plans`,
    body: () => ({ ...validPlan(), title: `${mark}${huge(2 * 1024 * 1024)}` }),
    status: 413,
    code: 'payload_too_large',
  },

  // The last lead
  {
    title: 'removing the last lead',
    as: 'lead',
    method: 'DELETE',
    path: () => `${footprintPath()}/members/${leadUser.id}`,
    status: 409,
    code: 'last_lead',
  },
  {
    title: 'demoting the last lead',
    as: 'lead',
    method: 'PATCH',
    path: () => `${footprintPath()}/members/${leadUser.id}`,
    body: () => ({ role: 'author' }),
    status: 409,
    code: 'last_lead',
  },
];

beforeAll(async () => {
  api = await startApi();
  db = await connectTestDatabase();
  const f = factories(db);
  const [leadPerson, viewerPerson, adminPerson] = await Promise.all([
    f.aUser(),
    f.aUser(),
    f.anAdmin(),
  ]);
  leadUser = leadPerson!;
  viewerUser = viewerPerson!;
  footprint = await f.aFootprint({ members: { lead: [leadUser], viewer: [viewerUser] } });
  organisation = await f.anOrganisation(footprint.id);
  plan = await f.aPlan(footprint.id);
  takenPlan = await f.aPlan(footprint.id);
  sections = [await f.aSection(plan.id), await f.aSection(plan.id)];
  lead = await signedIn(new ApiClient(api.baseUrl), leadUser);
  admin = await signedIn(new ApiClient(api.baseUrl), adminPerson!);
  anonymous = new ApiClient(api.baseUrl);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('bad input is refused and nothing is written', () => {
  it.each(cases.map((c) => ({ ...c, name: `${c.title} is refused (${c.status})` })))(
    '$name',
    async (c) => {
      const client = { lead, admin, anonymous }[c.as];
      const before = await footprintState();
      const response = await client.request<Record<string, unknown>>(
        c.method,
        c.path(),
        c.body?.(),
        c.headers,
      );
      expect(response.status).toBe(c.status);
      expect(response.body).toMatchObject({ statusCode: c.status, code: c.code });
      expect(typeof response.body.message).toBe('string');
      expect((response.body.message as string).length).toBeGreaterThan(5);
      if (c.field) expect(response.body.field).toBe(c.field);
      if (c.says) expect(response.body.message).toContain(c.says);
      expect(await footprintState()).toEqual(before);
    },
  );

  it('a lead can invite someone from one of the footprint member organisations', async () => {
    const response = await lead.post<{ organisation: { id: string } | null }>(
      `${footprintPath()}/invitations`,
      { email: `${mark}-ok@example.nhs.uk`, role: 'author', organisationId: organisation.id },
    );
    expect(response.status).toBe(201);
    expect(response.body.organisation?.id).toBe(organisation.id);
  });
});
