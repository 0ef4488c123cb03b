import {
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
import { Section } from './section.entity.js';

/**
 * One accepted Yjs update of a section's text, in the order the server applied it. The log is
 * append-only until compaction merges a prefix of it into the section's snapshot.
 */
@Entity('section_updates')
@Index('section_updates_section_id_seq_idx', ['sectionId', 'seq'])
export class SectionUpdate {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'section_updates_section_id_fkey' })
  section!: Relation<Section>;

  @Column({ type: 'bytea' })
  update!: Buffer;

  /** Who made the change; null for text written by the server (starting text, seeds). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'section_updates_user_id_fkey' })
  user!: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
