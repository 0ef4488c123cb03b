/**
 * Factories for integration tests: each writes one thing straight to the run's database, with
 * defaults that make it unique, so tests running side by side never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import type { ApiClient } from './api-client.ts';
import type {
  FootprintRole,
  OrganisationKind,
  PlanKind,
  PlanStatus,
  ReviewStatus,
  SectionTheme,
} from '@commonplan/domain';
import type pg from 'pg';
import argon2 from 'argon2';

export const defaultPassword = 'correct horse battery';

/** A short random suffix for names, emails and slugs. */
export function unique(): string {
  return randomBytes(4).toString('hex');
}

/** Hashing with argon2 is slow on purpose, so each distinct password is hashed once per file. */
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = argon2.hash(password, { type: argon2.argon2id });
    hashes.set(password, hash);
  }
  return hash;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface TestFootprint {
  id: string;
  name: string;
  slug: string;
}

export interface TestOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  odsCode: string | null;
}

export interface TestPlan {
  id: string;
  footprintId: string;
  title: string;
  slug: string;
  status: PlanStatus;
}

export interface TestSection {
  id: string;
  planId: string;
  title: string;
  position: number;
}

/** The factories, bound to one database connection. */
export function factories(db: pg.Client) {
  async function aUser(
    overrides: { email?: string; name?: string; password?: string | null } = {},
  ): Promise<TestUser> {
    const suffix = unique();
    const email = (overrides.email ?? `person-${suffix}@example.nhs.uk`).toLowerCase();
    const name = overrides.name ?? `Test Person ${suffix}`;
    const password = overrides.password === undefined ? defaultPassword : overrides.password;
    const hash = password === null ? null : await hashOnce(password);
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [email, name, hash],
    );
    return { id: rows[0]!.id, email, name, password: password ?? '' };
  }

  async function anAdmin(overrides: { email?: string; name?: string } = {}): Promise<TestUser> {
    const user = await aUser({ name: `Instance Admin ${unique()}`, ...overrides });
    await db.query('INSERT INTO instance_admins (user_id) VALUES ($1)', [user.id]);
    return user;
  }

  async function aMembership(
    footprintId: string,
    userId: string,
    role: FootprintRole,
  ): Promise<void> {
    await db.query('INSERT INTO memberships (footprint_id, user_id, role) VALUES ($1, $2, $3)', [
      footprintId,
      userId,
      role,
    ]);
  }

  async function aFootprint(
    overrides: {
      name?: string;
      slug?: string;
      region?: string;
      population?: number;
      members?: Partial<Record<FootprintRole, TestUser[]>>;
    } = {},
  ): Promise<TestFootprint> {
    const suffix = unique();
    const name = overrides.name ?? `Test Footprint ${suffix}`;
    const slug = overrides.slug ?? `test-footprint-${suffix}`;
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO footprints (name, slug, region, population) VALUES ($1, $2, $3, $4) RETURNING id',
      [name, slug, overrides.region ?? 'South West', overrides.population ?? 500_000],
    );
    const footprint = { id: rows[0]!.id, name, slug };
    for (const [role, users] of Object.entries(overrides.members ?? {})) {
      for (const user of users ?? [])
        await aMembership(footprint.id, user.id, role as FootprintRole);
    }
    return footprint;
  }

  async function anOrganisation(
    footprintId: string | null,
    overrides: { name?: string; kind?: OrganisationKind; odsCode?: string | null } = {},
  ): Promise<TestOrganisation> {
    const name = overrides.name ?? `Test Organisation ${unique()}`;
    const kind = overrides.kind ?? 'nhs_trust';
    const odsCode = overrides.odsCode ?? null;
    const { rows } = await db.query<{ id: string }>(
      'INSERT INTO organisations (name, kind, ods_code) VALUES ($1, $2, $3) RETURNING id',
      [name, kind, odsCode],
    );
    const organisation = { id: rows[0]!.id, name, kind, odsCode };
    if (footprintId)
      await db.query(
        'INSERT INTO footprint_organisations (footprint_id, organisation_id) VALUES ($1, $2)',
        [footprintId, organisation.id],
      );
    return organisation;
  }

  async function aPlan(
    footprintId: string,
    overrides: {
      title?: string;
      slug?: string;
      kind?: PlanKind;
      periodStart?: string;
      periodEnd?: string;
      status?: PlanStatus;
    } = {},
  ): Promise<TestPlan> {
    const suffix = unique();
    const title = overrides.title ?? `Test Plan ${suffix}`;
    const slug = overrides.slug ?? `test-plan-${suffix}`;
    const status = overrides.status ?? 'drafting';
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO plans (footprint_id, title, slug, kind, period_start, period_end, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        footprintId,
        title,
        slug,
        overrides.kind ?? 'sustainability_and_transformation_plan',
        overrides.periodStart ?? '2016/17',
        overrides.periodEnd ?? '2020/21',
        status,
      ],
    );
    return { id: rows[0]!.id, footprintId, title, slug, status };
  }

  /** A section at the end of the plan, unless a position is given. */
  async function aSection(
    planId: string,
    overrides: {
      title?: string;
      theme?: SectionTheme;
      position?: number;
      reviewStatus?: ReviewStatus;
      leadOrganisationId?: string | null;
    } = {},
  ): Promise<TestSection> {
    const title = overrides.title ?? `Test Section ${unique()}`;
    const { rows } = await db.query<{ id: string; position: number }>(
      `INSERT INTO sections (plan_id, position, title, theme, review_status, lead_organisation_id)
       VALUES ($1, COALESCE($2, (SELECT COALESCE(MAX(position) + 1, 0) FROM sections WHERE plan_id = $1)),
               $3, $4, $5, $6)
       RETURNING id, position`,
      [
        planId,
        overrides.position ?? null,
        title,
        overrides.theme ?? 'care_and_quality',
        overrides.reviewStatus ?? 'draft',
        overrides.leadOrganisationId ?? null,
      ],
    );
    return { id: rows[0]!.id, planId, title, position: rows[0]!.position };
  }

  async function anAssignment(
    sectionId: string,
    userId: string,
    kind: 'author' | 'reviewer',
  ): Promise<void> {
    await db.query(
      'INSERT INTO section_assignees (section_id, user_id, kind) VALUES ($1, $2, $3)',
      [sectionId, userId, kind],
    );
  }

  return {
    aUser,
    anAdmin,
    aMembership,
    aFootprint,
    anOrganisation,
    aPlan,
    aSection,
    anAssignment,
  };
}

export type Factories = ReturnType<typeof factories>;

/** Signs the user in on the given client and returns it, holding their session cookie. */
export async function signedIn(client: ApiClient, user: TestUser): Promise<ApiClient> {
  await client.signIn(user.email, user.password);
  return client;
}

/** How many audit events a footprint has, for asserting that nothing was written. */
export async function auditCount(db: pg.Client, footprintId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_events WHERE footprint_id = $1',
    [footprintId],
  );
  return rows[0]!.n;
}
