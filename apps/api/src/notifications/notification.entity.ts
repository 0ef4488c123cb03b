import { notificationKinds, type NotificationKind } from '@commonplan/domain';
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
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { Footprint } from '../footprints/footprint.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Section } from '../sections/section.entity.js';

/** Something a person is told in the app: who did what, where, and whether they have read it. */
@Entity('notifications')
@Index('notifications_recipient_id_created_at_idx', ['recipientId', 'createdAt'])
@Index('notifications_recipient_id_unread_idx', ['recipientId'], { where: 'read_at IS NULL' })
/** One notification per draft, person and kind, however many processes try to write it. */
@Index('notifications_draft_id_recipient_id_kind_key', ['draftId', 'recipientId', 'kind'], {
  unique: true,
})
@Check('notifications_kind_check', sqlInList('kind', notificationKinds))
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notifications_recipient_id_fkey' })
  recipient!: Relation<User>;

  @Index('notifications_footprint_id_idx')
  @Column({ name: 'footprint_id', type: 'uuid' })
  footprintId!: string;

  @ManyToOne(() => Footprint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'footprint_id', foreignKeyConstraintName: 'notifications_footprint_id_fkey' })
  footprint!: Relation<Footprint>;

  @Index('notifications_plan_id_idx')
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId!: string | null;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'notifications_plan_id_fkey' })
  plan!: Relation<Plan> | null;

  @Index('notifications_section_id_idx')
  @Column({ name: 'section_id', type: 'uuid', nullable: true })
  sectionId!: string | null;

  @ManyToOne(() => Section, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'notifications_section_id_fkey' })
  section!: Relation<Section> | null;

  /** The draft it is about, for `draft_ready` and `draft_failed`. */
  @Column({ name: 'draft_id', type: 'uuid', nullable: true })
  draftId!: string | null;

  @ManyToOne(() => PlanDraft, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'notifications_draft_id_fkey' })
  draft!: Relation<PlanDraft> | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: NotificationKind;

  @Index('notifications_actor_id_idx')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notifications_actor_id_fkey' })
  actor!: Relation<User> | null;

  @Column({ type: 'varchar', length: 300 })
  text!: string;

  /** A path in the web app, such as `/sections/<id>`. */
  @Column({ type: 'varchar', length: 300 })
  link!: string;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
