// The one way tests run a `run:` step of our workflow or composite-action files: with bash, as a
// GitHub runner does (`bash --noprofile --norc -eo pipefail`), a fresh GITHUB_OUTPUT, and the
// outputs parsed back. `workflowStep` also checks the env the step's `env:` block would get:
// the caller supplies those values (they are `${{ }}` expressions in the file) and must supply
// exactly the names the step declares, so a renamed variable fails loudly here. `scriptOf` +
// `runStep` run a script as it is (steps found by id or name, env as given, optional cwd).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseGithubOutput, REPO_ROOT } from './run-action.js';

interface StepDoc {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface WorkflowStep {
  script: string;
  envNames: string[];
  run(env: Record<string, string>): Promise<StepRun>;
}

/** A step by id: `job` for a workflow file, none for a composite action. */
export function workflowStep(file: string, stepId: string, job?: string): WorkflowStep {
  const doc = parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as {
    jobs?: Record<string, { steps: StepDoc[] }>;
    runs?: { steps: StepDoc[] };
  };
  const steps = job ? doc.jobs?.[job]?.steps : doc.runs?.steps;
  const step = steps?.find((s) => s.id === stepId);
  if (!step?.run) throw new Error(`${file}: no run step with id ${stepId}`);
  const script = step.run;
  const envNames = Object.keys(step.env ?? {}).sort();
  return {
    script,
    envNames,
    run(env) {
      const given = Object.keys(env).sort();
      if (given.join() !== envNames.join()) {
        throw new Error(
          `${file} step ${stepId} declares env ${envNames.join(', ')}; the test gave ${given.join(', ')}`
        );
      }
      return runStep(script, env);
    }
  };
}

type Rec = Record<string, unknown>;

/** The `run:` script of the step with this id (or name) in a workflow job or composite action. */
export function scriptOf(doc: Rec, where: { job?: string; step: string }): string {
  const holder = where.job ? ((doc['jobs'] as Rec)[where.job] as Rec) : (doc['runs'] as Rec);
  const steps = holder['steps'] as Rec[];
  const step = steps.find((s) => s['id'] === where.step || s['name'] === where.step);
  const run = step?.['run'];
  if (typeof run !== 'string') throw new Error(`no run: script for step ${where.step}`);
  return run;
}

/** Runs `script` as the runner does; cwd defaults to a fresh directory that is also HOME. */
export function runStep(
  script: string,
  env: Record<string, string>,
  cwd?: string
): Promise<StepRun> {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-step-'));
  const scriptPath = join(dir, 'step.sh');
  const outputPath = join(dir, 'github_output');
  writeFileSync(scriptPath, script);
  writeFileSync(outputPath, '');
  return new Promise((done) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', scriptPath],
      {
        cwd: cwd ?? dir,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: dir,
          GITHUB_OUTPUT: outputPath,
          ...env
        },
        timeout: 20_000
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const outputs = parseGithubOutput(readFileSync(outputPath, 'utf8'));
        rmSync(dir, { recursive: true, force: true });
        done({ code, stdout, stderr, outputs });
      }
    );
  });
}
