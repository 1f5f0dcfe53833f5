// Runs a `run:` script taken from one of our workflow/action files the way a GitHub runner
// does (`bash --noprofile --norc -eo pipefail`), with a fresh GITHUB_OUTPUT, and parses the
// outputs it wrote. Async on purpose: tests serve loopback endpoints the script calls.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc } from './isolation-invariants.js';

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

type Rec = Record<string, unknown>;

/** The `run:` script of the step with this id (or name) in a workflow job or composite action. */
export function scriptOf(doc: Doc, where: { job?: string; step: string }): string {
  const holder = where.job ? ((doc['jobs'] as Rec)[where.job] as Rec) : (doc['runs'] as Rec);
  const steps = holder['steps'] as Rec[];
  const step = steps.find((s) => s['id'] === where.step || s['name'] === where.step);
  const run = step?.['run'];
  if (typeof run !== 'string') throw new Error(`no run: script for step ${where.step}`);
  return run;
}

/** Parses GITHUB_OUTPUT: `key=value` lines and `key<<DELIM … DELIM` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]!);
      out[heredoc[1]!] = body.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export function runStep(
  script: string,
  env: Record<string, string>,
  cwd?: string
): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ip-step-'));
  const scriptPath = join(dir, 'step.sh');
  const outputPath = join(dir, 'output');
  writeFileSync(scriptPath, script);
  writeFileSync(outputPath, '');
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', scriptPath],
      {
        cwd: cwd ?? dir,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: dir,
          GITHUB_OUTPUT: outputPath,
          ...env
        },
        timeout: 20_000
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')) });
      }
    );
  });
}
