import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProgressReporter } from '../../src/hash/progress.js';

const MIB = 1024 * 1024;

function sink() {
  const writes: string[] = [];
  return { writes, write: (t: string) => writes.push(t) };
}

describe('ProgressReporter', () => {
  it('prints nothing for a run shorter than one interval', () => {
    const stream = sink();
    const reporter = new ProgressReporter(stream, true, 60_000);
    reporter.start();
    reporter.update({ bytesDone: MIB, totalBytes: 2 * MIB, filesDone: 1, totalFiles: 2 });
    reporter.stop();
    expect(stream.writes).toEqual([]);
  });

  it('prints one line per interval in logs (non-interactive)', async () => {
    const stream = sink();
    const reporter = new ProgressReporter(stream, false, 20);
    reporter.start();
    reporter.update({ bytesDone: 3 * MIB, totalBytes: 8 * MIB, filesDone: 1, totalFiles: 4 });
    await sleep(70);
    reporter.update({ bytesDone: 8 * MIB, totalBytes: 8 * MIB, filesDone: 4, totalFiles: 4 });
    reporter.stop();
    expect(stream.writes[0]).toMatch(/^hashing: 3\.0\/8\.0 MiB, 1\/4 files, \d+ MiB\/s\n$/);
    expect(stream.writes.at(-1)).toMatch(/^hashing: 8\.0\/8\.0 MiB, 4\/4 files, \d+ MiB\/s\n$/);
  });

  it('rewrites one line on a terminal and ends it', async () => {
    const stream = sink();
    const reporter = new ProgressReporter(stream, true, 20);
    reporter.start();
    reporter.update({ bytesDone: MIB, totalBytes: MIB, filesDone: 1, totalFiles: 1 });
    await sleep(50);
    reporter.stop();
    expect(stream.writes[0]).toMatch(
      // eslint-disable-next-line no-control-regex -- the terminal escape is what is checked
      /^\rhashing: 1\.0\/1\.0 MiB, 1\/1 files, \d+ MiB\/s\u001b\[K$/
    );
    expect(stream.writes.at(-1)).toBe('\n');
  });
});
