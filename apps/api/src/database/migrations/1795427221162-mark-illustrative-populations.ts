import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MarkIllustrativePopulations1795427221162 implements MigrationInterface {
  name = 'MarkIllustrativePopulations1795427221162';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"footprints\" ADD \"population_is_estimate\" boolean NOT NULL DEFAULT false");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"footprints\" DROP COLUMN \"population_is_estimate\"");
  }
}
