import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftExportSummary, DraftSummary } from '@commonplan/domain';
import { paragraphsToJson, type SectionJson } from '@commonplan/editor';
import { DraftClientEvent, DraftServerEvent, type WatchDraftsAck } from '@commonplan/protocol';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type Factories,
} from '@commonplan/testing';
import type pg from 'pg';
import { connectSocket, emitWithAck, eventually } from './collab-test-client.js';
import { readDocx, readPdf } from './document-text.js';
import { aLeadWithAPlan, startPair, waitForStatus, type Setup } from './draft-test-support.js';

useOwnDatabase();

/**
 * Exports of a ready draft as DOCX and PDF, end to end: the API records one export per draft and
 * format and queues its job, the worker writes the file and stores it with `ready` in one
 * statement, the API relays progress over socket.io, and the download is read back with real
 * parsers (the DOCX's WordprocessingML, the PDF through PDF.js).
 */

const richText: SectionJson = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Where we are' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Waits are ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'too long' },
        { type: 'text', text: '; see ' },
        {
          type: 'text',
          marks: [{ type: 'link', attrs: { href: 'https://www.nhs.uk/' } }],
          text: 'the NHS website',
        },
        { type: 'text', text: '.' },
      ],
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Ysbyty Gŵyr and Łódź: any letter.' },
        { type: 'hardBreak' },
        { type: 'text', text: 'A line of its own.' },
      ],
    },
    {
      type: 'bulletList',
      content: ['Two community clinics', 'Fifty more nurses'].map((text) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      })),
    },
    {
      type: 'table',
      content: [
        ['Measure', 'Target'],
        ['Four-hour waits', '95%'],
      ].map((cells, row) => ({
        type: 'tableRow',
        content: cells.map((text) => ({
          type: row === 0 ? 'tableHeader' : 'tableCell',
          content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
        })),
      })),
    },
  ],
};

type Format = DraftExportSummary['format'];

async function aReadyDraft(
  setup: Setup,
  make: Factories,
  db: pg.Client,
  texts: SectionJson[] = [
    richText,
    paragraphsToJson(['We will open two clinics.']),
    paragraphsToJson(['A balanced budget by 2021.']),
  ],
) {
  const plan = await aLeadWithAPlan(make, db, texts);
  const client = await signedIn(new ApiClient(setup.api.baseUrl), plan.lead);
  const draft = (
    await client.post<DraftSummary>(`/api/plans/${plan.plan.id}/drafts`, { label: 'Board pack' })
  ).body;
  await waitForStatus(client, draft.id, 'ready');
  return { ...plan, client, draft };
}

function askForExport(client: ApiClient, draftId: string, format: Format) {
  return client.post<DraftExportSummary>(`/api/drafts/${draftId}/exports`, { format });
}

async function waitForExport(
  client: ApiClient,
  draftId: string,
  format: Format,
  status: DraftExportSummary['status'],
  timeoutMs = 30_000,
): Promise<DraftExportSummary> {
  let last: DraftExportSummary | undefined;
  await eventually(async () => {
    const list = (await client.get<DraftExportSummary[]>(`/api/drafts/${draftId}/exports`)).body;
    last = list.find((e) => e.format === format);
    return last?.status === status;
  }, timeoutMs).catch(() => {
    throw new Error(`export stayed ${last?.status} (${last?.failureReason ?? ''})`);
  });
  return last!;
}

async function download(client: ApiClient, url: string) {
  const response = await fetch(`${client.baseUrl}${url}`, {
    headers: { cookie: `cp_session=${client.sessionCookie}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    file: Buffer.from(await response.arrayBuffer()),
  };
}

async function exportRows(db: pg.Client, draftId: string) {
  const { rows } = await db.query<{ format: string; status: string; attempts: number }>(
    'SELECT format, status, attempts FROM draft_exports WHERE draft_id = $1 ORDER BY format',
    [draftId],
  );
  return rows;
}

describe('exports of a draft', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    setup = await startPair(
      { EXPORTS_JOB_ATTEMPTS: '2', EXPORTS_RETRY_DELAY_MS: '50', EXPORTS_JOB_LOCK_MS: '5000' },
      'exports',
    );
  });

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('exports a ready draft as DOCX and PDF, live over socket.io, with the title page, contents, sections and footer', async () => {
    const { client, draft, plan } = await aReadyDraft(setup, make, db);
    const socket = await connectSocket(setup.api.baseUrl, { cookie: client.sessionCookie });
    const events: DraftExportSummary[] = [];
    socket.on(DraftServerEvent.ExportChanged, (e: DraftExportSummary) => events.push(e));
    expect(
      await emitWithAck<WatchDraftsAck>(socket, DraftClientEvent.Watch, { planId: plan.id }),
    ).toEqual({ ok: true, planId: plan.id });

    const docx = await askForExport(client, draft.id, 'docx');
    const pdf = await askForExport(client, draft.id, 'pdf');
    expect([docx.status, pdf.status]).toEqual([201, 201]);
    expect(docx.body).toMatchObject({
      draftId: draft.id,
      planId: plan.id,
      format: 'docx',
      status: 'queued',
      downloadUrl: null,
    });
    await eventually(
      () =>
        (['docx', 'pdf'] as const).every((format) =>
          events.some((e) => e.format === format && e.status === 'ready'),
        ),
      30_000,
    );
    socket.close();
    const readyPdf = events.find((e) => e.format === 'pdf' && e.status === 'ready')!;
    expect(readyPdf.downloadUrl).toBe(`/api/exports/${pdf.body.id}/download`);

    const exports = (await client.get<DraftExportSummary[]>(`/api/drafts/${draft.id}/exports`))
      .body;
    expect(exports.map((e) => [e.format, e.status])).toEqual([
      ['docx', 'ready'],
      ['pdf', 'ready'],
    ]);
    const titles = ['Section 1', 'Section 2', 'Section 3'];
    const footer = `Draft ${draft.number} · `;

    const word = await download(client, exports[0]!.downloadUrl!);
    expect(word.status).toBe(200);
    expect(word.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(word.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]+-draft-1\.docx"/,
    );
    const docxText = await readDocx(word.file);
    expect(docxText.paragraphs.slice(0, 4)).toEqual([
      plan.title,
      expect.any(String),
      'Draft 1: Board pack',
      expect.stringMatching(/^\d{1,2} [A-Z][a-z]+ \d{4}$/),
    ]);
    expect(docxText.headings).toEqual(['Contents', ...titles]);
    const contents = docxText.paragraphs.indexOf('Contents');
    expect(docxText.paragraphs.slice(contents + 1, contents + 4)).toEqual(
      titles.map((title, i) => `${i + 1}. ${title}`),
    );
    expect(docxText.paragraphs).toEqual(
      expect.arrayContaining([
        'Where we are',
        'Waits are too long; see the NHS website.',
        'Ysbyty Gŵyr and Łódź: any letter.A line of its own.',
        'Two community clinics',
        'Four-hour waits',
        'We will open two clinics.',
      ]),
    );
    expect(docxText.footer.join(' ')).toContain(footer);

    const pdfFile = await download(client, exports[1]!.downloadUrl!);
    expect(pdfFile.headers.get('content-type')).toBe('application/pdf');
    expect(pdfFile.headers.get('content-disposition')).toMatch(/filename="[^"]+-draft-1\.pdf"/);
    const pages = await readPdf(pdfFile.file);
    // Title page, contents, then each section from a page of its own.
    expect(pages).toHaveLength(2 + titles.length);
    expect(pages[0]).toEqual(expect.arrayContaining([plan.title, 'Draft 1: Board pack']));
    expect(pages[1]).toEqual(
      expect.arrayContaining(['Contents', ...titles.map((t, i) => `${i + 1}. ${t} ${i + 3}`)]),
    );
    titles.forEach((title, i) => expect(pages[2 + i]![0]).toBe(title));
    expect(pages[2]).toEqual([
      'Section 1',
      'Where we are',
      'Waits are too long; see the NHS website.',
      'Ysbyty Gŵyr and Łódź: any letter.',
      'A line of its own.',
      '• Two community clinics',
      '• Fifty more nurses',
      'Measure Target',
      'Four-hour waits 95%',
      expect.stringMatching(/^Draft 1 · /),
    ]);
    pages.forEach((lines, i) =>
      expect(lines.at(-1)).toMatch(new RegExp(`^${footer}.+ · Page ${i + 1} of ${pages.length}$`)),
    );
  });

  it('asking twice, even at once, gives one export per draft and format', async () => {
    const { client, draft } = await aReadyDraft(setup, make, db, [paragraphsToJson(['Text.'])]);
    const answers = await Promise.all([
      askForExport(client, draft.id, 'pdf'),
      askForExport(client, draft.id, 'pdf'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    await waitForExport(client, draft.id, 'pdf', 'ready');
    const again = await askForExport(client, draft.id, 'pdf');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: answers[0]!.body.id, status: 'ready' });
    expect(await exportRows(db, draft.id)).toEqual([
      { format: 'pdf', status: 'ready', attempts: 1 },
    ]);
  });

  it('lets members read the files and tells everyone else they do not exist', async () => {
    const { client, draft, footprintId } = await aReadyDraft(setup, make, db, [
      paragraphsToJson(['Text.']),
    ]);
    const made = (await askForExport(client, draft.id, 'docx')).body;
    const ready = await waitForExport(client, draft.id, 'docx', 'ready');

    const viewer = await make.aUser();
    await make.aMembership(footprintId, viewer.id, 'viewer');
    const viewerClient = await signedIn(new ApiClient(setup.api.baseUrl), viewer);
    expect((await download(viewerClient, ready.downloadUrl!)).status).toBe(200);

    const outsider = await signedIn(new ApiClient(setup.api.baseUrl), await make.aUser());
    expect((await download(outsider, ready.downloadUrl!)).status).toBe(404);
    expect((await outsider.get(`/api/drafts/${draft.id}/exports`)).status).toBe(404);
    expect((await askForExport(outsider, draft.id, 'pdf')).status).toBe(404);
    expect((await outsider.post(`/api/exports/${made.id}/retry`)).status).toBe(404);
    const signedOut = await fetch(`${setup.api.baseUrl}${ready.downloadUrl!}`);
    expect(signedOut.status).toBe(401);
  });

  it('refuses an unknown format (400) and a draft that is not ready (409)', async () => {
    const { client, draft, plan } = await aReadyDraft(setup, make, db, [
      paragraphsToJson(['Text.']),
    ]);
    const bad = await client.post<{ field: string }>(`/api/drafts/${draft.id}/exports`, {
      format: 'odt',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('format');
    await db.query(`UPDATE plan_drafts SET status = 'failed' WHERE plan_id = $1`, [plan.id]);
    const notReady = await askForExport(client, draft.id, 'pdf');
    expect(notReady.status).toBe(409);
    expect((notReady.body as unknown as { code: string }).code).toBe('export_draft_not_ready');
  });

  it('an export of damaged text fails at once, not retried, with a reason a lead can read, and can be tried again once mended', async () => {
    const { client, draft, sectionIds } = await aReadyDraft(setup, make, db, [
      paragraphsToJson(['Fine text.']),
      paragraphsToJson(['Text that will be damaged.']),
    ]);
    // The draft's stored text of its second section no longer fits the editor's schema.
    await db.query(
      `UPDATE plan_draft_sections SET content = '{"type":"doc","content":[{"type":"slideshow"}]}'
        WHERE draft_id = $1 AND section_id = $2`,
      [draft.id, sectionIds[1]],
    );
    const made = (await askForExport(client, draft.id, 'pdf')).body;
    const failed = await waitForExport(client, draft.id, 'pdf', 'failed');
    expect(failed.failureReason).toBe(
      'The section “Section 2” could not be exported: its stored text in this draft is damaged. Make a new draft, then export that.',
    );
    expect(failed.downloadUrl).toBeNull();
    expect(await exportRows(db, draft.id)).toEqual([
      { format: 'pdf', status: 'failed', attempts: 1 },
    ]);
    expect((await download(client, `/api/exports/${made.id}/download`)).status).toBe(409);

    await db.query(
      `UPDATE plan_draft_sections SET content = $3 WHERE draft_id = $1 AND section_id = $2`,
      [draft.id, sectionIds[1], JSON.stringify(paragraphsToJson(['Mended text.']))],
    );
    const retried = await client.post<DraftExportSummary>(`/api/exports/${made.id}/retry`);
    expect(retried.status).toBe(200);
    expect(['queued', 'generating', 'ready']).toContain(retried.body.status);
    const ready = await waitForExport(client, draft.id, 'pdf', 'ready');
    const pages = await readPdf((await download(client, ready.downloadUrl!)).file);
    expect(pages[3]).toContain('Mended text.');
    expect((await client.post<{ code: string }>(`/api/exports/${made.id}/retry`)).body.code).toBe(
      'export_not_failed',
    );
  });
});

describe('a worker killed in the middle of an export', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    setup = await startPair(
      { EXPORTS_PAUSE_BEFORE_WRITE_MS: '4000', EXPORTS_JOB_LOCK_MS: '1500' },
      'exports-kill',
    );
  });

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('is taken up again after a restart and makes exactly one complete file', async () => {
    const { client, draft } = await aReadyDraft(setup, make, db, [paragraphsToJson(['Text.'])]);
    await askForExport(client, draft.id, 'docx');
    await eventually(async () => (await exportRows(db, draft.id))[0]?.status === 'generating');
    await setup.worker.stop('SIGKILL');
    const { rows: halfway } = await db.query<{ file: Buffer | null }>(
      'SELECT file FROM draft_exports WHERE draft_id = $1',
      [draft.id],
    );
    expect(halfway).toEqual([{ file: null }]);

    setup.worker = await startApi({ entry: 'worker', env: setup.env });
    const ready = await waitForExport(client, draft.id, 'docx', 'ready', 40_000);
    expect((await readDocx((await download(client, ready.downloadUrl!)).file)).headings).toEqual([
      'Contents',
      'Section 1',
    ]);
    expect(await exportRows(db, draft.id)).toEqual([
      { format: 'docx', status: 'ready', attempts: 2 },
    ]);
  }, 60_000);
});
