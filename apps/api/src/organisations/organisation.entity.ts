import { organisationKinds, type OrganisationKind } from '@commonplan/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlInList } from '../database/sql-in-list.js';

@Entity('organisations')
@Check('organisations_kind_check', sqlInList('kind', organisationKinds))
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganisationKind;

  /** The NHS Organisation Data Service code, where the body has one. */
  @Index('organisations_ods_code_key', { unique: true })
  @Column({ name: 'ods_code', type: 'varchar', length: 10, nullable: true })
  odsCode!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
