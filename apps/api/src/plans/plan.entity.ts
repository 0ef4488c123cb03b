import { planKinds, planStatuses, type PlanKind, type PlanStatus } from '@commonplan/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Footprint } from '../footprints/footprint.entity.js';
import { sqlInList } from '../database/sql-in-list.js';

/** A footprint's joint plan; its slug gives it a stable address within the footprint. */
@Entity('plans')
@Unique('plans_footprint_id_slug_key', ['footprintId', 'slug'])
@Check('plans_kind_check', sqlInList('kind', planKinds))
@Check('plans_status_check', sqlInList('status', planStatuses))
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'footprint_id', type: 'uuid' })
  footprintId!: string;

  @ManyToOne(() => Footprint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'footprint_id', foreignKeyConstraintName: 'plans_footprint_id_fkey' })
  footprint!: Relation<Footprint>;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 80 })
  slug!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: PlanKind;

  /** First planning year covered, e.g. 2016/17. */
  @Column({ name: 'period_start', type: 'varchar', length: 7 })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'varchar', length: 7 })
  periodEnd!: string;

  @Column({ type: 'varchar', length: 16, default: 'drafting' })
  status!: PlanStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
