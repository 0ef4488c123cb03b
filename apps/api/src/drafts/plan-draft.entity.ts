import { draftStatuses, type DraftStatus } from '@commonplan/domain';
import type { DiffSummary } from '@commonplan/render';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { sqlInList } from '../database/sql-in-list.js';
import { Plan } from '../plans/plan.entity.js';

/**
 * A numbered draft of a plan: who asked for it and why, and how far the worker has got. Its
 * sections (the text as it was when asked for, then rendered) are `plan_draft_sections`. Numbers
 * are unique per plan, and so is the key a client sends to make asking twice give one draft.
 */
@Entity('plan_drafts')
@Unique('plan_drafts_plan_id_number_key', ['planId', 'number'])
@Unique('plan_drafts_plan_id_request_key_key', ['planId', 'requestKey'])
/** Drafts still waiting for the worker, for the schedules' check that each has its job. */
@Index('plan_drafts_queued_requested_at_idx', ['requestedAt'], { where: "status = 'queued'" })
@Check('plan_drafts_status_check', sqlInList('status', draftStatuses))
@Check('plan_drafts_sections_done_check', 'sections_done >= 0 AND sections_done <= sections_total')
export class PlanDraft {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'plan_drafts_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 120 })
  label!: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: DraftStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Index('plan_drafts_requested_by_idx')
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'plan_drafts_requested_by_fkey' })
  requestedBy!: Relation<User> | null;

  /** The `Idempotency-Key` the request came with, if any. */
  @Column({ name: 'request_key', type: 'varchar', length: 100, nullable: true })
  requestKey!: string | null;

  /** The moment the sections' text was taken: every edit acknowledged before it is in the draft. */
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt!: Date | null;

  @Column({ name: 'sections_total', type: 'integer' })
  sectionsTotal!: number;

  @Column({ name: 'sections_done', type: 'integer', default: 0 })
  sectionsDone!: number;

  /** How many times the worker has started on it. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer', nullable: true })
  words!: number | null;

  /** The ready draft this one was compared with when it was made, and what changed since. */
  @Column({ name: 'previous_number', type: 'integer', nullable: true })
  previousNumber!: number | null;

  @Column({ name: 'changes_summary', type: 'jsonb', nullable: true })
  changesSummary!: DiffSummary | null;
}
