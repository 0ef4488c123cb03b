import type pg from 'pg';
import * as Y from 'yjs';

/**
 * A section's text as PostgreSQL holds it: the snapshot, then every log row. One statement, so a
 * compaction committing meanwhile (the snapshot rewritten, the rows it merged deleted) cannot
 * leave the read with the old snapshot and none of the rows.
 */
export async function storedDoc(db: pg.Client, sectionId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const { rows } = await db.query<{ snapshot: Buffer | null; updates: Buffer[] | null }>(
    `SELECT (SELECT snapshot FROM section_documents WHERE section_id = $1) AS snapshot,
            (SELECT array_agg(update ORDER BY seq) FROM section_updates WHERE section_id = $1)
              AS updates`,
    [sectionId],
  );
  const { snapshot, updates } = rows[0]!;
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const update of updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}
