/**
 * `npm start`: installs what is missing, makes sure PostgreSQL and Redis answer, builds, migrates,
 * seeds the demo partnership (unless SEED_DEMO=false), then serves the API with the web client and
 * runs the worker, until Ctrl+C.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  defaultDatabaseUrl,
  defaultRedisUrl,
  elapsed,
  ensureDatabase,
  ensureDependencies,
  ensureServices,
  fail,
  root,
  run,
  say,
  startChild,
  toolEnv,
} from './bootstrap.mjs';

const started = Date.now();
const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;
const seed = !['false', '0', 'no'].includes((process.env.SEED_DEMO ?? 'true').toLowerCase());
const env = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  SEED_DEMO: String(seed),
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  ...toolEnv,
};

try {
  ensureDependencies();
  await ensureServices({ databaseUrl, redisUrl });
  await ensureDatabase(databaseUrl);
  say('Building the API, the worker and the web client…');
  run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { env });
  say('Applying database migrations…');
  run('node', ['apps/api/dist/database/migrate.js', 'up'], { env });
} catch (error) {
  fail(error.message);
}

const children = [];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 8000).unref();
  Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null,
    ),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Passes a child's JSON log lines through, and calls back on the line that says it is ready. */
/** The flags each entry point runs with, the same everywhere (decision 27). */
const nodeFlags = JSON.parse(readFileSync(join(root, 'apps/api/node-flags.json'), 'utf8'));

function launch(name, script, readyEvent, onReady) {
  const entry = script.replace(/^.*\/(\w+)\.js$/, '$1');
  const child = startChild('node', [...nodeFlags[entry], script], env);
  children.push(child);
  createInterface({ input: child.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    try {
      const entry = JSON.parse(line);
      if (entry.event === readyEvent) onReady(entry);
    } catch {
      // plain text lines are passed through as they are
    }
  });
  child.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`\n${name} stopped (exit ${code}); stopping Commonplan.\n`);
      stopAll(code || 1);
    }
  });
}

const password = process.env.DEMO_PASSWORD ?? 'commonplan-demo';
launch('the worker', 'apps/api/dist/worker.js', 'worker_ready', () => undefined);
launch('the API', 'apps/api/dist/main.js', 'listening', (entry) => {
  const address = process.env.PUBLIC_URL ?? `http://localhost:${entry.port}`;
  const lines = [
    '',
    `  Commonplan is running at \x1b[1m${address}\x1b[0m  (ready in ${elapsed(started)})`,
    `  API: ${address}/api   OpenAPI: ${address}/api/docs   Health: ${address}/api/health`,
    '',
  ];
  if (seed) {
    lines.push(
      `  Demo sign-ins (password: ${password}):`,
      '    lead@demo.commonplan.test       partnership lead',
      '    author@demo.commonplan.test     author',
      '    author2@demo.commonplan.test    author',
      '    reviewer@demo.commonplan.test   reviewer',
      '    viewer@demo.commonplan.test     viewer',
      '    admin@demo.commonplan.test      instance administrator',
      '',
    );
  }
  lines.push('  Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n'));
});
