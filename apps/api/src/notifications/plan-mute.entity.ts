import {
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Plan } from '../plans/plan.entity.js';

/** A person who asked not to be notified about a plan. */
@Entity('plan_mutes')
export class PlanMute {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  @Index('plan_mutes_plan_id_idx')
  planId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'plan_mutes_user_id_fkey' })
  user!: Relation<User>;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'plan_mutes_plan_id_fkey' })
  plan!: Relation<Plan>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
