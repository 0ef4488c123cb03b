/**
 * `npm run bench [-- --quick] [-- --out FILE] [-- --servers LIST] [-- --shapes LIST]`: the
 * side-by-side real-time benchmark (Commonplan, y-websocket, Hocuspocus). Builds what it runs (the
 * shared libraries, the API and the bench), makes sure PostgreSQL and Redis answer, then runs the
 * harness in bench/, which creates and drops a database of its own. Not part of `npm test`.
 */
import {
  defaultDatabaseUrl,
  defaultRedisUrl,
  ensureDependencies,
  ensureServices,
  fail,
  run,
  say,
} from './bootstrap.mjs';

const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;

try {
  ensureDependencies();
  await ensureServices({ databaseUrl, redisUrl });
  say('Building the API, the shared libraries and the bench…');
  run('npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    '--projects=domain,protocol,editor,render,collab-client,api,bench',
    '--outputStyle=static',
  ]);
  run(process.execPath, ['bench/dist/collab/run-bench.js', ...process.argv.slice(2)], {
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
  });
} catch (error) {
  fail(`the benchmark failed: ${error.message}`);
}
