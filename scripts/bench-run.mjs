/**
 * What every benchmark command does before its harness runs: install what is missing, make sure
 * PostgreSQL and Redis answer (as `npm start` does), build the API, the shared libraries and the
 * bench, then run the harness (a script under bench/dist) with the command's own arguments.
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

export async function runBench(harness) {
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
    run(process.execPath, [harness, ...process.argv.slice(2)], {
      env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
    });
  } catch (error) {
    fail(`the benchmark failed: ${error.message}`);
  }
}
