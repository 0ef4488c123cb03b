import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSectionDocuments1795425990660 implements MigrationInterface {
  name = 'AddSectionDocuments1795425990660';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"section_documents\" (\"section_id\" uuid NOT NULL, \"snapshot\" bytea NOT NULL, \"snapshot_seq\" bigint NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_ff0eff2847115b69d2d857e9e6b\" PRIMARY KEY (\"section_id\"))");
    await queryRunner.query("CREATE TABLE \"section_updates\" (\"seq\" BIGSERIAL NOT NULL, \"section_id\" uuid NOT NULL, \"update\" bytea NOT NULL, \"user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f2c6efc113a8146e0fd345f62f9\" PRIMARY KEY (\"seq\"))");
    await queryRunner.query("CREATE INDEX \"section_updates_section_id_seq_idx\" ON \"section_updates\"  (\"section_id\", \"seq\") ");
    await queryRunner.query("ALTER TABLE \"section_documents\" ADD CONSTRAINT \"section_documents_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"section_updates\" ADD CONSTRAINT \"section_updates_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"section_updates\" ADD CONSTRAINT \"section_updates_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"section_updates\" DROP CONSTRAINT \"section_updates_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"section_updates\" DROP CONSTRAINT \"section_updates_section_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"section_documents\" DROP CONSTRAINT \"section_documents_section_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"section_updates_section_id_seq_idx\"");
    await queryRunner.query("DROP TABLE \"section_updates\"");
    await queryRunner.query("DROP TABLE \"section_documents\"");
  }
}
