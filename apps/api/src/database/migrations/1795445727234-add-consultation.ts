import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConsultation1795445727234 implements MigrationInterface {
  name = 'AddConsultation1795445727234';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"plan_consultations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"opens_on\" date NOT NULL, \"closes_on\" date NOT NULL, \"closed_early_at\" TIMESTAMP WITH TIME ZONE, \"opened_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"plan_consultations_plan_id_key\" UNIQUE (\"plan_id\"), CONSTRAINT \"plan_consultations_dates_check\" CHECK (closes_on >= opens_on), CONSTRAINT \"PK_3289f28d9e1a77c6dd0fb8828d8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_consultations_opened_by_idx\" ON \"plan_consultations\"  (\"opened_by\") ");
    await queryRunner.query("CREATE TABLE \"consultation_responses\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"publication_id\" uuid NOT NULL, \"section_id\" uuid, \"section_title\" character varying(200), \"respondent_type\" character varying(20) NOT NULL, \"organisation_name\" character varying(200), \"name\" character varying(120), \"email\" character varying(254), \"body\" text NOT NULL, \"body_hash\" character varying(64) NOT NULL, \"status\" character varying(16) NOT NULL, \"spam_reasons\" text array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"moderated_at\" TIMESTAMP WITH TIME ZONE, \"moderated_by\" uuid, \"contact_erased_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"consultation_responses_respondent_type_check\" CHECK (respondent_type IN ('patient', 'public', 'staff', 'organisation')), CONSTRAINT \"consultation_responses_status_check\" CHECK (status IN ('pending', 'accepted', 'rejected', 'spam')), CONSTRAINT \"PK_0828454d802d449776a462a45ce\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"consultation_responses_publication_id_idx\" ON \"consultation_responses\"  (\"publication_id\") ");
    await queryRunner.query("CREATE INDEX \"consultation_responses_moderated_by_idx\" ON \"consultation_responses\"  (\"moderated_by\") ");
    await queryRunner.query("CREATE INDEX \"consultation_responses_plan_id_body_hash_idx\" ON \"consultation_responses\"  (\"plan_id\", \"body_hash\") ");
    await queryRunner.query("CREATE INDEX \"consultation_responses_plan_id_status_created_at_idx\" ON \"consultation_responses\"  (\"plan_id\", \"status\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"plan_consultations\" ADD CONSTRAINT \"plan_consultations_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_consultations\" ADD CONSTRAINT \"plan_consultations_opened_by_fkey\" FOREIGN KEY (\"opened_by\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_responses\" ADD CONSTRAINT \"consultation_responses_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_responses\" ADD CONSTRAINT \"consultation_responses_publication_id_fkey\" FOREIGN KEY (\"publication_id\") REFERENCES \"plan_publications\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_responses\" ADD CONSTRAINT \"consultation_responses_moderated_by_fkey\" FOREIGN KEY (\"moderated_by\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consultation_responses\" DROP CONSTRAINT \"consultation_responses_moderated_by_fkey\"");
    await queryRunner.query("ALTER TABLE \"consultation_responses\" DROP CONSTRAINT \"consultation_responses_publication_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"consultation_responses\" DROP CONSTRAINT \"consultation_responses_plan_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_consultations\" DROP CONSTRAINT \"plan_consultations_opened_by_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_consultations\" DROP CONSTRAINT \"plan_consultations_plan_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_responses_plan_id_status_created_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_responses_plan_id_body_hash_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_responses_moderated_by_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_responses_publication_id_idx\"");
    await queryRunner.query("DROP TABLE \"consultation_responses\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_consultations_opened_by_idx\"");
    await queryRunner.query("DROP TABLE \"plan_consultations\"");
  }
}
