import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDraftNotifications1795446210030 implements MigrationInterface {
  name = 'AddDraftNotifications1795446210030';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The kinds' check is written by hand: generation does not compare check expressions.
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_kind_check\"");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_kind_check\" CHECK (kind IN ('mentioned', 'review_requested', 'section_approved', 'changes_requested', 'thread_reply', 'draft_ready', 'draft_failed'))");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD \"draft_id\" uuid");
    await queryRunner.query("CREATE UNIQUE INDEX \"notifications_draft_id_recipient_id_kind_key\" ON \"notifications\"  (\"draft_id\", \"recipient_id\", \"kind\") ");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_draft_id_fkey\" FOREIGN KEY (\"draft_id\") REFERENCES \"plan_drafts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_draft_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_draft_id_recipient_id_kind_key\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP COLUMN \"draft_id\"");
    await queryRunner.query("DELETE FROM \"notifications\" WHERE kind = 'draft_failed'");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"notifications_kind_check\"");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"notifications_kind_check\" CHECK (kind IN ('mentioned', 'review_requested', 'section_approved', 'changes_requested', 'thread_reply', 'draft_ready'))");
  }
}
