import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCommentThreads1795435204839 implements MigrationInterface {
  name = 'AddCommentThreads1795435204839';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"comments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"thread_id\" uuid NOT NULL, \"author_id\" uuid, \"body\" text NOT NULL, \"mentioned_user_ids\" uuid array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"edited_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_8bf68bc960f2b69e818bdb90dcb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"comments_author_id_idx\" ON \"comments\"  (\"author_id\") ");
    await queryRunner.query("CREATE INDEX \"comments_thread_id_created_at_idx\" ON \"comments\"  (\"thread_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"comment_threads\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"section_id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"anchor_start\" character varying(200) NOT NULL, \"anchor_end\" character varying(200) NOT NULL, \"quoted_text\" text NOT NULL, \"status\" character varying(8) NOT NULL DEFAULT 'open', \"resolved_by_id\" uuid, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"comment_threads_status_check\" CHECK (status IN ('open', 'resolved')), CONSTRAINT \"PK_ec42aef8a8a2818072e63e1745f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"comment_threads_created_by_id_idx\" ON \"comment_threads\"  (\"created_by_id\") ");
    await queryRunner.query("CREATE INDEX \"comment_threads_plan_id_status_idx\" ON \"comment_threads\"  (\"plan_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"comment_threads_section_id_created_at_idx\" ON \"comment_threads\"  (\"section_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"comments\" ADD CONSTRAINT \"comments_thread_id_fkey\" FOREIGN KEY (\"thread_id\") REFERENCES \"comment_threads\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"comments\" ADD CONSTRAINT \"comments_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"comment_threads\" ADD CONSTRAINT \"comment_threads_section_id_fkey\" FOREIGN KEY (\"section_id\") REFERENCES \"sections\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"comment_threads\" ADD CONSTRAINT \"comment_threads_plan_id_fkey\" FOREIGN KEY (\"plan_id\") REFERENCES \"plans\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"comment_threads\" ADD CONSTRAINT \"comment_threads_resolved_by_id_fkey\" FOREIGN KEY (\"resolved_by_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"comment_threads\" ADD CONSTRAINT \"comment_threads_created_by_id_fkey\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"comment_threads\" DROP CONSTRAINT \"comment_threads_created_by_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"comment_threads\" DROP CONSTRAINT \"comment_threads_resolved_by_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"comment_threads\" DROP CONSTRAINT \"comment_threads_plan_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"comment_threads\" DROP CONSTRAINT \"comment_threads_section_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"comments\" DROP CONSTRAINT \"comments_author_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"comments\" DROP CONSTRAINT \"comments_thread_id_fkey\"");
    await queryRunner.query("DROP INDEX \"public\".\"comment_threads_section_id_created_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"comment_threads_plan_id_status_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"comment_threads_created_by_id_idx\"");
    await queryRunner.query("DROP TABLE \"comment_threads\"");
    await queryRunner.query("DROP INDEX \"public\".\"comments_thread_id_created_at_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"comments_author_id_idx\"");
    await queryRunner.query("DROP TABLE \"comments\"");
  }
}
