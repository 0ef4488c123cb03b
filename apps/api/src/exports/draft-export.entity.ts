import {
  draftStatuses,
  exportFormats,
  type DraftStatus,
  type ExportFormat,
} from '@commonplan/domain';
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
import { PlanDraft } from '../drafts/plan-draft.entity.js';

/**
 * A ready draft exported as a file (DOCX or PDF). There is one row per draft and format (the
 * unique key), and the file lives in that row, written together with `ready` in one statement:
 * asking twice, a retried job or a worker killed half way can never leave two files or half of one.
 */
@Entity('draft_exports')
@Unique('draft_exports_draft_id_format_key', ['draftId', 'format'])
@Check('draft_exports_format_check', sqlInList('format', exportFormats))
@Check('draft_exports_status_check', sqlInList('status', draftStatuses))
@Check('draft_exports_file_check', "(status = 'ready') = (file IS NOT NULL)")
export class DraftExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @ManyToOne(() => PlanDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'draft_exports_draft_id_fkey' })
  draft!: Relation<PlanDraft>;

  @Column({ type: 'varchar', length: 8 })
  format!: ExportFormat;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status!: DraftStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  /** How many times the worker has started on it. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Index('draft_exports_requested_by_idx')
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'draft_exports_requested_by_fkey' })
  requestedBy!: Relation<User> | null;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt!: Date | null;

  /** The name the file is downloaded as, e.g. `joint-forward-plan-draft-3.pdf`. */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ name: 'byte_size', type: 'integer', nullable: true })
  byteSize!: number | null;

  /** The whole file; never read with the row, only by the download. */
  @Column({ type: 'bytea', nullable: true, select: false })
  file!: Buffer | null;
}
