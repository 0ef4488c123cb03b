import {
  reviewEventKinds,
  reviewStatuses,
  type ReviewEventKind,
  type ReviewStatus,
} from '@commonplan/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { sqlInList } from '../database/sql-in-list.js';
import { Section } from '../sections/section.entity.js';

/**
 * One step of a section's review: who moved it from which status to which, when, and their note.
 * An approval (or a lead's confirmation of one) keeps the section's Yjs state at that moment, so
 * later edits can be shown against exactly what was approved.
 */
@Entity('section_review_events')
@Index('section_review_events_section_id_id_idx', ['sectionId', 'id'])
@Check('section_review_events_kind_check', sqlInList('kind', reviewEventKinds))
@Check('section_review_events_from_status_check', sqlInList('from_status', reviewStatuses))
@Check('section_review_events_to_status_check', sqlInList('to_status', reviewStatuses))
export class SectionReviewEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'section_id',
    foreignKeyConstraintName: 'section_review_events_section_id_fkey',
  })
  section!: Relation<Section>;

  @Column({ type: 'varchar', length: 24 })
  kind!: ReviewEventKind;

  @Column({ name: 'from_status', type: 'varchar', length: 20 })
  fromStatus!: ReviewStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: ReviewStatus;

  @Index('section_review_events_actor_id_idx')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'section_review_events_actor_id_fkey' })
  actor!: Relation<User> | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** For a request for review: the reviewers asked. */
  @Column({ name: 'reviewer_ids', type: 'uuid', array: true, default: () => "'{}'" })
  reviewerIds!: string[];

  /** For an approval or its confirmation: `Y.encodeStateAsUpdate` of the section's text then. */
  @Column({ name: 'approved_state', type: 'bytea', nullable: true })
  approvedState!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
