// Child processes of the scripts here (scale-out, the settlement bench): the API or the worker started with
// tsx against a scratch database, each one's recent output kept for when something goes wrong.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '@gridshare/db';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export class Processes {
  readonly children: ChildProcess[] = [];
  /** Each process's recent output, shown when a check fails. */
  readonly outputs = new Map<string, string>();

  /** `env` for every process (database, Redis, queue prefix), to which each start adds its own. */
  constructor(private readonly env: Record<string, string>) {}

  /** Starts `tsx <entry>` and resolves once a line of its output matches `ready`. */
  start(name: string, entry: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, entry)], {
      env: { ...process.env, ...this.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
        this.outputs.set(name, output);
        if (ready.test(output)) resolve(child);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
    });
  }

  /** SIGTERM to each (they finish what they run), SIGKILL after 10 s. */
  stopAll(): Promise<void[]> {
    return Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }
}
