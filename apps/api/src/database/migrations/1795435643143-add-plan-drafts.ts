import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlanDrafts1795435643143 implements MigrationInterface {
  name = 'AddPlanDrafts1795435643143';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"plan_drafts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"label\" character varying(120) NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'queued', \"failure_reason\" text, \"requested_by\" uuid, \"request_key\" character varying(100), \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"ready_at\" TIMESTAMP WITH TIME ZONE, \"sections_total\" integer NOT NULL, \"sections_done\" integer NOT NULL DEFAULT '0', \"attempts\" integer NOT NULL DEFAULT '0', \"words\" integer, \"previous_number\" integer, \"changes_summary\" jsonb, CONSTRAINT \"plan_drafts_plan_id_request_key_key\" UNIQUE (\"plan_id\", \"request_key\"), CONSTRAINT \"plan_drafts_plan_id_number_key\" UNIQUE (\"plan_id\", \"number\"), CONSTRAINT \"plan_drafts_sections_done_check\" CHECK (sections_done >= 0 AND sections_done <= sections_total), CONSTRAINT \"plan_drafts_status_check\" CHECK (status IN ('queued', 'generating', 'ready', 'failed')), CONSTRAINT \"PK_0a81891ab560bd3b8ba3fa67038\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_drafts_requested_by_idx\" ON \"plan_drafts\"  (\"requested_by\") ");
    await queryRunner.query("CREATE TABLE \"plan_draft_sections\" (\"draft_id\" uuid NOT NULL, \"section_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(200) NOT NULL, \"theme\" character varying(32) NOT NULL, \"review_status\" character varying(20) NOT NULL, \"source_updates\" bytea array NOT NULL DEFAULT '{}', \"yjs_state\" bytea, \"content\" jsonb, \"blocks\" jsonb, \"html\" text, \"markdown\" text, \"words\" integer, CONSTRAINT \"plan_draft_sections_review_status_check\" CHECK (review_status IN ('draft', 'in_review', 'changes_requested', 'approved')), CONSTRAINT \"plan_draft_sections_theme_check\" CHECK (theme IN ('health_and_wellbeing', 'care_and_quality', 'finance_and_efficiency', 'enabler', 'engagement', 'other')), CONSTRAINT \"PK_05709c4312311137986eb25d171\" PRIMARY KEY (\"draft_id\", \"section_id\"))");
    await queryRunner.query("CREATE INDEX \"plan_draft_sections_draft_id_position_idx\" ON \"plan_draft_sections\"  (\"draft_id\", \"position\") ");
    await queryRunner.query("ALTER TABLE \"plan_drafts\" ADD CONSTRAINT \"plan_drafts_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_drafts\" ADD CONSTRAINT \"plan_drafts_requested_by_fkey\" FOREIGN KEY (\"requested_by\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_draft_sections\" ADD CONSTRAINT \"plan_draft_sections_draft_id_fkey\" FOREIGN KEY (\"draft_id\") REFERENCES \"plan_drafts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_draft_sections\" DROP CONSTRAINT \"plan_draft_sections_draft_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_drafts\" DROP CONSTRAINT \"plan_drafts_requested_by_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_drafts\" DROP CONSTRAINT \"plan_drafts_plan_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_draft_sections_draft_id_position_idx\"");
    await queryRunner.query("DROP TABLE \"plan_draft_sections\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_drafts_requested_by_idx\"");
    await queryRunner.query("DROP TABLE \"plan_drafts\"");
  }
}
