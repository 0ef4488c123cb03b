import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795423539990 implements MigrationInterface {
  name = 'InitialSchema1795423539990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" BIGSERIAL NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"footprint_id\" uuid, \"actor_id\" uuid, \"action\" character varying(64) NOT NULL, \"entity_type\" character varying(32) NOT NULL, \"entity_id\" character varying(64), \"details\" jsonb NOT NULL DEFAULT '{}'::jsonb, \"ip\" character varying(64), \"request_id\" character varying(64), CONSTRAINT \"PK_910f64d901a5c3e9878f0d4a407\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_events_actor_id_idx\" ON \"audit_events\"  (\"actor_id\") ");
    await queryRunner.query("CREATE INDEX \"audit_events_footprint_id_id_idx\" ON \"audit_events\"  (\"footprint_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"organisations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"kind\" character varying(16) NOT NULL, \"ods_code\" character varying(10), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"organisations_kind_check\" CHECK (kind IN ('nhs_trust', 'ccg', 'icb', 'council', 'other')), CONSTRAINT \"PK_7bf54cba378d5b2f1d4c10ef4df\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"organisations_ods_code_key\" ON \"organisations\"  (\"ods_code\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(320) NOT NULL, \"name\" character varying(200) NOT NULL, \"password_hash\" text, \"organisation_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"users_email_key\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE INDEX \"users_organisation_id_idx\" ON \"users\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"instance_admins\" (\"user_id\" uuid NOT NULL, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_23a6da751a6891fd56a8c5fef7b\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"token_hash\" character(64) NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ip\" character varying(64), \"user_agent\" character varying(400), CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"sessions_token_hash_key\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"sessions_user_id_idx\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"sessions_expires_at_idx\" ON \"sessions\"  (\"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"footprints\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"slug\" character varying(80) NOT NULL, \"region\" character varying(100) NOT NULL, \"population\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f97ca3dd2d80d0ea40eead48dcf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"footprints_slug_key\" ON \"footprints\"  (\"slug\") ");
    await queryRunner.query("CREATE TABLE \"memberships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"footprint_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"memberships_footprint_id_user_id_key\" UNIQUE (\"footprint_id\", \"user_id\"), CONSTRAINT \"memberships_role_check\" CHECK (role IN ('lead', 'author', 'reviewer', 'viewer')), CONSTRAINT \"PK_25d28bd932097a9e90495ede7b4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"memberships_user_id_idx\" ON \"memberships\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"footprint_id\" uuid NOT NULL, \"email\" character varying(320) NOT NULL, \"role\" character varying(16) NOT NULL, \"organisation_id\" uuid, \"token_hash\" character(64) NOT NULL, \"invited_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"invitations_role_check\" CHECK (role IN ('lead', 'author', 'reviewer', 'viewer')), CONSTRAINT \"PK_5dec98cfdfd562e4ad3648bbb07\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"invitations_token_hash_key\" ON \"invitations\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"invitations_footprint_id_created_at_idx\" ON \"invitations\"  (\"footprint_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"plans\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"footprint_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"slug\" character varying(80) NOT NULL, \"kind\" character varying(48) NOT NULL, \"period_start\" character varying(7) NOT NULL, \"period_end\" character varying(7) NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'drafting', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"plans_footprint_id_slug_key\" UNIQUE (\"footprint_id\", \"slug\"), CONSTRAINT \"plans_status_check\" CHECK (status IN ('drafting', 'consultation', 'published', 'archived')), CONSTRAINT \"plans_kind_check\" CHECK (kind IN ('sustainability_and_transformation_plan', 'integrated_care_strategy', 'joint_forward_plan', 'other')), CONSTRAINT \"PK_3720521a81c7c24fe9b7202ba61\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"sections\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(200) NOT NULL, \"theme\" character varying(32) NOT NULL, \"lead_organisation_id\" uuid, \"review_status\" character varying(20) NOT NULL DEFAULT 'draft', \"due_date\" date, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"sections_review_status_check\" CHECK (review_status IN ('draft', 'in_review', 'changes_requested', 'approved')), CONSTRAINT \"sections_theme_check\" CHECK (theme IN ('health_and_wellbeing', 'care_and_quality', 'finance_and_efficiency', 'enabler', 'engagement', 'other')), CONSTRAINT \"PK_f9749dd3bffd880a497d007e450\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"sections_lead_organisation_id_idx\" ON \"sections\"  (\"lead_organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"sections_plan_id_position_idx\" ON \"sections\"  (\"plan_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"section_assignees\" (\"section_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"kind\" character varying(8) NOT NULL, CONSTRAINT \"section_assignees_kind_check\" CHECK (kind IN ('author', 'reviewer')), CONSTRAINT \"PK_dfd974dd684f0e4fa1ab6e473c1\" PRIMARY KEY (\"section_id\", \"user_id\", \"kind\"))");
    await queryRunner.query("CREATE INDEX \"section_assignees_user_id_idx\" ON \"section_assignees\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"footprint_organisations\" (\"footprint_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, CONSTRAINT \"PK_da6d9b38e62e0908551d66c21e2\" PRIMARY KEY (\"footprint_id\", \"organisation_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_33e50c6261db605b9ad694c6a0\" ON \"footprint_organisations\"  (\"footprint_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_be8a5db16eaa0c9849fa7da2f4\" ON \"footprint_organisations\"  (\"organisation_id\") ");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"users_organisation_id_fkey\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"instance_admins\" ADD CONSTRAINT \"instance_admins_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"sessions_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"memberships_footprint_id_fkey\" FOREIGN KEY (\"footprint_id\") REFERENCES \"footprints\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"memberships_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"invitations_footprint_id_fkey\" FOREIGN KEY (\"footprint_id\") REFERENCES \"footprints\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"invitations_organisation_id_fkey\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"invitations_invited_by_id_fkey\" FOREIGN KEY (\"invited_by_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plans\" ADD CONSTRAINT \"plans_footprint_id_fkey\" FOREIGN KEY (\"footprint_id\") REFERENCES \"footprints\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sections\" ADD CONSTRAINT \"sections_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sections\" ADD CONSTRAINT \"sections_lead_organisation_id_fkey\" FOREIGN KEY (\"lead_organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"section_assignees\" ADD CONSTRAINT \"section_assignees_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"section_assignees\" ADD CONSTRAINT \"section_assignees_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"footprint_organisations\" ADD CONSTRAINT \"footprint_organisations_footprint_id_fkey\" FOREIGN KEY (\"footprint_id\") REFERENCES \"footprints\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE");
    await queryRunner.query("ALTER TABLE \"footprint_organisations\" ADD CONSTRAINT \"footprint_organisations_organisation_id_fkey\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"footprint_organisations\" DROP CONSTRAINT \"footprint_organisations_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"footprint_organisations\" DROP CONSTRAINT \"footprint_organisations_footprint_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"section_assignees\" DROP CONSTRAINT \"section_assignees_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"section_assignees\" DROP CONSTRAINT \"section_assignees_section_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"sections\" DROP CONSTRAINT \"sections_lead_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"sections\" DROP CONSTRAINT \"sections_plan_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP CONSTRAINT \"plans_footprint_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"invitations_invited_by_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"invitations_organisation_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"invitations_footprint_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"memberships_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"memberships_footprint_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"sessions_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"instance_admins\" DROP CONSTRAINT \"instance_admins_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"users_organisation_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_be8a5db16eaa0c9849fa7da2f4\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_33e50c6261db605b9ad694c6a0\"");
    await queryRunner.query("DROP TABLE \"footprint_organisations\"");
    await queryRunner.query("DROP INDEX \"public\".\"section_assignees_user_id_idx\"");
    await queryRunner.query("DROP TABLE \"section_assignees\"");
    await queryRunner.query("DROP INDEX \"public\".\"sections_plan_id_position_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"sections_lead_organisation_id_idx\"");
    await queryRunner.query("DROP TABLE \"sections\"");
    await queryRunner.query("DROP TABLE \"plans\"");
    await queryRunner.query("DROP INDEX \"public\".\"invitations_footprint_id_created_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"invitations_token_hash_key\"");
    await queryRunner.query("DROP TABLE \"invitations\"");
    await queryRunner.query("DROP INDEX \"public\".\"memberships_user_id_idx\"");
    await queryRunner.query("DROP TABLE \"memberships\"");
    await queryRunner.query("DROP INDEX \"public\".\"footprints_slug_key\"");
    await queryRunner.query("DROP TABLE \"footprints\"");
    await queryRunner.query("DROP INDEX \"public\".\"sessions_expires_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"sessions_user_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"sessions_token_hash_key\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP TABLE \"instance_admins\"");
    await queryRunner.query("DROP INDEX \"public\".\"users_organisation_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"users_email_key\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"organisations_ods_code_key\"");
    await queryRunner.query("DROP TABLE \"organisations\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_events_footprint_id_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_events_actor_id_idx\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
  }
}
