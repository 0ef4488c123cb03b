import {
  reviewStatuses,
  sectionThemes,
  type ReviewStatus,
  type SectionTheme,
} from '@commonplan/domain';
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
import { Organisation } from '../organisations/organisation.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { SectionAssignee } from './section-assignee.entity.js';
import { sqlInList } from '../database/sql-in-list.js';

/** An ordered part of a plan. Its text (a Yjs document) is stored apart from these details. */
@Entity('sections')
@Index('sections_plan_id_position_idx', ['planId', 'position'])
@Check('sections_theme_check', sqlInList('theme', sectionThemes))
@Check('sections_review_status_check', sqlInList('review_status', reviewStatuses))
export class Section {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'sections_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  theme!: SectionTheme;

  @Index('sections_lead_organisation_id_idx')
  @Column({ name: 'lead_organisation_id', type: 'uuid', nullable: true })
  leadOrganisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'lead_organisation_id',
    foreignKeyConstraintName: 'sections_lead_organisation_id_fkey',
  })
  leadOrganisation!: Relation<Organisation> | null;

  @Column({ name: 'review_status', type: 'varchar', length: 20, default: 'draft' })
  reviewStatus!: ReviewStatus;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @OneToMany(() => SectionAssignee, (assignee) => assignee.section)
  assignees!: Relation<SectionAssignee[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
