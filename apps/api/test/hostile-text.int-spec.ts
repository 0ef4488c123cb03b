import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CommentThreadView,
  DraftExportSummary,
  DraftSectionText,
  DraftSummary,
  DraftView,
  PlanDashboardView,
} from '@commonplan/domain';
import { anchorForText, readableFragment, sectionSchema } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  hostileDroppedText,
  hostileLinkAddresses,
  hostileVisibleText,
  safeLinkHref,
  signedIn,
  writeHostileText,
  type TestSection,
} from '@commonplan/testing';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type pg from 'pg';
import { CollabPeer, eventually, storedDoc } from './collab-test-client.js';
import {
  docxParts,
  readDocx,
  readPdf,
  readPdfAnnotations,
  type PdfAnnotation,
} from './document-text.js';
import { startPair, waitForStatus, type Setup } from './draft-test-support.js';

useOwnDatabase();

/**
 * Section text planted by an author who skipped the editor and sent a crafted Yjs update over the
 * socket (links to javascript:, data: and vbscript: addresses however disguised, markup as text,
 * elements, attributes and a mark the schema lacks), then made into a draft and exported: every
 * rendering keeps the words as words and makes no link, action or script of the rest.
 */

/** Any address a reader would run or open as a document of its own, in any of its disguises. */
const runnable = /j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:|vbscript:|data:text/i;

describe('hostile section text, from the socket to the exports', () => {
  let db: pg.Client;
  let setup: Setup;
  let lead: ApiClient;
  let author: ApiClient;
  let section: TestSection;
  let draft: DraftView;

  beforeAll(async () => {
    db = await connectTestDatabase();
    const make = factories(db);
    setup = await startPair({ EXPORTS_JOB_ATTEMPTS: '1' }, 'hostile-text');
    const leadUser = await make.aUser();
    const authorUser = await make.aUser();
    const footprint = await make.aFootprint({
      members: { lead: [leadUser], author: [authorUser] },
    });
    const plan = await make.aPlan(footprint.id);
    section = await make.aSection(plan.id, { title: 'Planted text' });
    await make.anAssignment(section.id, authorUser.id, 'author');
    lead = await signedIn(new ApiClient(setup.api.baseUrl), leadUser);
    author = await signedIn(new ApiClient(setup.api.baseUrl), authorUser);

    const peer = new CollabPeer(setup.api.baseUrl, author.sessionCookie!, section.id);
    await peer.connect({ reconnection: false });
    await peer.whenSynced();
    writeHostileText(peer.fragment);
    await peer.settled();
    // The server stores what an editor sends as sent; the readers decide what is shown.
    expect(await peer.lastSend).toBe(true);
    expect(peer.refused).toEqual([]);
    peer.close();

    const asked = await lead.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, {
      label: 'With planted text',
    });
    expect(asked.status).toBe(201);
    draft = await waitForStatus(lead, asked.body.id, 'ready');
  });

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('is kept as sent, and the dashboard and comment threads still read it', async () => {
    const stored = await storedDoc(db, section.id);
    expect(stored.getXmlFragment('content').toString()).toContain('<iframe');
    const anchor = anchorForText(stored, hostileVisibleText.after);
    stored.destroy();

    const dashboard = await lead.get<PlanDashboardView>(`/api/plans/${section.planId}/dashboard`);
    expect(dashboard.status).toBe(200);
    const started = await author.post<CommentThreadView>(`/api/sections/${section.id}/threads`, {
      anchor,
      body: '<script>window.__pwned="comment"</script>',
    });
    expect(started.status).toBe(201);
    const threads = await lead.get<CommentThreadView[]>(`/api/sections/${section.id}/threads`);
    expect(threads.status).toBe(200);
    // Bodies are stored and answered as the words people typed; the browser shows them as text.
    expect(threads.body[0]).toMatchObject({
      detached: false,
      currentText: hostileVisibleText.after,
      comments: [{ body: '<script>window.__pwned="comment"</script>' }],
    });

    // Reading it for all of that left the open document as the log has it.
    const reread = await storedDoc(db, section.id);
    expect(reread.getXmlFragment('content').toString()).toContain('<iframe');
    reread.destroy();
  });

  it('is made into a draft whose HTML, Markdown and stored text keep the words and no unsafe link', async () => {
    const [rendered] = draft.sections;
    for (const words of [
      hostileVisibleText.before,
      ...hostileVisibleText.linkWords,
      hostileVisibleText.handlers,
      hostileVisibleText.afterImage,
      hostileVisibleText.after,
    ]) {
      expect(rendered!.html).toContain(words);
      expect(rendered!.markdown).toContain(words);
    }
    expect(rendered!.html).toContain('&lt;script&gt;window.__pwned="text"&lt;/script&gt;');
    expect(rendered!.html).toContain(`href="${safeLinkHref}"`);
    expect(rendered!.html.match(/<a /g)).toHaveLength(1);
    expect(rendered!.markdown).toContain(`[${hostileVisibleText.safeLinkWords}](${safeLinkHref})`);
    expect(rendered!.markdown.match(/\]\(/g)).toHaveLength(1);
    for (const dropped of Object.values(hostileDroppedText)) {
      expect(rendered!.html).not.toContain(dropped);
      expect(rendered!.markdown).not.toContain(dropped);
    }
    const tags = rendered!.html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(new Set(tags.map((tag) => /^<([a-z0-9]+)/i.exec(tag)![1]))).toEqual(new Set(['p', 'a']));
    expect(tags.filter((tag) => /\s(on\w+|style|src|srcdoc|data)=/i.test(tag))).toEqual([]);
    expect(rendered!.html).not.toMatch(runnable);
    expect(rendered!.markdown).not.toMatch(runnable);

    // The text a restore would put back into the section holds no such link either.
    const text = await lead.get<DraftSectionText>(`/api/drafts/${draft.id}/sections/${section.id}`);
    expect(text.status).toBe(200);
    const json = JSON.stringify(text.body.content);
    expect(json).not.toMatch(runnable);
    expect(json).not.toMatch(/"type":"(iframe|script|img|object|marquee)"|"on\w+":/);
    expect(json).toContain(hostileVisibleText.linkWords[0]);
  });

  it('is exported to Word and PDF as words, with no hyperlink, action or script to an unsafe address', async () => {
    // Drafts made before links were checked stored the links as written; the exports check again.
    const stored = await storedDoc(db, section.id);
    const asWritten = yXmlFragmentToProseMirrorRootNode(readableFragment(stored), sectionSchema());
    stored.destroy();
    // PostgreSQL's jsonb cannot hold NUL, so no stored draft could have held that one address.
    const oldContent = JSON.stringify(asWritten.toJSON()).replaceAll('\\u0000', '');
    expect(oldContent).toContain('vbscript:');
    await db.query(
      'UPDATE plan_draft_sections SET content = $1 WHERE draft_id = $2 AND section_id = $3',
      [oldContent, draft.id, section.id],
    );

    const downloads: Record<string, Buffer> = {};
    for (const format of ['docx', 'pdf'] as const) {
      const asked = await lead.post<DraftExportSummary>(`/api/drafts/${draft.id}/exports`, {
        format,
      });
      expect(asked.status).toBe(201);
      let ready: DraftExportSummary | undefined;
      await eventually(async () => {
        const list = (await lead.get<DraftExportSummary[]>(`/api/drafts/${draft.id}/exports`)).body;
        ready = list.find((e) => e.format === format && e.status === 'ready');
        return ready !== undefined;
      }, 30_000);
      const response = await fetch(`${setup.api.baseUrl}${ready!.downloadUrl}`, {
        headers: { cookie: `cp_session=${lead.sessionCookie}` },
      });
      expect(response.status).toBe(200);
      downloads[format] = Buffer.from(await response.arrayBuffer());
    }

    // Word: the words are text; the one hyperlink relationship is the safe one.
    const word = await readDocx(downloads.docx!);
    const body = word.paragraphs.join('\n');
    for (const words of [
      hostileVisibleText.before,
      hostileVisibleText.scriptAsText,
      hostileVisibleText.handlers,
      hostileVisibleText.after,
    ])
      expect(body).toContain(words);
    expect(body).toContain(hostileVisibleText.linkWords.join(', '));
    const parts = await docxParts(downloads.docx!);
    const relationships = parts['word/_rels/document.xml.rels']!;
    const hyperlinks = [...relationships.matchAll(/<Relationship [^>]*\/>/g)]
      .map((match) => match[0])
      .filter((relationship) => relationship.includes('/hyperlink"'));
    expect(hyperlinks.map((relationship) => /Target="([^"]*)"/.exec(relationship)![1])).toEqual([
      safeLinkHref,
    ]);
    for (const [name, xml] of Object.entries(parts)) {
      expect({ name, runnable: runnable.test(xml) }).toEqual({ name, runnable: false });
      expect({ name, frames: /<w:(object|control)|<o:OLEObject|\sr:link=/.test(xml) }).toEqual({
        name,
        frames: false,
      });
    }
    const externalLinks = parts['word/document.xml']!.match(/<w:hyperlink [^>]*r:id=/g) ?? [];
    expect(externalLinks).toHaveLength(1);

    // PDF: the words are text; the only annotations are the contents' own links and the safe one.
    const pages = (await readPdf(downloads.pdf!)).flat().join('\n');
    for (const words of [hostileVisibleText.before, hostileVisibleText.scriptAsText])
      expect(pages).toContain(words);
    const annotations = await readPdfAnnotations(downloads.pdf!);
    const uris = annotations.filter((a: PdfAnnotation) => a.unsafeUrl !== null);
    // pdfkit may split one link's words into more than one annotation; all point to the safe one.
    expect(new Set(uris.map((a) => a.unsafeUrl))).toEqual(new Set([safeLinkHref]));
    expect(annotations.filter((a) => a.actions !== null || a.action !== null)).toEqual([]);
    expect(annotations.every((a) => a.subtype === 'Link')).toBe(true);
    const raw = downloads.pdf!.toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia)\b/);
    for (const href of hostileLinkAddresses) expect(raw).not.toContain(href.trim());
  });
});
