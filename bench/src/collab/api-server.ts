/**
 * The real API, started from its build as a child process on a free port of 127.0.0.1, and what the
 * kernel says about its CPU time and memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sleep } from './clock.js';
import type { HeapProbeAnswer } from './heap-probe.js';
import { workspaceRoot } from './workspace.js';

/** The node flags the API runs with in production (decision 27), so the bench measures the same. */
const apiNodeFlags = (): { main: string[] } =>
  JSON.parse(readFileSync(join(workspaceRoot, 'apps/api/node-flags.json'), 'utf8')) as {
    main: string[];
  };

/** Where this file's build lives, and heap-probe.js beside it. */
const benchDist = dirname(fileURLToPath(import.meta.url));

export interface ApiServer {
  baseUrl: string;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
  /**
   * The API's live heap after a full garbage collection, in KiB; only for a server started with
   * `heapProbe`.
   */
  heapUsedKb(): Promise<number>;
}

export interface ApiServerOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  env?: Record<string, string>;
  /** Extra arguments for node, e.g. `--cpu-prof` (from BENCH_API_NODE_ARGS). */
  nodeArgs?: string[];
  /** Load heap-probe.js into the API, so `heapUsedKb()` can ask it for its live heap. */
  heapProbe?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      // The production flags first: a flag given for a run (BENCH_API_NODE_ARGS) overrides them.
      ...apiNodeFlags().main,
      ...(options.nodeArgs ?? []),
      ...(options.heapProbe
        ? ['--expose-gc', '--import', pathToFileURL(join(benchDist, 'heap-probe.js')).href]
        : []),
      join(workspaceRoot, 'apps/api/dist/main.js'),
    ],
    {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: options.redisPrefix,
        ...(options.heapProbe ? { BENCH_HEAP_PROBE: '1' } : {}),
        ...options.env,
      },
      stdio: options.heapProbe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  const heapUsedKb = async () => {
    if (!options.heapProbe) throw new Error('the API was started without the heap probe');
    const answer = new Promise<HeapProbeAnswer>((resolve) =>
      child.once('message', (message) => resolve(message as HeapProbeAnswer)),
    );
    child.send('heap');
    return (await answer).liveBytes / 1024;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the API exited before it answered:\n${output.join('')}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer in time:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { baseUrl, pid: child.pid!, process: child, stop, heapUsedKb };
}

const clockTicksPerSecond = 100;

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; fields are counted from the closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicksPerSecond;
}

/**
 * How long a process's main thread (for Node, its event loop) has waited, runnable, for a CPU so
 * far, in milliseconds (the kernel's schedstat): on a machine whose cores the load generators and
 * PostgreSQL share, the part of latency no code of the server's can remove. Null where the kernel
 * does not keep it.
 */
export function processRunQueueWaitMs(pid: number): number | null {
  try {
    const [, waitingNs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
    const ns = Number(waitingNs);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process, in kB. */
export function processRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

/** Signs in over REST and returns the session cookie, as `cp_session=…`. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('cp_session='));
  if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
  return cookie;
}
