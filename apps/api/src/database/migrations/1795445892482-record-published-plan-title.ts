import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each publication keeps the plan's title as it was published (publications made before take the title now). */
export class RecordPublishedPlanTitle1795445892482 implements MigrationInterface {
  name = 'RecordPublishedPlanTitle1795445892482';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plan_publications" ADD "plan_title" character varying(200)');
    await queryRunner.query(
      'UPDATE "plan_publications" p SET "plan_title" = plans.title FROM plans WHERE plans.id = p.plan_id',
    );
    await queryRunner.query('ALTER TABLE "plan_publications" ALTER COLUMN "plan_title" SET NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plan_publications" DROP COLUMN "plan_title"');
  }
}
