import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { EnvReader } from '../config/env-reader.js';
import { databaseConfig } from './database.config.js';
import { dataSourceOptions } from './data-source-options.js';
import { schemaDiff } from './schema-diff.js';

/**
 * Writes a migration with the SQL that brings a migrated database in line with the entities.
 * Usage: DATABASE_URL=... node dist/database/generate-migration.js <kebab-case-name>
 */
async function main(name: string | undefined): Promise<void> {
  if (!name || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))
    throw new Error('give the migration a kebab-case name, like add-section-due-dates');
  const reader = new EnvReader(process.env);
  const config = databaseConfig(reader);
  reader.check();
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const diff = await schemaDiff(dataSource);
    if (diff.up.length === 0) {
      process.stdout.write('the entities match the migrations: nothing to generate\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}${timestamp}`;
    const quote = (query: string) => `    await queryRunner.query(${JSON.stringify(query)});`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${[...diff.down].reverse().map(quote).join('\n')}
  }
}
`;
    const path = fileURLToPath(
      new URL(`../../src/database/migrations/${timestamp}-${name}.ts`, import.meta.url),
    );
    writeFileSync(path, file);
    process.stdout.write(`wrote ${path}\nadd ${className} to src/database/migrations/index.ts\n`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
