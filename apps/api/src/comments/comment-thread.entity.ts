import { commentThreadStatuses, type CommentThreadStatus } from '@commonplan/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { sqlInList } from '../database/sql-in-list.js';
import { Plan } from '../plans/plan.entity.js';
import { Section } from '../sections/section.entity.js';
import { Comment } from './comment.entity.js';

/**
 * A conversation about a range of a section's text. The range is two Yjs relative positions
 * (base64 of `Y.encodeRelativePosition`), so it follows the text as people edit; the text it
 * covered when the thread started is kept as `quoted_text`. The plan is kept beside the section
 * so a plan's open threads are counted without a join.
 */
@Entity('comment_threads')
@Index('comment_threads_section_id_created_at_idx', ['sectionId', 'createdAt'])
@Index('comment_threads_plan_id_status_idx', ['planId', 'status'])
@Check('comment_threads_status_check', sqlInList('status', commentThreadStatuses))
export class CommentThread {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'comment_threads_section_id_fkey' })
  section!: Relation<Section>;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'comment_threads_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Column({ name: 'anchor_start', type: 'varchar', length: 200 })
  anchorStart!: string;

  @Column({ name: 'anchor_end', type: 'varchar', length: 200 })
  anchorEnd!: string;

  @Column({ name: 'quoted_text', type: 'text' })
  quotedText!: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status!: CommentThreadStatus;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true })
  resolvedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'resolved_by_id',
    foreignKeyConstraintName: 'comment_threads_resolved_by_id_fkey',
  })
  resolvedBy!: Relation<User> | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Index('comment_threads_created_by_id_idx')
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'created_by_id',
    foreignKeyConstraintName: 'comment_threads_created_by_id_fkey',
  })
  createdBy!: Relation<User> | null;

  @OneToMany(() => Comment, (comment) => comment.thread)
  comments!: Relation<Comment[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
