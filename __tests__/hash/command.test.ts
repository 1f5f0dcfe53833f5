// `isolated-provenance hash`: output byte-identical to `sha256sum … | base64 -w0`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
  readdirSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashCommand, HASH_HELP } from '../../src/hash/index.js';
import type { CommandIo } from '../../src/hash/index.js';
import { parseBase64Subjects } from '../../src/subjects/index.js';

let dir: string;

function capture(isTTY = false): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t), isTTY },
    cwd: dir,
    out: () => out,
    err: () => err
  };
}

const NAMES = ['app 1.tgz', 'back\\slash', 'dist/empty', 'dist/sub/lib.so', 'z.iso'];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hash-command-'));
  NAMES.forEach((name, i) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(
      path.join(dir, name),
      name === 'dist/empty' ? '' : `content ${i}\n`.repeat(1000 * i)
    );
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const coreutils = (tool: string) =>
  execFileSync('bash', ['-c', `${tool} -- "$@" | base64 -w0`, 'sh', ...NAMES], {
    cwd: dir,
    encoding: 'utf8'
  });

describe('hashCommand', () => {
  it('prints exactly what sha256sum | base64 -w0 prints (sorted names, GNU escaping)', async () => {
    const io = capture();
    expect(await hashCommand(['*', 'dist'], io)).toBe(0);
    expect(io.out()).toBe(`${coreutils('sha256sum')}\n`);
    expect(io.err()).toBe('');
  });

  it('takes newline-separated patterns in one argument (the action passes its input so)', async () => {
    const io = capture();
    expect(await hashCommand(['--', '\n*.tgz\r\n  dist/**/*  \n\nback*\nz.iso\n'], io)).toBe(0);
    expect(io.out()).toBe(`${coreutils('sha256sum')}\n`);
  });

  it('hashes with sha512 on request', async () => {
    const io = capture();
    expect(await hashCommand(['--algorithm', 'sha512', '*', 'dist'], io)).toBe(0);
    expect(io.out()).toBe(`${coreutils('sha512sum')}\n`);
  });

  it('writes the plain subjects file, complete, next to the base64 output', async () => {
    const io = capture();
    const file = path.join(dir, 'out', 'subjects.sha256');
    mkdirSync(path.dirname(file));
    expect(
      await hashCommand(['-a', 'sha256', '--subjects-file', 'out/subjects.sha256', '*', 'dist'], io)
    ).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(Buffer.from(text).toString('base64')).toBe(coreutils('sha256sum'));
    expect(parseBase64Subjects(io.out())).toHaveLength(NAMES.length);
    expect(readdirSync(path.dirname(file))).toEqual(['subjects.sha256']); // no partial file left
  });

  it('fails cleanly when the subjects file cannot be written', async () => {
    const io = capture();
    expect(await hashCommand(['--subjects-file', 'missing-dir/s.txt', 'z.iso'], io)).toBe(1);
    expect(io.err()).toMatch(
      /^isolated-provenance hash: cannot write the subjects file ".*missing-dir\/s\.txt": ENOENT\n$/
    );
    expect(io.out()).toBe('');
  });

  it('exits 1 with one clear line when a glob matches nothing, and prints no subjects', async () => {
    const io = capture();
    expect(await hashCommand(['*.tgz', 'build/*.whl'], io)).toBe(1);
    expect(io.err()).toBe(
      `isolated-provenance hash: pattern "build/*.whl" matched no files (in "${dir}")\n`
    );
    expect(io.out()).toBe('');
    expect(existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it.each([
    [['--algorithm', 'md5', 'x'], 'unsupported algorithm "md5"; expected sha256 or sha512'],
    [['--frobnicate', 'x'], "Unknown option '--frobnicate'"],
    [[], 'no paths given: pass at least one file or glob pattern'],
    [['\n \n'], 'no paths given: pass at least one file or glob pattern']
  ])('exits 2 on the usage error in %j', async (argv, message) => {
    const io = capture();
    expect(await hashCommand(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain('isolated-provenance hash --help');
    expect(io.out()).toBe('');
  });

  it('prints help', async () => {
    const io = capture();
    expect(await hashCommand(['--help'], io)).toBe(0);
    expect(io.out()).toBe(HASH_HELP);
    expect(HASH_HELP).toMatch(/--algorithm/);
    expect(HASH_HELP).toMatch(/--subjects-file/);
    expect(HASH_HELP).toMatch(/--progress/);
  });

  it('keeps stderr quiet when it is not a terminal and --progress is not given', async () => {
    const io = capture(false);
    expect(await hashCommand(['*', 'dist'], io)).toBe(0);
    expect(io.err()).toBe('');
  });
});
