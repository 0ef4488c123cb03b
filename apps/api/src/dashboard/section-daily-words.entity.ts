import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Section } from '../sections/section.entity.js';

/** How many words a section had on a day (the last count taken that day), for progress charts. */
@Entity('section_daily_words')
export class SectionDailyWords {
  @PrimaryColumn({ name: 'section_id', type: 'uuid' })
  sectionId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @ManyToOne(() => Section, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'section_id',
    foreignKeyConstraintName: 'section_daily_words_section_id_fkey',
  })
  section!: Relation<Section>;

  @Column({ type: 'integer' })
  words!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
