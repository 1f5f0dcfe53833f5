// hashFiles against coreutils on generated files: worker pool, batching, globs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProvenanceError } from '../../src/errors.js';
import { hashFiles } from '../../src/hash/index.js';
import type { HashProgress } from '../../src/hash/index.js';
import type { Subject } from '../../src/types.js';

let dir: string;

function write(name: string, content: Buffer | string): void {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** What coreutils says about `names` (relative to dir), as subjects. */
function coreutils(tool: 'sha256sum' | 'sha512sum', names: string[]): Subject[] {
  const algorithm = tool === 'sha256sum' ? 'sha256' : 'sha512';
  const out = execFileSync(tool, ['--', ...names], { cwd: dir, encoding: 'utf8' });
  return out
    .trimEnd()
    .split('\n')
    .map((line) => {
      const [hex, name] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 2)];
      return { name, digest: { [algorithm]: hex } };
    });
}

async function rejection(run: Promise<unknown>): Promise<ProvenanceError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ProvenanceError);
  return error as ProvenanceError;
}

const ALL = [
  'a.txt',
  'b with space.bin',
  'big.bin',
  'empty',
  'medium.bin',
  'nested/deep/dir/z.tgz',
  'nested/x.tgz'
];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hash-files-'));
  write('a.txt', 'hello\n');
  write('b with space.bin', randomBytes(1000));
  write('empty', '');
  write('nested/x.tgz', randomBytes(5000));
  write('nested/deep/dir/z.tgz', randomBytes(123));
  // Bigger than a job of its own and not a multiple of any read size.
  write('big.bin', randomBytes(9 * 1024 * 1024 + 17));
  write('medium.bin', randomBytes(300 * 1024 + 5));
  write('.hidden', 'not matched by wildcards');
  for (let i = 0; i < 300; i++)
    write(`many/f${String(i).padStart(3, '0')}.dat`, randomBytes(i * 7));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hashFiles', () => {
  it('equals sha256sum for every matched file, names relative to cwd, sorted', async () => {
    const subjects = await hashFiles(['*', 'nested/**/*.tgz'], { cwd: dir });
    expect(subjects).toEqual(coreutils('sha256sum', ALL));
  });

  it('equals sha512sum with algorithm sha512', async () => {
    const subjects = await hashFiles(['*', 'nested/**/*'], { cwd: dir, algorithm: 'sha512' });
    expect(subjects).toEqual(coreutils('sha512sum', ALL));
  });

  it('gives the same digests with one worker and tiny reads (many chunks per file)', async () => {
    const subjects = await hashFiles(['big.bin', 'medium.bin', 'empty'], {
      cwd: dir,
      parallelism: 1,
      bufferSize: 4096
    });
    expect(subjects).toEqual(coreutils('sha256sum', ['big.bin', 'empty', 'medium.bin']));
  });

  it('hashes hundreds of small files in batches across workers', async () => {
    const progress: HashProgress[] = [];
    const subjects = await hashFiles(['many'], {
      cwd: dir,
      parallelism: 2,
      onProgress: (p) => progress.push({ ...p })
    });
    const names = Array.from({ length: 300 }, (_, i) => `many/f${String(i).padStart(3, '0')}.dat`);
    expect(subjects).toEqual(coreutils('sha256sum', names));
    const last = progress.at(-1);
    expect(last?.filesDone).toBe(300);
    expect(last?.totalFiles).toBe(300);
    expect(last?.bytesDone).toBe(last?.totalBytes);
  });

  it('takes a named directory as every file below it', async () => {
    const subjects = await hashFiles(['nested'], { cwd: dir });
    expect(subjects.map((s) => s.name)).toEqual(['nested/deep/dir/z.tgz', 'nested/x.tgz']);
  });

  it('lists a file matched by several patterns once', async () => {
    const subjects = await hashFiles(['a.txt', '*.txt', './a.txt'], { cwd: dir });
    expect(subjects.map((s) => s.name)).toEqual(['a.txt']);
  });

  it('excludes "!" patterns', async () => {
    const subjects = await hashFiles(['nested/**/*', '!**/z.tgz'], { cwd: dir });
    expect(subjects.map((s) => s.name)).toEqual(['nested/x.tgz']);
  });

  it('matches a dotfile only when named', async () => {
    expect((await hashFiles(['*'], { cwd: dir })).map((s) => s.name)).not.toContain('.hidden');
    expect((await hashFiles(['.hidden'], { cwd: dir })).map((s) => s.name)).toEqual(['.hidden']);
  });

  it('takes an existing path literally even when it looks like a glob', async () => {
    write('odd/app[1].tgz', 'x');
    write('odd/app1.tgz', 'y');
    const subjects = await hashFiles(['odd/app[1].tgz'], { cwd: dir });
    expect(subjects).toEqual(coreutils('sha256sum', ['odd/app[1].tgz']));
  });

  it('hashes what a symlink points to, under the link name', async () => {
    symlinkSync('a.txt', path.join(dir, 'link.txt'));
    const subjects = await hashFiles(['link.txt'], { cwd: dir });
    expect(subjects).toEqual([
      { name: 'link.txt', digest: coreutils('sha256sum', ['a.txt'])[0]?.digest }
    ]);
  });

  it('refuses a glob that matches nothing, naming it', async () => {
    const error = await rejection(hashFiles(['a.txt', 'dist/*.tgz'], { cwd: dir }));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(`pattern "dist/*.tgz" matched no files (in "${dir}")`);
  });

  it('refuses an empty pattern list', async () => {
    const error = await rejection(hashFiles([], { cwd: dir }));
    expect(error.message).toBe('no paths given: pass at least one file or glob pattern');
  });

  it('refuses when exclusions leave nothing', async () => {
    const error = await rejection(hashFiles(['a.txt', '!*.txt'], { cwd: dir }));
    expect(error.message).toBe('every matched file was excluded by a "!" pattern');
  });

  it('refuses a file whose name cannot be a subject, escaping the name', async () => {
    write('bad/new\nline', 'x');
    const error = await rejection(hashFiles(['bad/*'], { cwd: dir }));
    expect(error.message).toBe(
      'file "bad/new\\x0aline" cannot be a subject: name contains a line break (U+000A) at character 8'
    );
  });

  it('refuses a FIFO instead of blocking on it', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const error = await rejection(hashFiles(['pipe'], { cwd: dir }));
    expect(error.message).toBe('"pipe" is not a regular file; only files can be subjects');
  });

  it('refuses a dangling symlink matched by a glob', async () => {
    mkdirSync(path.join(dir, 'dangling'));
    symlinkSync('nowhere', path.join(dir, 'dangling', 'gone.txt'));
    const error = await rejection(hashFiles(['dangling/*'], { cwd: dir }));
    expect(error.message).toBe(`cannot read "${path.join(dir, 'dangling', 'gone.txt')}": ENOENT`);
  });
});
