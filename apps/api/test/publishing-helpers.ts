import type { DraftSummary, DraftView } from '@commonplan/domain';
import {
  initialContentUpdate,
  sectionFragmentName,
  sectionSchema,
  type SectionJson,
} from '@commonplan/editor';
import type { ApiClient } from '@commonplan/testing';
import { startApi, unique, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { eventually, storedDoc } from './collab-test-client.js';

/** Test support for publishing: an API with its worker (drafts are made by the worker), text, drafts. */

export interface ApiAndWorker {
  api: RunningApi;
  worker: RunningApi;
  stop(): Promise<void>;
}

export async function startApiAndWorker(): Promise<ApiAndWorker> {
  const env = {
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}publishing-${unique()}:`,
  };
  const started = await Promise.allSettled([startApi({ env }), startApi({ entry: 'worker', env })]);
  const running = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((process) => process.stop()));
    throw failed.reason;
  }
  const [api, worker] = running as [RunningApi, RunningApi];
  return { api, worker, stop: async () => void (await Promise.all([api.stop(), worker.stop()])) };
}

/** Writes text into a section's log as the server writes starting text. */
export async function writeText(
  db: pg.Client,
  sectionId: string,
  json: SectionJson,
): Promise<void> {
  await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
    sectionId,
    Buffer.from(initialContentUpdate(json)),
  ]);
}

/** Replaces a section's whole text with an edit appended to its log, as an author's edit is. */
export async function replaceText(
  db: pg.Client,
  sectionId: string,
  json: SectionJson,
): Promise<void> {
  const doc = await storedDoc(db, sectionId);
  const before = Y.encodeStateVector(doc);
  const fresh = prosemirrorJSONToYDoc(sectionSchema(), json, sectionFragmentName);
  const fragment = doc.getXmlFragment(sectionFragmentName);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      fresh
        .getXmlFragment(sectionFragmentName)
        .toArray()
        .map((node) => (node as Y.XmlElement).clone()),
    );
  });
  await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
    sectionId,
    Buffer.from(Y.encodeStateAsUpdate(doc, before)),
  ]);
}

/** Asks for a draft as the lead and waits for the worker to make it ready. */
export async function aReadyDraft(
  lead: ApiClient,
  planId: string,
  label: string,
): Promise<DraftView> {
  const requested = await lead.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label });
  if (requested.status !== 201)
    throw new Error(
      `asking for a draft gave ${requested.status}: ${JSON.stringify(requested.body)}`,
    );
  let last: DraftView | undefined;
  await eventually(async () => {
    last = (await lead.get<DraftView>(`/api/drafts/${requested.body.id}`)).body;
    return last.status === 'ready' || last.status === 'failed';
  }, 20_000);
  if (last?.status !== 'ready')
    throw new Error(`the draft ended ${last?.status}: ${last?.failureReason}`);
  return last;
}
