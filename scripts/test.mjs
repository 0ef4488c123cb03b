/**
 * `npm test`: the same bootstrap as `npm start` (dependencies, PostgreSQL and Redis, Chromium for
 * the browser tests), then formatting, lint, type checks, the build, and every project's tests.
 * Each jest run creates its own database and Redis key prefix and removes them afterwards.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import {
  defaultDatabaseUrl,
  defaultRedisUrl,
  elapsed,
  ensureDependencies,
  ensureServices,
  fail,
  root,
  run,
  say,
} from './bootstrap.mjs';
import { ensureChromium } from './chromium.mjs';

const started = Date.now();
const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;
const reports = `${root}tmp/test-reports`;
const timings = [];

function step(name, work) {
  const at = Date.now();
  say(name);
  try {
    work();
  } catch (error) {
    summarise();
    fail(`${name} failed: ${error.message}`);
  } finally {
    timings.push([name, elapsed(at)]);
  }
}

/** Adds up what every jest run reported, into one closing line. */
function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let reported = false;
  if (existsSync(reports)) {
    for (const name of readdirSync(reports).filter((file) => file.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(`${reports}/${name}`, 'utf8'));
      reported = true;
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests;
    }
  }
  process.stdout.write(
    `\n${timings.map(([name, time]) => `  ${time.padStart(10)}  ${name}`).join('\n')}\n  ${elapsed(started).padStart(10)}  in all\n\n`,
  );
  if (reported) {
    process.stdout.write(
      `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
  return failed;
}

try {
  ensureDependencies();
  await ensureServices({ databaseUrl, redisUrl });
  ensureChromium();
} catch (error) {
  fail(error.message);
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };

step('Checking formatting (prettier)', () =>
  run('npx', ['prettier', '--check', '.', '--log-level=warn'], { env }),
);
step('Linting (eslint, module boundaries)', () => {
  // The module-boundary rule reads Nx's project graph; on a clean clone it must be computed first,
  // or the rule quietly skips every file.
  run('npx', ['nx', 'show', 'projects'], { env, quiet: true });
  run('npx', ['eslint', '--max-warnings=0', 'scripts', 'jest.preset.js', 'eslint.config.js'], {
    env,
  });
  run('npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'], { env });
});
step('Building', () =>
  run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { env }),
);
step('Type checking (tsc --noEmit)', () =>
  run('npx', ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static'], { env }),
);
step('Running the tests (unit, integration on PostgreSQL and Redis, browser in Chromium)', () =>
  run(
    'npx',
    ['nx', 'run-many', '-t', 'test', '--outputStyle=static', '--parallel=1', '--skip-nx-cache'],
    { env },
  ),
);
process.exit(summarise() > 0 ? 1 : 0);
