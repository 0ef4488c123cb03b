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
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Footprint } from '../footprints/footprint.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { sqlInList } from '../database/sql-in-list.js';

/** An invitation to join a footprint with a role; the link's token is stored only as a hash. */
@Entity('invitations')
@Index('invitations_footprint_id_created_at_idx', ['footprintId', 'createdAt'])
@Check('invitations_role_check', sqlInList('role', footprintRoles))
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'footprint_id', type: 'uuid' })
  footprintId!: string;

  @ManyToOne(() => Footprint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'footprint_id', foreignKeyConstraintName: 'invitations_footprint_id_fkey' })
  footprint!: Relation<Footprint>;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: FootprintRole;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'invitations_organisation_id_fkey',
  })
  organisation!: Relation<Organisation> | null;

  @Index('invitations_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'invited_by_id', type: 'uuid' })
  invitedById!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'invitations_invited_by_id_fkey' })
  invitedBy!: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
