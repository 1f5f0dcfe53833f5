// Round trips through the real coreutils: what build jobs actually pipe into base64.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProvenanceError } from '../../src/errors.js';
import { parseBase64Subjects, parseSubjectsText } from '../../src/subjects/index.js';

let dir: string;
const files: Record<string, Buffer> = {
  'plain.txt': Buffer.from('hello\n'),
  'with space.bin': Buffer.from([0, 1, 2, 255]),
  empty: Buffer.alloc(0),
  'back\\slash.tgz': Buffer.from('backslash'),
  '日本語 é.txt': Buffer.from('unicode'),
  'nested/deeper/x.tar.gz': Buffer.alloc(70_000, 7)
};
const names = Object.keys(files);
const digest = (algorithm: string, name: string) =>
  createHash(algorithm)
    .update(files[name] as Buffer)
    .digest('hex');

/** Runs a shell pipeline in the temp dir, file names passed safely as "$@". */
function sh(script: string): string {
  return execFileSync('bash', ['-c', script, 'sh', ...names], { cwd: dir, encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'subjects-coreutils-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expectedFor = (algorithm: 'sha256' | 'sha512') =>
  names.map((name) => ({ name, digest: { [algorithm]: digest(algorithm, name) } }));

describe('real sha256sum / sha512sum output', () => {
  it.each([
    ['sha256sum | base64 -w0', 'sha256sum -- "$@" | base64 -w0', 'sha256'],
    ['sha256sum | base64 (wrapped)', 'sha256sum -- "$@" | base64', 'sha256'],
    ['sha256sum -b (binary marker) | base64', 'sha256sum -b -- "$@" | base64', 'sha256'],
    ['sha512sum | base64 -w0', 'sha512sum -- "$@" | base64 -w0', 'sha512']
  ] as const)('%s', (_label, script, algorithm) => {
    const output = sh(script);
    expect(parseBase64Subjects(output)).toEqual(expectedFor(algorithm));
  });

  it('sha256sum and sha512sum output concatenated give both digests', () => {
    const output = sh('{ sha256sum -- "$@"; sha512sum -- "$@"; } | base64 -w0');
    expect(parseBase64Subjects(output)).toEqual(
      names.map((name) => ({
        name,
        digest: { sha256: digest('sha256', name), sha512: digest('sha512', name) }
      }))
    );
  });

  it('a subjects file (plain text, CRLF converted by an editor) parses the same', () => {
    const output = sh('sha256sum -- "$@" | sed "s/$/\\r/"');
    expect(parseSubjectsText(output)).toEqual(expectedFor('sha256'));
  });

  it('a file name with a newline (escaped by sha256sum) is refused, not mangled', () => {
    writeFileSync(path.join(dir, 'two\nlines'), 'x');
    const output = execFileSync('bash', ['-c', 'sha256sum -- "two\nlines" | base64 -w0'], {
      cwd: dir,
      encoding: 'utf8'
    });
    expect(() => parseBase64Subjects(output)).toThrow(ProvenanceError);
    expect(() => parseBase64Subjects(output)).toThrow(
      'base64-subjects, line 1: name contains a line break (U+000A) at character 4: "two\\x0alines"'
    );
  });
});
