import * as Y from 'yjs';

/**
 * A section's document rebuilt from what PostgreSQL holds: its snapshot, then its log rows in
 * order, in one transaction. The caller destroys it.
 */
export function documentFromStored(
  snapshot: Uint8Array | null | undefined,
  updates: readonly Uint8Array[],
): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** Whether a finished transaction added or deleted anything (as Yjs decides whether to emit one). */
export function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState)
    if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}
