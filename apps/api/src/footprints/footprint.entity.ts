import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';

/** A partnership area: the member organisations that write one plan together. */
@Entity('footprints')
export class Footprint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('footprints_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug!: string;

  /** The NHS England region the footprint sits in. */
  @Column({ type: 'varchar', length: 100 })
  region!: string;

  @Column({ type: 'integer' })
  population!: number;

  /** True when the population is an illustrative figure (the demo), not a published one. */
  @Column({ name: 'population_is_estimate', type: 'boolean', default: false })
  populationIsEstimate!: boolean;

  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'footprint_organisations',
    joinColumn: {
      name: 'footprint_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'footprint_organisations_footprint_id_fkey',
    },
    inverseJoinColumn: {
      name: 'organisation_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'footprint_organisations_organisation_id_fkey',
    },
  })
  organisations!: Organisation[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
