import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Section } from './section.entity.js';

/**
 * A section's text as one merged Yjs update, covering its update log up to `snapshotSeq`. Rows of
 * the log at or below that number have been merged in and deleted.
 */
@Entity('section_documents')
export class SectionDocument {
  @PrimaryColumn({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @OneToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'section_documents_section_id_fkey' })
  section!: Relation<Section>;

  @Column({ type: 'bytea' })
  snapshot!: Buffer;

  @Column({ name: 'snapshot_seq', type: 'bigint' })
  snapshotSeq!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
