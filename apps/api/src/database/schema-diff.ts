import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/** What SQL would bring the database in line with the entities: nothing, when migrations match. */
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((query) => query.query),
    down: sql.downQueries.map((query) => query.query),
  };
}
