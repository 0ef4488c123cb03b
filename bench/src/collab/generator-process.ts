/** The harness's side of one load generator: a forked child process answering over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromGenerator, ToGenerator } from './generator-protocol.js';

const generatorScript = fileURLToPath(new URL('./load-generator.js', import.meta.url));

export class GeneratorProcess {
  private readonly child: ChildProcess;
  private readonly waiting: Array<{
    type: FromGenerator['type'];
    resolve: (message: FromGenerator) => void;
    reject: (error: Error) => void;
  }> = [];
  private readonly exited: Promise<void>;

  constructor(readonly name: string) {
    this.child = fork(generatorScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: FromGenerator) => {
      if (message.type === 'failed') {
        for (const waiter of this.waiting.splice(0))
          waiter.reject(new Error(`${this.name} failed: ${message.message}`));
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
  request<T extends FromGenerator['type']>(
    message: ToGenerator,
    answer: T,
    timeoutMs = 120_000,
  ): Promise<Extract<FromGenerator, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not answer ${message.type} in time`)),
        timeoutMs,
      );
      this.waiting.push({
        type: answer,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply as Extract<FromGenerator, { type: T }>);
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
    this.child.send({ type: 'close' } satisfies ToGenerator);
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(killer);
  }
}
