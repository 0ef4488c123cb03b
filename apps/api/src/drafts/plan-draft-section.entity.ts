import {
  reviewStatuses,
  sectionThemes,
  type ReviewStatus,
  type SectionTheme,
} from '@commonplan/domain';
import type { SectionJson } from '@commonplan/editor';
import type { TextBlock } from '@commonplan/render';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { sqlInList } from '../database/sql-in-list.js';
import { PlanDraft } from './plan-draft.entity.js';

/**
 * One section of a draft. Written when the draft is asked for, with the section's details and its
 * stored text (`source_updates`: the snapshot and log rows, as one consistent read); the worker
 * then fills in the merged Yjs state and the renderings, for every section in one transaction,
 * and drops the source. No foreign key to `sections`: a draft outlives a deleted section.
 */
@Entity('plan_draft_sections')
@Index('plan_draft_sections_draft_id_position_idx', ['draftId', 'position'])
@Check('plan_draft_sections_theme_check', sqlInList('theme', sectionThemes))
@Check('plan_draft_sections_review_status_check', sqlInList('review_status', reviewStatuses))
export class PlanDraftSection {
  @PrimaryColumn({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @ManyToOne(() => PlanDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'plan_draft_sections_draft_id_fkey' })
  draft!: Relation<PlanDraft>;

  @PrimaryColumn({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  theme!: SectionTheme;

  @Column({ name: 'review_status', type: 'varchar', length: 20 })
  reviewStatus!: ReviewStatus;

  /** The section's stored Yjs updates at request time, snapshot first; emptied once rendered. */
  @Column({ name: 'source_updates', type: 'bytea', array: true, default: () => "'{}'" })
  sourceUpdates!: Buffer[];

  @Column({ name: 'yjs_state', type: 'bytea', nullable: true })
  yjsState!: Buffer | null;

  @Column({ type: 'jsonb', nullable: true })
  content!: SectionJson | null;

  /** The plain text blocks the diff compares. */
  @Column({ type: 'jsonb', nullable: true })
  blocks!: TextBlock[] | null;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  @Column({ type: 'text', nullable: true })
  markdown!: string | null;

  @Column({ type: 'integer', nullable: true })
  words!: number | null;
}
