import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlanPublications1795445329652 implements MigrationInterface {
  name = 'AddPlanPublications1795445329652';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"plan_publications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"draft_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"published_by\" uuid, CONSTRAINT \"plan_publications_draft_id_key\" UNIQUE (\"draft_id\"), CONSTRAINT \"plan_publications_plan_id_number_key\" UNIQUE (\"plan_id\", \"number\"), CONSTRAINT \"PK_cdd88b56f6bafef7a4d752b7fa8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_publications_published_by_idx\" ON \"plan_publications\"  (\"published_by\") ");
    await queryRunner.query("ALTER TABLE \"plan_publications\" ADD CONSTRAINT \"plan_publications_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_publications\" ADD CONSTRAINT \"plan_publications_draft_id_fkey\" FOREIGN KEY (\"draft_id\") REFERENCES \"plan_drafts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_publications\" ADD CONSTRAINT \"plan_publications_published_by_fkey\" FOREIGN KEY (\"published_by\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_publications\" DROP CONSTRAINT \"plan_publications_published_by_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_publications\" DROP CONSTRAINT \"plan_publications_draft_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_publications\" DROP CONSTRAINT \"plan_publications_plan_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_publications_published_by_idx\"");
    await queryRunner.query("DROP TABLE \"plan_publications\"");
  }
}
