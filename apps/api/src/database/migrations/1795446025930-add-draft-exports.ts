import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDraftExports1795446025930 implements MigrationInterface {
  name = 'AddDraftExports1795446025930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"draft_exports\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"draft_id\" uuid NOT NULL, \"format\" character varying(8) NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'queued', \"failure_reason\" text, \"attempts\" integer NOT NULL DEFAULT '0', \"requested_by\" uuid, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"ready_at\" TIMESTAMP WITH TIME ZONE, \"file_name\" character varying(200) NOT NULL, \"byte_size\" integer, \"file\" bytea, CONSTRAINT \"draft_exports_draft_id_format_key\" UNIQUE (\"draft_id\", \"format\"), CONSTRAINT \"draft_exports_file_check\" CHECK ((status = 'ready') = (file IS NOT NULL)), CONSTRAINT \"draft_exports_status_check\" CHECK (status IN ('queued', 'generating', 'ready', 'failed')), CONSTRAINT \"draft_exports_format_check\" CHECK (format IN ('docx', 'pdf')), CONSTRAINT \"PK_35f8c88441b1fea9a3b1a6841d2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"draft_exports_requested_by_idx\" ON \"draft_exports\"  (\"requested_by\") ");
    await queryRunner.query("ALTER TABLE \"draft_exports\" ADD CONSTRAINT \"draft_exports_draft_id_fkey\" FOREIGN KEY (\"draft_id\") REFERENCES \"plan_drafts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"draft_exports\" ADD CONSTRAINT \"draft_exports_requested_by_fkey\" FOREIGN KEY (\"requested_by\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"draft_exports\" DROP CONSTRAINT \"draft_exports_requested_by_fkey\"");
    await queryRunner.query("ALTER TABLE \"draft_exports\" DROP CONSTRAINT \"draft_exports_draft_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"draft_exports_requested_by_idx\"");
    await queryRunner.query("DROP TABLE \"draft_exports\"");
  }
}
