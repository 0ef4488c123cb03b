import {
  draftScheduleOutcomes,
  weekdays,
  type DraftScheduleOutcome,
  type Weekday,
} from '@commonplan/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { sqlInList } from '../database/sql-in-list.js';
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { Plan } from '../plans/plan.entity.js';

/**
 * A plan's draft schedule (at most one per plan): the days and UK time of day a draft is made,
 * whether only when the plan changed, and when it next falls due. `next_run_at` is null while the
 * schedule is off; the worker's periodic check takes schedules whose `next_run_at` has passed.
 */
@Entity('draft_schedules')
@Index('draft_schedules_next_run_at_idx', ['nextRunAt'], { where: 'enabled' })
@Check(
  'draft_schedules_days_check',
  `cardinality(days) >= 1 AND days <@ ARRAY[${weekdays.map((day) => `'${day}'`).join(', ')}]::varchar[]`,
)
@Check('draft_schedules_time_of_day_check', "time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'")
@Check('draft_schedules_last_outcome_check', sqlInList('last_outcome', draftScheduleOutcomes))
export class DraftSchedule {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @OneToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'draft_schedules_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Column({ type: 'varchar', length: 9, array: true })
  days!: Weekday[];

  /** `HH:MM`, Europe/London time. */
  @Column({ name: 'time_of_day', type: 'varchar', length: 5 })
  timeOfDay!: string;

  @Column({ name: 'only_if_changed', type: 'boolean', default: true })
  onlyIfChanged!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'label_pattern', type: 'varchar', length: 90 })
  labelPattern!: string;

  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt!: Date | null;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_outcome', type: 'varchar', length: 16, nullable: true })
  lastOutcome!: DraftScheduleOutcome | null;

  @Index('draft_schedules_last_draft_id_idx')
  @Column({ name: 'last_draft_id', type: 'uuid', nullable: true })
  lastDraftId!: string | null;

  @ManyToOne(() => PlanDraft, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'last_draft_id',
    foreignKeyConstraintName: 'draft_schedules_last_draft_id_fkey',
  })
  lastDraft!: Relation<PlanDraft> | null;

  @Index('draft_schedules_updated_by_idx')
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'draft_schedules_updated_by_fkey' })
  updatedBy!: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
