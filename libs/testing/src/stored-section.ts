import type pg from 'pg';
import * as Y from 'yjs';

/** A section's text as PostgreSQL holds it: the snapshot, then every log row. */
export async function storedDoc(db: pg.Client, sectionId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { rows: snapshots } = await db.query<{ snapshot: Buffer }>(
    'SELECT snapshot FROM section_documents WHERE section_id = $1',
    [sectionId],
  );
  const { rows } = await db.query<{ update: Buffer }>(
    'SELECT update FROM section_updates WHERE section_id = $1 ORDER BY seq',
    [sectionId],
  );
  for (const { snapshot } of snapshots) Y.applyUpdate(doc, snapshot);
  for (const { update } of rows) Y.applyUpdate(doc, update);
  return doc;
}
