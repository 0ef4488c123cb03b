import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReviewsNotificationsAndDailyWords1795435397600 implements MigrationInterface {
  name = 'AddReviewsNotificationsAndDailyWords1795435397600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"section_review_events\" (\"id\" BIGSERIAL NOT NULL, \"section_id\" uuid NOT NULL, \"kind\" character varying(24) NOT NULL, \"from_status\" character varying(20) NOT NULL, \"to_status\" character varying(20) NOT NULL, \"actor_id\" uuid, \"note\" text, \"reviewer_ids\" uuid array NOT NULL DEFAULT '{}', \"approved_state\" bytea, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"section_review_events_to_status_check\" CHECK (to_status IN ('draft', 'in_review', 'changes_requested', 'approved')), CONSTRAINT \"section_review_events_from_status_check\" CHECK (from_status IN ('draft', 'in_review', 'changes_requested', 'approved')), CONSTRAINT \"section_review_events_kind_check\" CHECK (kind IN ('review_requested', 'approved', 'changes_requested', 'approval_confirmed', 'approval_withdrawn')), CONSTRAINT \"PK_e5735ce6b3ee000610aa37329cf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"section_review_events_actor_id_idx\" ON \"section_review_events\"  (\"actor_id\") ");
    await queryRunner.query("CREATE INDEX \"section_review_events_section_id_id_idx\" ON \"section_review_events\"  (\"section_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"recipient_id\" uuid NOT NULL, \"footprint_id\" uuid NOT NULL, \"plan_id\" uuid, \"section_id\" uuid, \"kind\" character varying(24) NOT NULL, \"actor_id\" uuid, \"text\" character varying(300) NOT NULL, \"link\" character varying(300) NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"notifications_kind_check\" CHECK (kind IN ('mentioned', 'review_requested', 'section_approved', 'changes_requested', 'thread_reply', 'draft_ready')), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"notifications_footprint_id_idx\" ON \"notifications\"  (\"footprint_id\") ");
    await queryRunner.query("CREATE INDEX \"notifications_plan_id_idx\" ON \"notifications\"  (\"plan_id\") ");
    await queryRunner.query("CREATE INDEX \"notifications_section_id_idx\" ON \"notifications\"  (\"section_id\") ");
    await queryRunner.query("CREATE INDEX \"notifications_actor_id_idx\" ON \"notifications\"  (\"actor_id\") ");
    await queryRunner.query("CREATE INDEX \"notifications_recipient_id_unread_idx\" ON \"notifications\"  (\"recipient_id\") WHERE read_at IS NULL");
    await queryRunner.query("CREATE INDEX \"notifications_recipient_id_created_at_idx\" ON \"notifications\"  (\"recipient_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"plan_mutes\" (\"user_id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5aebc4fb1b3ba08e4ce413040e7\" PRIMARY KEY (\"user_id\", \"plan_id\"))");
    await queryRunner.query("CREATE INDEX \"plan_mutes_plan_id_idx\" ON \"plan_mutes\"  (\"plan_id\") ");
    await queryRunner.query("CREATE TABLE \"section_daily_words\" (\"section_id\" uuid NOT NULL, \"day\" date NOT NULL, \"words\" integer NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e64947c85ed19b4b292a3c34d78\" PRIMARY KEY (\"section_id\", \"day\"))");
    await queryRunner.query("ALTER TABLE \"section_review_events\" ADD CONSTRAINT \"section_review_events_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"section_review_events\" ADD CONSTRAINT \"section_review_events_actor_id_fkey\" FOREIGN KEY (\"actor_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_recipient_id_fkey\" FOREIGN KEY (\"recipient_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_footprint_id_fkey\" FOREIGN KEY (\"footprint_id\") REFERENCES \"footprints\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_actor_id_fkey\" FOREIGN KEY (\"actor_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_mutes\" ADD CONSTRAINT \"plan_mutes_user_id_fkey\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_mutes\" ADD CONSTRAINT \"plan_mutes_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"section_daily_words\" ADD CONSTRAINT \"section_daily_words_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"section_daily_words\" DROP CONSTRAINT \"section_daily_words_section_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_mutes\" DROP CONSTRAINT \"plan_mutes_plan_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"plan_mutes\" DROP CONSTRAINT \"plan_mutes_user_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_actor_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_section_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_plan_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_footprint_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_recipient_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"section_review_events\" DROP CONSTRAINT \"section_review_events_actor_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"section_review_events\" DROP CONSTRAINT \"section_review_events_section_id_fkey\"");
    await queryRunner.query("DROP TABLE \"section_daily_words\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_mutes_plan_id_idx\"");
    await queryRunner.query("DROP TABLE \"plan_mutes\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_recipient_id_created_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_recipient_id_unread_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_actor_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_section_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_plan_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_footprint_id_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"section_review_events_section_id_id_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"section_review_events_actor_id_idx\"");
    await queryRunner.query("DROP TABLE \"section_review_events\"");
  }
}
