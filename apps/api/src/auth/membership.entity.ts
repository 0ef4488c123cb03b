import { footprintRoles, type FootprintRole } from '@commonplan/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { User } from './user.entity.js';
import { Footprint } from '../footprints/footprint.entity.js';
import { sqlInList } from '../database/sql-in-list.js';

/** A person's role in one footprint. */
@Entity('memberships')
@Unique('memberships_footprint_id_user_id_key', ['footprintId', 'userId'])
@Check('memberships_role_check', sqlInList('role', footprintRoles))
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'footprint_id', type: 'uuid' })
  footprintId!: string;

  @ManyToOne(() => Footprint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'footprint_id', foreignKeyConstraintName: 'memberships_footprint_id_fkey' })
  footprint!: Relation<Footprint>;

  @Index('memberships_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_id_fkey' })
  user!: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role!: FootprintRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
