// The CLI entry: dispatch, help, and the line between user errors (exit 1, one line) and
// internal errors (exit 2, one line, no stack trace).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ProvenanceError } from '../../src/errors.js';
import { runCli } from '../../src/verify/cli/index.js';
import type { Output } from '../../src/verify/cli/report.js';

function capture(): Output & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t)
  };
  return sink;
}

describe('runCli', () => {
  it('reports an internal error in one line with exit 2', async () => {
    const sink = capture();
    const code = await runCli(['boom'], sink, {
      boom: async () => () => Promise.reject(new TypeError('cannot read x of undefined'))
    });
    expect(sink.err).toBe('FAILED: internal error: cannot read x of undefined\n');
    expect(code).toBe(2);
  });

  it('reports a ProvenanceError from a command in one line with exit 1', async () => {
    const sink = capture();
    const code = await runCli(['bad'], sink, {
      bad: async () => () => Promise.reject(new ProvenanceError('INPUT_INVALID', 'no such file'))
    });
    expect(sink.err).toBe('FAILED: no such file\n');
    expect(code).toBe(1);
  });

  it('refuses unknown commands, including inherited property names', async () => {
    for (const name of ['nope', 'toString', '__proto__']) {
      const sink = capture();
      expect(await runCli([name], sink)).toBe(1);
      expect(sink.err).toMatch(/^FAILED: unknown command/);
    }
  });

  it('prints the main help', async () => {
    const sink = capture();
    expect(await runCli(['--help'], sink)).toBe(0);
    expect(sink.out).toContain('verify-artifact');
    expect(sink.out).toContain('verify-image');
  });
});

describe('the CLI as a process', () => {
  const entry = fileURLToPath(new URL('../../src/verify/cli/index.ts', import.meta.url));
  const run = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', entry, ...argv], { encoding: 'utf8' });

  it.each(['verify-artifact', 'verify-image'])(
    '%s --help documents every policy flag',
    (command) => {
      const result = run(command, '--help');
      expect(result.status).toBe(0);
      for (const flag of [
        '--source-uri',
        '--source-branch',
        '--source-tag',
        '--source-versioned-tag',
        '--builder-id',
        '--build-workflow-input',
        '--trusted-root',
        '--print-provenance',
        '--json'
      ]) {
        expect(result.stdout).toContain(flag);
      }
    }
  );

  it('fails a user error with one FAILED line and no stack trace', () => {
    const result = run(
      'verify-artifact',
      'sha256:' + 'a'.repeat(64),
      '--provenance-path',
      '/nonexistent',
      '--source-uri',
      'github.com/a/b'
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^FAILED: cannot read provenance \/nonexistent/)
    ]);
  });
});
