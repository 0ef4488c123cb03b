/**
 * Hocuspocus's table in the run's database, where its database extension stores documents. A
 * module of its own so the reference server loads nothing else of the harness.
 */
export const hocuspocusTable = 'hocuspocus_documents';
