import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDraftSchedules1795446007577 implements MigrationInterface {
  name = 'AddDraftSchedules1795446007577';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"draft_schedules\" (\"plan_id\" uuid NOT NULL, \"days\" character varying(9) array NOT NULL, \"time_of_day\" character varying(5) NOT NULL, \"only_if_changed\" boolean NOT NULL DEFAULT true, \"enabled\" boolean NOT NULL DEFAULT true, \"label_pattern\" character varying(90) NOT NULL, \"next_run_at\" TIMESTAMP WITH TIME ZONE, \"last_run_at\" TIMESTAMP WITH TIME ZONE, \"last_outcome\" character varying(16), \"last_draft_id\" uuid, \"updated_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"draft_schedules_last_outcome_check\" CHECK (last_outcome IN ('made', 'unchanged', 'no_sections')), CONSTRAINT \"draft_schedules_time_of_day_check\" CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT \"draft_schedules_days_check\" CHECK (cardinality(days) >= 1 AND days <@ ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']::varchar[]), CONSTRAINT \"PK_8a984910105d7b0575154ac15b2\" PRIMARY KEY (\"plan_id\"))");
    await queryRunner.query("CREATE INDEX \"draft_schedules_last_draft_id_idx\" ON \"draft_schedules\"  (\"last_draft_id\") ");
    await queryRunner.query("CREATE INDEX \"draft_schedules_updated_by_idx\" ON \"draft_schedules\"  (\"updated_by\") ");
    await queryRunner.query("CREATE INDEX \"draft_schedules_next_run_at_idx\" ON \"draft_schedules\"  (\"next_run_at\") WHERE enabled");
    await queryRunner.query("CREATE INDEX \"plan_drafts_queued_requested_at_idx\" ON \"plan_drafts\"  (\"requested_at\") WHERE status = 'queued'");
    await queryRunner.query("ALTER TABLE \"draft_schedules\" ADD CONSTRAINT \"draft_schedules_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"draft_schedules\" ADD CONSTRAINT \"draft_schedules_last_draft_id_fkey\" FOREIGN KEY (\"last_draft_id\") REFERENCES \"plan_drafts\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"draft_schedules\" ADD CONSTRAINT \"draft_schedules_updated_by_fkey\" FOREIGN KEY (\"updated_by\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"draft_schedules\" DROP CONSTRAINT \"draft_schedules_updated_by_fkey\"");
    await queryRunner.query("ALTER TABLE \"draft_schedules\" DROP CONSTRAINT \"draft_schedules_last_draft_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"draft_schedules\" DROP CONSTRAINT \"draft_schedules_plan_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_drafts_queued_requested_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"draft_schedules_next_run_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"draft_schedules_updated_by_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"draft_schedules_last_draft_id_idx\"");
    await queryRunner.query("DROP TABLE \"draft_schedules\"");
  }
}
