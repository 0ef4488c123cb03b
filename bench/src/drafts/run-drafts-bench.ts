/**
 * The drafts benchmark: a plan of 40 sections and 200,000 words, stored as the server stores text;
 * a lead asks for a draft, and the time to `ready` is measured (the API's copy of every section,
 * the worker's render of each, the comparison with the previous draft, the one final write). Then
 * the ready draft is exported as DOCX and as PDF, one after the other, and the time from asking to
 * a ready file is measured for each. Runs the built API and worker as processes on a database of
 * its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { initialContentUpdate, type SectionJson } from '@commonplan/editor';
import type { DraftExportSummary, ExportFormat } from '@commonplan/domain';
import pg from 'pg';
import { signIn, startApiServer, type ApiServer } from '../collab/api-server.js';
import {
  appendUpdates,
  benchPassword,
  createBenchDatabase,
  dropBenchDatabase,
  seedPlan,
  seedSections,
} from '../collab/bench-database.js';
import { sleep } from '../collab/clock.js';
import { startWorker } from '../collab/worker-process.js';
import { defaultRedisUrl, workspaceRoot } from '../collab/workspace.js';
import { requestDraftAndWait } from './draft-request.js';

const sectionCount = 40;
const wordsPerSection = 5_000;
const wordsPerParagraph = 100;
const vocabulary =
  'the partnership will reduce waiting times for planned care across every trust council and practice by working together on prevention workforce estates and digital services'.split(
    ' ',
  );

function sectionText(seed: number): SectionJson {
  const paragraphs = wordsPerSection / wordsPerParagraph;
  return {
    type: 'doc',
    content: Array.from({ length: paragraphs }, (_, p) => ({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text:
            Array.from(
              { length: wordsPerParagraph },
              (_, w) => vocabulary[(seed * 31 + p * 17 + w * 7) % vocabulary.length],
            ).join(' ') + '.',
        },
      ],
    })),
  };
}

/** From asking for a ready draft's file to the file being ready, and how big it is. */
async function timeToExport(
  baseUrl: string,
  cookie: string,
  draftId: string,
  format: ExportFormat,
) {
  const headers = { 'content-type': 'application/json', origin: baseUrl, cookie };
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/drafts/${draftId}/exports`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ format }),
  });
  if (response.status !== 201) throw new Error(`export request failed: ${response.status}`);
  for (;;) {
    const exports = (await (
      await fetch(`${baseUrl}/api/drafts/${draftId}/exports`, { headers })
    ).json()) as DraftExportSummary[];
    const mine = exports.find((e) => e.format === format)!;
    if (mine.status === 'ready') return { ms: performance.now() - started, bytes: mine.byteSize };
    if (mine.status === 'failed') throw new Error(`${format} export failed: ${mine.failureReason}`);
    await sleep(20);
  }
}

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;
  const redisPrefix = `commonplan-bench-drafts-${randomBytes(3).toString('hex')}:`;
  let api: ApiServer | undefined;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const seeded = await seedPlan(db, 1);
    await db.query(`UPDATE memberships SET role = 'lead' WHERE footprint_id = $1`, [
      seeded.footprintId,
    ]);
    const sectionIds = await seedSections(db, seeded.planId, sectionCount, 'Section');
    await appendUpdates(
      db,
      sectionIds.map((sectionId, i) => ({
        sectionId,
        update: initialContentUpdate(sectionText(i)),
      })),
    );
    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix };
    api = await startApiServer({ databaseUrl: database.url, redisUrl, redisPrefix });
    worker = await startWorker(env);
    const cookie = await signIn(api.baseUrl, seeded.authors[0]!, benchPassword);
    const runs = [];
    for (let run = 1; run <= 3; run += 1) {
      const draft = await requestDraftAndWait(
        api.baseUrl,
        cookie,
        seeded.planId,
        `Bench draft ${run}`,
      );
      const docx = await timeToExport(api.baseUrl, cookie, draft.draftId, 'docx');
      const pdf = await timeToExport(api.baseUrl, cookie, draft.draftId, 'pdf');
      runs.push({ ...draft, docx, pdf });
    }
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model },
      plan: { sections: sectionCount, words: sectionCount * wordsPerSection },
      runs: runs.map((r) => ({
        requestMs: Math.round(r.requestMs),
        readyMs: Math.round(r.readyMs),
        words: r.words,
        docxExportMs: Math.round(r.docx.ms),
        docxBytes: r.docx.bytes,
        pdfExportMs: Math.round(r.pdf.ms),
        pdfBytes: r.pdf.bytes,
      })),
    };
    const out = join(workspaceRoot, 'bench/results', `${result.at.slice(0, 10)}-drafts.json`);
    mkdirSync(join(workspaceRoot, 'bench/results'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
  } finally {
    await worker?.stop();
    await api?.stop();
    await db.end();
    await dropBenchDatabase(database.name);
  }
}

await main();
