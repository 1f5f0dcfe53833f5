// Hashing: our hash helper (hashFiles, worker threads) against sha256sum and openssl over the
// same files, on one core and on both. Files are written once and read from the page cache.
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hashFiles } from '../../src/hash/index.js';
import { median } from '../stats.js';

const exec = promisify(execFile);

export interface HashResult {
  totalBytes: number;
  files: number;
  runs: number;
  /** MB/s (MiB) by tool and core count. */
  mbPerSecond: Record<string, number>;
}

function writeFiles(dir: string, files: number, bytesEach: number): void {
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  for (let f = 0; f < files; f++) {
    const fd = openSync(join(dir, `blob-${f}.bin`), 'w');
    for (let done = 0; done < bytesEach; done += chunk.length) {
      randomFillSync(chunk);
      writeSync(fd, chunk, 0, Math.min(chunk.length, bytesEach - done));
    }
    closeSync(fd);
  }
}

/** Runs a tool over the files split into `lanes` processes (xargs -P), like a user would. */
async function shellTool(
  command: string[],
  dir: string,
  names: string[],
  lanes: number
): Promise<void> {
  const per = Math.ceil(names.length / lanes);
  const groups = Array.from({ length: lanes }, (_, i) =>
    names.slice(i * per, (i + 1) * per)
  ).filter((g) => g.length > 0);
  await Promise.all(
    groups.map((g) =>
      exec(command[0]!, [...command.slice(1), ...g], { cwd: dir, maxBuffer: 64 * 1024 * 1024 })
    )
  );
}

export async function benchHash(options: {
  totalBytes: number;
  files: number;
  runs: number;
  log: (s: string) => void;
}): Promise<HashResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hash-'));
  try {
    const bytesEach = Math.floor(options.totalBytes / options.files);
    writeFiles(dir, options.files, bytesEach);
    const names = readdirSync(dir).sort();
    const total = bytesEach * options.files;
    const contenders: Record<string, () => Promise<unknown>> = {
      'ours 1 core': () => hashFiles(['*.bin'], { cwd: dir, parallelism: 1 }),
      'ours 2 cores': () => hashFiles(['*.bin'], { cwd: dir, parallelism: 2 }),
      'openssl 1 core': () => shellTool(['openssl', 'dgst', '-sha256'], dir, names, 1),
      'openssl 2 cores': () => shellTool(['openssl', 'dgst', '-sha256'], dir, names, 2),
      'sha256sum 1 core': () => shellTool(['sha256sum'], dir, names, 1),
      'sha256sum 2 cores': () => shellTool(['sha256sum'], dir, names, 2)
    };
    const times: Record<string, number[]> = {};
    for (const [name, run] of Object.entries(contenders)) {
      await run(); // warm-up: page cache, JIT
      times[name] = [];
    }
    // Round-robin so each contender sees the same machine state.
    for (let i = 0; i < options.runs; i++) {
      for (const [name, run] of Object.entries(contenders)) {
        const t = performance.now();
        await run();
        times[name]!.push(performance.now() - t);
      }
    }
    const mbPerSecond: Record<string, number> = {};
    for (const [name, values] of Object.entries(times))
      mbPerSecond[name] = total / 2 ** 20 / (median(values) / 1000);
    options.log(
      `  hash ${(total / 2 ** 20).toFixed(0)} MiB: ${Object.entries(mbPerSecond)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')} MiB/s`
    );
    return { totalBytes: total, files: options.files, runs: options.runs, mbPerSecond };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
