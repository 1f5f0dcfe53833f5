// Runs one real server (Fulcio, timestamp-authority, ...) as a child process on loopback:
// free ports picked up front, output kept in a log file, readiness polled over HTTP, and a
// stop that kills the whole process. A server that exits before it is ready fails the start
// with the tail of its log, so a broken peer says why.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  stop(): Promise<void>;
}

export class PeerStartError extends Error {
  override name = 'PeerStartError';
}

export async function startServerProcess(options: {
  name: string;
  binary: string;
  args: string[];
  /** Polled with GET until it answers 2xx. */
  readyUrl: string;
  logFile: string;
  cwd?: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.binary, options.args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: options.cwd ?? process.env.HOME }
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited: number | string | null | undefined;
  child.once('exit', (code, signal) => {
    exited = code ?? signal;
  });
  const stop = async () => {
    if (exited === undefined) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGKILL');
      await gone;
    }
    log.end();
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (exited !== undefined) {
      await stop();
      const tail = (await readFile(options.logFile, 'utf8').catch(() => '')).trim().split('\n');
      throw new PeerStartError(
        `${options.name} exited (${String(exited)}) before it was ready: ${tail.slice(-3).join(' | ')}`
      );
    }
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new PeerStartError(`${options.name} did not answer ${options.readyUrl} in time`);
    }
    await sleep(100);
  }
  return { name: options.name, child, logFile: options.logFile, stop };
}
