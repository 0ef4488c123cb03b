import { readFileSync } from 'node:fs';
import { demoFootprintSlug, demoPlanSlug } from '@commonplan/domain';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { InstanceAdmin } from '../auth/instance-admin.entity.js';
import { Membership } from '../auth/membership.entity.js';
import { hashPassword } from '../auth/password.js';
import { User } from '../auth/user.entity.js';
import { Footprint } from '../footprints/footprint.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { SectionAssignee } from '../sections/section-assignee.entity.js';
import { writeStartingText } from '../sections/section-text.js';
import { Section } from '../sections/section.entity.js';
import {
  demoAdmin,
  demoOrganisations,
  demoPeople,
  demoPlan,
  demoSections,
} from './demo-partnership.js';
import { readReferenceFootprints } from './reference-footprints.js';

function loadReferenceFootprints() {
  return readReferenceFootprints(
    readFileSync(new URL('./data/stp-footprints.csv', import.meta.url), 'utf8'),
  );
}

/** Any number, so that two processes seeding at once take turns. */
const seedLockKey = 7_372_614;

/**
 * Seeds the 44 reference footprints and the demo partnership, once: when the demo footprint
 * already exists nothing is touched, so starting again keeps every change people made.
 */
export async function seedDemo(
  dataSource: DataSource,
  demoPassword: string,
  logger: Logger,
): Promise<'seeded' | 'already-seeded'> {
  const passwordHash = await hashPassword(demoPassword);
  const outcome = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [seedLockKey]);
    if (await manager.exists(Footprint, { where: { slug: demoFootprintSlug } }))
      return 'already-seeded' as const;
    await seedReferenceFootprints(manager);
    await seedPartnership(manager, passwordHash);
    return 'seeded' as const;
  });
  logger.info(
    { event: 'seed', outcome },
    outcome === 'seeded' ? 'seeded the demo partnership' : 'the demo partnership is already there',
  );
  return outcome;
}

async function seedReferenceFootprints(manager: EntityManager): Promise<void> {
  const footprints = loadReferenceFootprints();
  await manager
    .createQueryBuilder()
    .insert()
    .into(Footprint)
    .values(
      footprints.map(({ name, slug, region, population }) => ({
        name,
        slug,
        region,
        population,
        populationIsEstimate: true,
      })),
    )
    .orIgnore()
    .execute();
}

async function seedPartnership(manager: EntityManager, passwordHash: string): Promise<void> {
  const footprint = await manager.findOneByOrFail(Footprint, { slug: demoFootprintSlug });

  const organisations = new Map<string, Organisation>();
  for (const demo of demoOrganisations) {
    const existing = demo.odsCode
      ? await manager.findOneBy(Organisation, { odsCode: demo.odsCode })
      : null;
    organisations.set(
      demo.key,
      existing ??
        (await manager.save(
          manager.create(Organisation, { name: demo.name, kind: demo.kind, odsCode: demo.odsCode }),
        )),
    );
  }
  await manager
    .createQueryBuilder()
    .insert()
    .into('footprint_organisations')
    .values(
      [...organisations.values()].map((o) => ({
        footprint_id: footprint.id,
        organisation_id: o.id,
      })),
    )
    .orIgnore()
    .execute();

  const people = new Map<string, User>();
  for (const person of demoPeople) {
    const user = await upsertUser(
      manager,
      person.email,
      person.name,
      passwordHash,
      organisations.get(person.organisation)!.id,
    );
    people.set(person.email, user);
    await manager
      .createQueryBuilder()
      .insert()
      .into(Membership)
      .values({ footprintId: footprint.id, userId: user.id, role: person.role })
      .orIgnore()
      .execute();
  }
  const admin = await upsertUser(manager, demoAdmin.email, demoAdmin.name, passwordHash, null);
  await manager
    .createQueryBuilder()
    .insert()
    .into(InstanceAdmin)
    .values({ userId: admin.id })
    .orIgnore()
    .execute();

  const plan = await manager.save(
    manager.create(Plan, {
      footprintId: footprint.id,
      slug: demoPlanSlug,
      status: 'drafting',
      ...demoPlan,
    }),
  );
  const byRole = (key: string) =>
    people.get(demoPeople.find((p) => p.email.startsWith(`${key}@`))!.email)!;
  for (const [position, demo] of demoSections.entries()) {
    const section = await manager.save(
      manager.create(Section, {
        planId: plan.id,
        position,
        title: demo.title,
        theme: demo.theme,
        leadOrganisationId: organisations.get(demo.leadOrganisation)!.id,
        reviewStatus: demo.reviewStatus,
        dueDate:
          demo.dueInDays === null
            ? null
            : new Date(Date.now() + demo.dueInDays * 86_400_000).toISOString().slice(0, 10),
      }),
    );
    const assignees = [
      ...demo.authors.map((key) => ({
        sectionId: section.id,
        userId: byRole(key).id,
        kind: 'author' as const,
      })),
      ...demo.reviewers.map((key) => ({
        sectionId: section.id,
        userId: byRole(key).id,
        kind: 'reviewer' as const,
      })),
    ];
    if (assignees.length > 0) await manager.insert(SectionAssignee, assignees);
    await writeStartingText(manager, section.id, demo.text, null);
  }
  await manager.insert(AuditEvent, {
    action: 'demo.seeded',
    entityType: 'footprint',
    entityId: footprint.id,
    footprintId: footprint.id,
    details: {
      organisations: organisations.size,
      people: people.size,
      sections: demoSections.length,
    },
  });
}

async function upsertUser(
  manager: EntityManager,
  email: string,
  name: string,
  passwordHash: string,
  organisationId: string | null,
): Promise<User> {
  const existing = await manager.findOneBy(User, { email });
  if (existing) return existing;
  return manager.save(manager.create(User, { email, name, passwordHash, organisationId }));
}
