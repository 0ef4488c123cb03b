import {
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
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { Plan } from '../plans/plan.entity.js';

/**
 * A ready draft made public. A plan's publications are numbered 1, 2, 3...; the highest number is
 * what its public page shows, and the earlier ones stay readable there. A draft is published at
 * most once, and a publication is never edited or deleted: it is what the public was shown.
 */
@Entity('plan_publications')
@Unique('plan_publications_plan_id_number_key', ['planId', 'number'])
@Unique('plan_publications_draft_id_key', ['draftId'])
export class PlanPublication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'plan_publications_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @ManyToOne(() => PlanDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'draft_id', foreignKeyConstraintName: 'plan_publications_draft_id_fkey' })
  draft!: Relation<PlanDraft>;

  /**
   * The plan's title when it was published: the public page shows what was published, not a
   * title changed since.
   */
  @Column({ name: 'plan_title', type: 'varchar', length: 200 })
  planTitle!: string;

  /** 1 for a plan's first publication, then 2, 3... */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  @Index('plan_publications_published_by_idx')
  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'published_by',
    foreignKeyConstraintName: 'plan_publications_published_by_fkey',
  })
  publishedBy!: Relation<User> | null;
}
