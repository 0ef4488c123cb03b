import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { onSharedDatabase, testDatabaseUrl } from './test-database.ts';
import { workspaceRoot } from './workspace.ts';

export interface RunningApi {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  /** Every log line the process printed, parsed when it was JSON. */
  logs: Array<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * The process's live memory after a full garbage collection: the V8 heap in use and the
   * ArrayBuffers it keeps (Yjs updates, rows read from PostgreSQL). Only with `heapProbe`.
   */
  liveHeap(): Promise<LiveHeap>;
}

export interface LiveHeap {
  heapUsed: number;
  arrayBuffers: number;
}

export interface StartApiOptions {
  env?: Record<string, string>;
  /** Which entry point of the API build to run: the HTTP server or the worker. */
  entry?: 'main' | 'worker';
  timeoutMs?: number;
  /** Extra arguments for node, e.g. `--cpu-prof` while finding out where a test's time goes. */
  nodeArgs?: string[];
  /** Load heap-probe.mjs into the process (with `--expose-gc` and an IPC channel) for `liveHeap()`. */
  heapProbe?: boolean;
}

/** The node flags each entry point runs with in production (decision 27), so tests run the same. */
function apiNodeFlags(): Record<'main' | 'worker', string[]> {
  return JSON.parse(
    readFileSync(join(workspaceRoot, 'apps/api/node-flags.json'), 'utf8'),
  ) as Record<'main' | 'worker', string[]>;
}

/**
 * Starts the built API as a real process on a free port, against this run's database and Redis
 * prefix, and resolves once it is listening.
 */
export function startApi(options: StartApiOptions = {}): Promise<RunningApi> {
  const entry = options.entry ?? 'main';
  if (entry === 'worker' && onSharedDatabase())
    return Promise.reject(
      new Error(
        'a worker acts on the whole database: call useOwnDatabase() at the top of the test file',
      ),
    );
  const probe = options.heapProbe
    ? [
        '--expose-gc',
        '--import',
        pathToFileURL(join(workspaceRoot, 'libs/testing/src/heap-probe.mjs')).href,
      ]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...apiNodeFlags()[entry],
      ...(options.nodeArgs ?? []),
      ...probe,
      join(workspaceRoot, `apps/api/dist/${entry}.js`),
    ],
    {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'cp-test:',
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: options.heapProbe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));

  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  const liveHeap = () => {
    if (!options.heapProbe) throw new Error('the API was started without heapProbe');
    return new Promise<LiveHeap>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the heap probe did not answer')), 10_000);
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message as LiveHeap);
      });
      child.send('heap');
    });
  };

  return new Promise<RunningApi>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`the API did not start in time:\n${stderr.join('')}`));
    }, options.timeoutMs ?? 20_000);
    let ready = false;
    child.once('exit', (code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(
        new Error(
          `the API exited with ${code} before listening:\n${stderr.join('')}\n${JSON.stringify(logs.slice(-5))}`,
        ),
      );
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let entryLog: Record<string, unknown>;
      try {
        entryLog = JSON.parse(line) as Record<string, unknown>;
      } catch {
        entryLog = { msg: line };
      }
      logs.push(entryLog);
      const isReadyLine =
        entry === 'main'
          ? typeof entryLog.port === 'number' && entryLog.event === 'listening'
          : entryLog.event === 'worker_ready';
      if (isReadyLine && !ready) {
        ready = true;
        clearTimeout(timer);
        const port = (entryLog.port as number | undefined) ?? 0;
        resolve({
          baseUrl: `http://127.0.0.1:${port}`,
          port,
          process: child,
          logs,
          stop,
          liveHeap,
        });
      }
    });
  });
}
