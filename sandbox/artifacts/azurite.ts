// Azurite, Microsoft's official Blob storage emulator, as a child process on a loopback port
// with its own temp folder: the blob half of what @actions/artifact talks to.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Azurite's fixed development account (documented, public; not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  /** http://127.0.0.1:PORT/devstoreaccount1 */
  blobEndpoint: string;
  close(): Promise<void>;
}

const READY = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/;

export async function startAzurite(
  options: { startTimeoutMs?: number } = {}
): Promise<RunningAzurite> {
  const require = createRequire(import.meta.url);
  const main = join(
    dirname(require.resolve('azurite/package.json')),
    'dist',
    'src',
    'blob',
    'main.js'
  );
  const location = await mkdtemp(join(tmpdir(), 'sandbox-azurite-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--location',
      location,
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry'
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );

  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `azurite did not start within ${options.startTimeoutMs ?? 20_000} ms: ${output.trim()}`
            )
          ),
        options.startTimeoutMs ?? 20_000
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const m = READY.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`azurite exited with code ${code}: ${output.trim()}`));
      });
    });
    // Keep draining its output so a chatty emulator never blocks on a full pipe.
    child.stdout?.resume();
    child.stderr?.resume();
    return {
      blobEndpoint: `${origin}/${DEV_ACCOUNT}`,
      async close() {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
        await rm(location, { recursive: true, force: true });
      }
    };
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    await rm(location, { recursive: true, force: true });
    throw e;
  }
}
