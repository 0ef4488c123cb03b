import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail can only grow: the database itself refuses to change or remove a row. */
export class MakeAuditEventsAppendOnly1795423540990 implements MigrationInterface {
  name = 'MakeAuditEventsAppendOnly1795423540990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_events_no_truncate ON audit_events');
    await queryRunner.query('DROP TRIGGER audit_events_append_only ON audit_events');
    await queryRunner.query('DROP FUNCTION audit_events_refuse_change()');
  }
}
