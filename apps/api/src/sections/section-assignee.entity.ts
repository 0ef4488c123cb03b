import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Section } from './section.entity.js';

export type AssigneeKind = 'author' | 'reviewer';

/** Who writes a section and who reviews it. */
@Entity('section_assignees')
@Check('section_assignees_kind_check', `kind IN ('author', 'reviewer')`)
export class SectionAssignee {
  @PrimaryColumn({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @Index('section_assignees_user_id_idx')
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind!: AssigneeKind;

  @ManyToOne(() => Section, (section) => section.assignees, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'section_assignees_section_id_fkey' })
  section!: Relation<Section>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'section_assignees_user_id_fkey' })
  user!: Relation<User>;
}
