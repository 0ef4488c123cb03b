/**
 * What `npm start` and `npm test` both need before anything else: dependencies installed,
 * PostgreSQL and Redis answering (started with Docker Compose when they are not and a Docker
 * engine is there), and the database present. Uses only Node's own modules until the install is done.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/commonplan';
export const defaultRedisUrl = 'redis://127.0.0.1:6379';

const stampFile = `${root}node_modules/.commonplan-install-stamp`;

export function say(message) {
  process.stdout.write(`\x1b[1m›\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\n\x1b[31m✗\x1b[0m ${message}\n\n`);
  process.exit(1);
}

/** Runs a command in the repository, streaming its output; throws when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, ...toolEnv, ...options.env },
  });
  if (result.status !== 0) {
    const error = new Error(
      `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`,
    );
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

/** Nx runs offline and without its daemon, the same here as in CI. */
export const toolEnv = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? 'false',
};

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(`${root}package-lock.json`))
    .digest('hex');
}

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json. `npm install`
 * rather than `npm ci`: it installs exactly what the lock file names, and npm 11 writes lock files
 * without other platforms' optional packages, which `npm ci` then refuses.
 */
export function ensureDependencies() {
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash()) return;
  say('Installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(stampFile, lockHash());
}

async function postgresAnswers(url) {
  const { default: pg } = await import('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function dockerEngineAnswers() {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check, seconds) {
  for (let i = 0; i < seconds; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

/** Makes sure PostgreSQL and Redis answer, starting them with Docker Compose if that is possible. */
export async function ensureServices({ databaseUrl, redisUrl }) {
  let postgresUp = await postgresAnswers(databaseUrl);
  let redisUp = await redisAnswers(redisUrl);
  if (postgresUp && redisUp) return;
  const missing = [!postgresUp && 'postgres', !redisUp && 'redis'].filter(Boolean);
  if (dockerEngineAnswers()) {
    say(`Starting ${missing.join(' and ')} with Docker Compose…`);
    run('docker', ['compose', 'up', '-d', '--wait', ...missing]);
    postgresUp = await waitFor(() => postgresAnswers(databaseUrl), 60);
    redisUp = await waitFor(() => redisAnswers(redisUrl), 30);
    if (postgresUp && redisUp) return;
  }
  const lines = ['Commonplan needs PostgreSQL and Redis, and could not reach:'];
  if (!postgresUp) {
    const where = new URL(databaseUrl);
    lines.push(
      `  • PostgreSQL at ${where.host} (DATABASE_URL). Start it, for example:`,
      '      pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      '    or set DATABASE_URL to a PostgreSQL 15+ server you can use.',
    );
  }
  if (!redisUp) {
    const where = new URL(redisUrl);
    lines.push(
      `  • Redis at ${where.host} (REDIS_URL). Start it, for example:`,
      '      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
      '    or set REDIS_URL to a Redis 7+ server you can use.',
    );
  }
  lines.push(
    '  (With a Docker engine running, `npm start` starts both from docker-compose.yml by itself.)',
  );
  fail(lines.join('\n'));
}

/** Creates the application database when the server has no database of that name yet. */
export async function ensureDatabase(url) {
  const { default: pg } = await import('pg');
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    fail(`DATABASE_URL names a database "${name}": use letters, digits, - and _ only.`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      say(`Creating database ${name}…`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}

/** Starts a long-running child that shares this terminal. */
export function startChild(command, args, env) {
  return spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
}

export function elapsed(since) {
  const seconds = (Date.now() - since) / 1000;
  return seconds < 60
    ? `${seconds.toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
