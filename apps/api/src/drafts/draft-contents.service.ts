import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { diffDrafts, type DraftDiff } from '@commonplan/render';
import { Repository } from 'typeorm';
import { PlanDraftSection } from './plan-draft-section.entity.js';

/**
 * Reads what a ready draft holds (its sections in the plan's order, as rendered) and compares two
 * drafts. Drafts use it for members; publishing uses it for the public page.
 */
@Injectable()
export class DraftContents {
  constructor(
    @InjectRepository(PlanDraftSection) private readonly sections: Repository<PlanDraftSection>,
  ) {}

  /** The draft's sections in order, rendered, without their Yjs state or source. */
  async renderedSections(draftId: string): Promise<PlanDraftSection[]> {
    return this.sections.find({
      where: { draftId },
      order: { position: 'ASC', sectionId: 'ASC' },
      select: {
        draftId: true,
        sectionId: true,
        position: true,
        title: true,
        theme: true,
        reviewStatus: true,
        html: true,
        markdown: true,
        words: true,
      },
    });
  }

  /** One section of a draft with its text in the editor's JSON form; null when it is not there. */
  async sectionText(draftId: string, sectionId: string): Promise<PlanDraftSection | null> {
    return this.sections.findOne({
      where: { draftId, sectionId },
      select: { draftId: true, sectionId: true, title: true, content: true },
    });
  }

  /** What changed from one draft to another: sections matched by id, blocks, words. */
  async diff(fromDraftId: string, toDraftId: string): Promise<DraftDiff> {
    const [from, to] = await Promise.all([
      this.diffSections(fromDraftId),
      this.diffSections(toDraftId),
    ]);
    return diffDrafts(from, to);
  }

  private async diffSections(draftId: string) {
    const sections = await this.sections.find({
      where: { draftId },
      order: { position: 'ASC', sectionId: 'ASC' },
      select: { sectionId: true, title: true, blocks: true },
    });
    return sections.map((section) => ({
      sectionId: section.sectionId,
      title: section.title,
      blocks: section.blocks ?? [],
    }));
  }
}
