import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  PublicFootprintView,
  PublicPlanView,
  PublicPublicationRef,
  PublicSectionChange,
} from '@commonplan/domain';
import type { DraftDiff } from '@commonplan/render';
import { DataSource } from 'typeorm';
import { DraftContents } from '../drafts/draft-contents.service.js';
import { publishingError, PublishingErrorCode } from './publishing.errors.js';
import { sectionAnchors } from './section-anchors.js';

interface PublicationRow {
  footprint_name: string;
  footprint_slug: string;
  plan_slug: string;
  plan_title: string;
  number: number;
  published_at: Date;
  draft_id: string;
  draft_number: number;
  words: number | null;
}

/** Comparisons of two published drafts never change, so a few are kept rather than recomputed. */
const keptComparisons = 100;

/**
 * What anyone may read without an account: a footprint's published plans, and a plan's published
 * drafts with what changed from one publication to the next. Everything is read from publications
 * and the drafts they froze, and shaped field by field into the public types, so nothing else
 * (people, labels, review status, live text, other drafts) can reach a public answer. A plan with
 * no publication, an unknown plan and an unknown footprint all get the same 404.
 */
@Injectable()
export class PublicPlansService {
  private readonly comparisons = new Map<string, Promise<DraftDiff>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contents: DraftContents,
  ) {}

  async footprint(footprintSlug: string): Promise<PublicFootprintView> {
    const rows = await this.dataSource.query<PublicationRow[]>(
      `SELECT f.name AS footprint_name, f.slug AS footprint_slug, pl.slug AS plan_slug,
              latest.plan_title, latest.number, latest.published_at, d.number AS draft_number
         FROM footprints f
         JOIN plans pl ON pl.footprint_id = f.id
         JOIN LATERAL (SELECT p.plan_title, p.number, p.published_at, p.draft_id
                         FROM plan_publications p
                        WHERE p.plan_id = pl.id
                        ORDER BY p.number DESC
                        LIMIT 1) latest ON true
         JOIN plan_drafts d ON d.id = latest.draft_id
        WHERE f.slug = $1
        ORDER BY latest.published_at DESC`,
      [footprintSlug],
    );
    const [first] = rows;
    if (!first) throw publishingError(PublishingErrorCode.NotPublished);
    return {
      footprint: { name: first.footprint_name, slug: first.footprint_slug },
      plans: rows.map((row) => ({
        title: row.plan_title,
        slug: row.plan_slug,
        latest: toRef(row),
      })),
    };
  }

  /** The plan's latest publication, or the one numbered `number`. */
  async plan(footprintSlug: string, planSlug: string, number?: number): Promise<PublicPlanView> {
    const publications = await this.dataSource.query<PublicationRow[]>(
      `SELECT f.name AS footprint_name, f.slug AS footprint_slug, pl.slug AS plan_slug,
              p.plan_title, p.number, p.published_at, p.draft_id,
              d.number AS draft_number, d.words
         FROM footprints f
         JOIN plans pl ON pl.footprint_id = f.id
         JOIN plan_publications p ON p.plan_id = pl.id
         JOIN plan_drafts d ON d.id = p.draft_id
        WHERE f.slug = $1 AND pl.slug = $2
        ORDER BY p.number DESC`,
      [footprintSlug, planSlug],
    );
    const current =
      number === undefined ? publications[0] : publications.find((p) => p.number === number);
    if (!current) throw publishingError(PublishingErrorCode.NotPublished);
    const previous = publications.find((p) => p.number === current.number - 1);

    const sections = await this.contents.renderedSections(current.draft_id);
    const anchors = sectionAnchors(sections.map((section) => section.title));
    const anchorOf = new Map(
      sections.map((section, index) => [section.sectionId, anchors[index]!]),
    );
    const diff = previous ? await this.compare(previous.draft_id, current.draft_id) : null;

    return {
      footprint: { name: current.footprint_name, slug: current.footprint_slug },
      plan: { title: current.plan_title, slug: current.plan_slug },
      publication: {
        ...toRef(current),
        words: current.words ?? 0,
        latest: current.number === publications[0]!.number,
      },
      sections: sections.map((section, index) => ({
        anchor: anchors[index]!,
        title: section.title,
        theme: section.theme,
        html: section.html ?? '',
        words: section.words ?? 0,
      })),
      publications: publications.map(toRef),
      changesSincePrevious:
        previous && diff
          ? {
              previousNumber: previous.number,
              previousDraftNumber: previous.draft_number,
              summary: diff.summary,
              sections: diff.sections
                .filter((section) => section.change !== 'same')
                .map(({ sectionId, ...change }): PublicSectionChange => ({
                  ...change,
                  anchor: anchorOf.get(sectionId) ?? null,
                })),
            }
          : null,
    };
  }

  private compare(fromDraftId: string, toDraftId: string): Promise<DraftDiff> {
    const key = `${fromDraftId}:${toDraftId}`;
    let comparison = this.comparisons.get(key);
    if (!comparison) {
      comparison = this.contents.diff(fromDraftId, toDraftId);
      comparison.catch(() => this.comparisons.delete(key));
      this.comparisons.set(key, comparison);
      if (this.comparisons.size > keptComparisons)
        this.comparisons.delete(this.comparisons.keys().next().value!);
    }
    return comparison;
  }
}

function toRef(row: PublicationRow): PublicPublicationRef {
  return {
    number: row.number,
    draftNumber: row.draft_number,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}
