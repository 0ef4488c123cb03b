import {
  consultationResponseStatuses,
  respondentTypes,
  type ConsultationResponseStatus,
  type RespondentType,
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
import { Plan } from '../plans/plan.entity.js';
import { PlanPublication } from '../publishing/plan-publication.entity.js';

/**
 * One public response to a published draft, on the whole draft or one of its sections, held for a
 * lead to accept or reject (or held as spam by the checks). It belongs to the publication that was
 * current when it was sent. No foreign key to `sections`: the section is the draft's, and the
 * response outlives a section deleted later (its title is kept). The sender's address is not
 * stored; name and email are optional and erased after the retention period.
 */
@Entity('consultation_responses')
@Index('consultation_responses_plan_id_status_created_at_idx', ['planId', 'status', 'createdAt'])
@Index('consultation_responses_plan_id_body_hash_idx', ['planId', 'bodyHash'])
@Check('consultation_responses_status_check', sqlInList('status', consultationResponseStatuses))
@Check(
  'consultation_responses_respondent_type_check',
  sqlInList('respondent_type', respondentTypes),
)
export class ConsultationResponse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'consultation_responses_plan_id_fkey' })
  plan!: Relation<Plan>;

  @Index('consultation_responses_publication_id_idx')
  @Column({ name: 'publication_id', type: 'uuid' })
  publicationId!: string;

  @ManyToOne(() => PlanPublication, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'publication_id',
    foreignKeyConstraintName: 'consultation_responses_publication_id_fkey',
  })
  publication!: Relation<PlanPublication>;

  /** The section of the published draft responded on; null for the whole draft. */
  @Column({ name: 'section_id', type: 'uuid', nullable: true })
  sectionId!: string | null;

  @Column({ name: 'section_title', type: 'varchar', length: 200, nullable: true })
  sectionTitle!: string | null;

  @Column({ name: 'respondent_type', type: 'varchar', length: 20 })
  respondentType!: RespondentType;

  @Column({ name: 'organisation_name', type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /** SHA-256 of the text with spacing and case evened out, to notice the same text sent again. */
  @Column({ name: 'body_hash', type: 'varchar', length: 64 })
  bodyHash!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ConsultationResponseStatus;

  @Column({ name: 'spam_reasons', type: 'text', array: true, default: () => "'{}'" })
  spamReasons!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'moderated_at', type: 'timestamptz', nullable: true })
  moderatedAt!: Date | null;

  @Index('consultation_responses_moderated_by_idx')
  @Column({ name: 'moderated_by', type: 'uuid', nullable: true })
  moderatedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'moderated_by',
    foreignKeyConstraintName: 'consultation_responses_moderated_by_fkey',
  })
  moderatedBy!: Relation<User> | null;

  /** When the name and email were erased at the end of the retention period. */
  @Column({ name: 'contact_erased_at', type: 'timestamptz', nullable: true })
  contactErasedAt!: Date | null;
}
