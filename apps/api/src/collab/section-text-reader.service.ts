import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { SectionDocuments } from './section-documents.service.js';
import { SectionUpdateLog } from './section-update-log.js';

/**
 * A section's text as it stands now, for features that read it outside the editor (reviews,
 * dashboards): everything acknowledged (in PostgreSQL) plus what this instance holds in memory.
 */
@Injectable()
export class SectionTextReader {
  constructor(
    private readonly log: SectionUpdateLog,
    private readonly documents: SectionDocuments,
  ) {}

  /** A fresh Y.Doc with the section's current text; the caller destroys it. */
  async currentDoc(sectionId: string): Promise<Y.Doc> {
    const { doc } = await this.log.loadDocument(sectionId);
    const open = this.documents.get(sectionId);
    if (open) Y.applyUpdate(doc, Y.encodeStateAsUpdate(open.doc, Y.encodeStateVector(doc)));
    return doc;
  }

  /** The section's current state as one Yjs update (`Y.encodeStateAsUpdate`). */
  async currentState(sectionId: string): Promise<Uint8Array> {
    const doc = await this.currentDoc(sectionId);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
}
