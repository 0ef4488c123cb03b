import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Plan } from '../plans/plan.entity.js';

/**
 * A plan's public consultation: the days (in England, both included) it takes responses on its
 * latest publication. One per plan; a lead changes the dates or closes it early, and changing the
 * dates after closing early opens it again.
 */
@Entity('plan_consultations')
@Unique('plan_consultations_plan_id_key', ['planId'])
@Check('plan_consultations_dates_check', 'closes_on >= opens_on')
export class PlanConsultation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'plan_consultations_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'date' })
  closesOn!: string;

  @Column({ name: 'closed_early_at', type: 'timestamptz', nullable: true })
  closedEarlyAt!: Date | null;

  @Index('plan_consultations_opened_by_idx')
  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'opened_by', foreignKeyConstraintName: 'plan_consultations_opened_by_fkey' })
  openedBy!: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
