import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary } from '@commonplan/domain';
import { paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  type Factories,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import { aLeadWithAPlan, startPair, waitForStatus, type Setup } from './draft-test-support.js';

useOwnDatabase();

/**
 * With several API instances, a draft's copy can catch a section's log between two commits: one
 * instance has committed a change made on top of another instance's change, which that one has
 * passed on to everyone but not yet committed. The draft is still made, with the earlier change
 * taken from the log once it is there.
 */

/** Two changes by one person: the second builds on the first. */
function twoChanges(): { earlier: Buffer; later: Buffer } {
  const doc = new Y.Doc();
  const paragraph = (text: string) => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  doc.getXmlFragment('content').push([paragraph('Typed on the second instance.')]);
  const earlier = Buffer.from(Y.encodeStateAsUpdate(doc));
  const vector = Y.encodeStateVector(doc);
  doc.getXmlFragment('content').push([paragraph('Typed on the first, after it.')]);
  return { earlier, later: Buffer.from(Y.encodeStateAsUpdate(doc, vector)) };
}

describe('a draft copied between two instances’ commits', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    // Time to commit the earlier change after the copy, before the worker reaches the section.
    setup = await startPair({ DRAFTS_PAUSE_PER_SECTION_MS: '1500' }, 'copy-between-commits');
  });

  /** A change committed to a section's log, as an instance's group commit writes it. */
  const commit = (sectionId: string, update: Buffer) =>
    db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sectionId,
      update,
    ]);

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('is made, with the earlier change taken from the log; a log that never gets it still fails', async () => {
    const { lead, plan, sectionIds } = await aLeadWithAPlan(make, db, [
      paragraphsToJson(['The first section.']),
      paragraphsToJson(['The second section.']),
    ]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const { earlier, later } = twoChanges();
    await commit(sectionIds[1]!, later);
    const draft = (
      await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'Between' })
    ).body;
    const {
      rows: [{ n: copied } = { n: 0 }],
    } = await db.query<{ n: number }>(
      `SELECT cardinality(source_updates) AS n FROM plan_draft_sections
        WHERE draft_id = $1 AND section_id = $2`,
      [draft.id, sectionIds[1]],
    );
    expect(copied).toBeGreaterThan(0);
    await commit(sectionIds[1]!, earlier);

    const ready = await waitForStatus(client, draft.id, 'ready');
    const section = ready.sections.find((entry) => entry.sectionId === sectionIds[1]);
    expect(section?.markdown).toContain('The second section.');
    expect(section?.markdown).toContain('Typed on the second instance.');
    expect(section?.markdown).toContain('Typed on the first, after it.');
    expect(
      setup.worker.logs.some(
        (line) => line.event === 'draft_copy_completed' && line.completed === true,
      ),
    ).toBe(true);

    // The earlier change never arrives: the copy cannot be completed, and the draft fails.
    const orphan = twoChanges().later;
    await commit(sectionIds[0]!, orphan);
    const damaged = (
      await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'Damaged' })
    ).body;
    const failed = await waitForStatus(client, damaged.id, 'failed');
    expect(failed.failureReason).toContain('its saved text is missing earlier changes');
  });
});
