// Runs the bundled action (dist/index.js) in a child process the way a GitHub runner does:
// inputs as INPUT_* variables, outputs and the job summary through the GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, RUNNER_TEMP a fresh folder per run. The child is the real
// action: @sigstore/sign cannot load inside jest, and a child is what the runner starts anyway.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** The bundle under test: dist/, or another build named by PROVENANCE_DIST (a private build). */
export const DIST = resolve(process.env.PROVENANCE_DIST ?? join(REPO_ROOT, 'dist'));
export const ACTION_ENTRY = join(DIST, 'index.js');
export const CLI_ENTRY = join(DIST, 'cli', 'index.js');

export interface ActionProcessResult {
  exitCode: number;
  /** stdout and stderr interleaved, as the runner's log shows them. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  /** RUNNER_TEMP of this run (also GITHUB_WORKSPACE). */
  runnerTemp: string;
  /** The messages of `::error::` workflow commands. */
  errors: string[];
}

/** GITHUB_OUTPUT's format: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== block[2]; i++) value.push(lines[i]!);
      outputs[block[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

/** Undoes the escaping @actions/core applies to workflow command data (%25, %0D, %0A). */
function unescapeCommandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function errorCommands(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => unescapeCommandData(line.slice(line.indexOf('::', 2) + 2)));
}

export async function runActionProcess(options: {
  inputs: Record<string, string>;
  env: Record<string, string>;
  /** Kill the child after this long; a hung action must fail the test, not hang it. */
  timeoutMs?: number;
  /** Where RUNNER_TEMP is created (default the system temp folder). */
  parentDir?: string;
}): Promise<ActionProcessResult> {
  const runnerTemp = mkdtempSync(join(options.parentDir ?? tmpdir(), 'action-runner-'));
  const outputFile = join(runnerTemp, '_github_output');
  const summaryFile = join(runnerTemp, '_step_summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runnerTemp,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...options.env
  };
  for (const [name, value] of Object.entries(options.inputs)) {
    // The runner's rule: upper case, spaces to underscores (dashes stay).
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [ACTION_ENTRY], {
    env,
    cwd: runnerTemp,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
  const exitCode = await new Promise<number>((done) => {
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
  clearTimeout(timer);
  return {
    exitCode,
    log,
    outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
    errors: errorCommands(log)
  };
}
