// hash/action.yml: its shape, no expression injection, and its script run for real with bash
// (the CLI bundle replaced by a shim that runs the same hashCommand from the sources).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

interface CompositeAction {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: Array<{
      id?: string;
      run: string;
      env: Record<string, string>;
      'working-directory'?: string;
    }>;
  };
}

const root = path.resolve(import.meta.dirname, '../..');
const action = parse(readFileSync(path.join(root, 'hash/action.yml'), 'utf8')) as CompositeAction;
const step = action.runs.steps[0]!;
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'hash-action-'));
  // GITHUB_ACTION_PATH/../dist/cli/index.js, as in this repository's layout.
  mkdirSync(path.join(work, 'repo/hash'), { recursive: true });
  mkdirSync(path.join(work, 'repo/dist/cli'), { recursive: true });
  writeFileSync(path.join(work, 'repo/package.json'), '{"type":"module"}');
  writeFileSync(
    path.join(work, 'repo/dist/cli/index.js'),
    [
      `import { register } from ${JSON.stringify(path.join(root, 'node_modules/tsx/dist/esm/api/index.mjs'))};`,
      'register();',
      `const { hashCommand } = await import(${JSON.stringify(path.join(root, 'src/hash/command.ts'))});`,
      "if (process.argv[2] !== 'hash') throw new Error('expected the hash subcommand');",
      'process.exitCode = await hashCommand(process.argv.slice(3));'
    ].join('\n')
  );
  mkdirSync(path.join(work, 'ws/dist/sub'), { recursive: true });
  writeFileSync(path.join(work, 'ws/dist/app.tgz'), 'app');
  writeFileSync(path.join(work, 'ws/dist/sub/$(touch pwned).txt'), 'tricky name');
  mkdirSync(path.join(work, 'tmp'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runStep(env: Record<string, string>) {
  const output = path.join(work, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const result = spawnSync('bash', ['-c', step.run], {
    cwd: path.join(work, 'ws'),
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: path.join(work, 'tmp'),
      GITHUB_ACTION_PATH: path.join(work, 'repo/hash'),
      ALGORITHM: 'sha256',
      ...env
    }
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  );
  return { ...result, outputs };
}

describe('hash/action.yml', () => {
  it('declares the inputs and outputs build jobs use', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.paths?.required).toBe(true);
    expect(action.inputs.algorithm?.default).toBe('sha256');
    expect(Object.keys(action.outputs).sort()).toEqual(['base64-subjects', 'subjects-file']);
    expect(action.outputs['base64-subjects']?.value).toBe(
      '${{ steps.hash.outputs.base64-subjects }}'
    );
    expect(step.id).toBe('hash');
  });

  it('never splices an input into the script text (inputs arrive through env)', () => {
    expect(step.run).not.toMatch(/\$\{\{/);
    expect(step.env).toEqual({
      PATHS: '${{ inputs.paths }}',
      ALGORITHM: '${{ inputs.algorithm }}'
    });
    expect(step.run).toContain('"${GITHUB_ACTION_PATH}/../dist/cli/index.js" hash');
  });

  it('runs: outputs base64-subjects equal to sha256sum | base64 -w0, and the subjects file', () => {
    const result = runStep({ PATHS: 'dist/**/*\n' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const expected = execFileSync(
      'bash',
      ['-c', 'sha256sum -- dist/app.tgz "dist/sub/\\$(touch pwned).txt" | base64 -w0'],
      {
        cwd: path.join(work, 'ws'),
        encoding: 'utf8'
      }
    );
    expect(result.outputs['base64-subjects']).toBe(expected);
    const file = result.outputs['subjects-file'] as string;
    expect(file.startsWith(path.join(work, 'tmp'))).toBe(true);
    expect(Buffer.from(readFileSync(file)).toString('base64')).toBe(expected);
    expect(readFileSync(path.join(work, 'ws/dist/app.tgz'), 'utf8')).toBe('app');
    expect(() => readFileSync(path.join(work, 'ws/pwned'))).toThrow();
  });

  it('fails the step, with the reason, when a pattern matches nothing', () => {
    const result = runStep({ PATHS: 'dist/*.whl' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('pattern "dist/*.whl" matched no files');
    expect(result.outputs).toEqual({});
  });

  it('passes the algorithm through', () => {
    const result = runStep({ PATHS: 'dist/app.tgz', ALGORITHM: 'sha512' });
    expect(result.status).toBe(0);
    const expected = execFileSync('bash', ['-c', 'sha512sum dist/app.tgz | base64 -w0'], {
      cwd: path.join(work, 'ws'),
      encoding: 'utf8'
    });
    expect(result.outputs['base64-subjects']).toBe(expected);
  });
});
