/**
 * The harness's side of one load generator: a forked child process answering over IPC. The
 * benchmark's generator by default; the soak test passes its own script and message types.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromGenerator, ToGenerator } from './generator-protocol.js';

const generatorScript = fileURLToPath(new URL('./load-generator.js', import.meta.url));

type Message = { type: string };
type Failed = { type: 'failed'; message: string };

export class GeneratorProcess<
  To extends Message = ToGenerator,
  From extends Message = FromGenerator,
> {
  private readonly child: ChildProcess;
  private readonly waiting: Array<{
    type: From['type'];
    resolve: (message: From) => void;
    reject: (error: Error) => void;
  }> = [];
  private readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    script: string = generatorScript,
  ) {
    this.child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: From) => {
      if (message.type === 'failed') {
        for (const waiter of this.waiting.splice(0))
          waiter.reject(
            new Error(`${this.name} failed: ${(message as unknown as Failed).message}`),
          );
        return;
      }
      const index = this.waiting.findIndex((waiter) => waiter.type === message.type);
      if (index >= 0) this.waiting.splice(index, 1)[0]!.resolve(message);
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        for (const waiter of this.waiting.splice(0))
          waiter.reject(new Error(`${this.name} exited with ${code}`));
        resolve();
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sends a message and resolves with the generator's answer of the given type. */
  /** Calls `listener` when the child exits, with its exit code (null when killed by a signal). */
  onExit(listener: (code: number | null) => void): void {
    this.child.once('exit', listener);
  }

  request<T extends From['type']>(
    message: To,
    answer: T,
    timeoutMs = 120_000,
  ): Promise<Extract<From, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not answer ${message.type} in time`)),
        timeoutMs,
      );
      this.waiting.push({
        type: answer,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply as Extract<From, { type: T }>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send(message);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.send({ type: 'close' });
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(killer);
  }
}
