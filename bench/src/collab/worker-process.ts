/**
 * The real worker (BullMQ job handlers), started from the API's build as a child process and
 * awaited until it logs `worker_ready`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { workspaceRoot } from './workspace.js';

export interface WorkerProcess {
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(workspaceRoot, 'apps/api/dist/worker.js')], {
    cwd: workspaceRoot,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker did not start in time')), 30_000);
    let ready = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready && line.includes('"worker_ready"')) {
        ready = true;
        clearTimeout(timer);
        resolve({ pid: child.pid!, process: child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the worker exited with ${code}`));
    });
  });
}
