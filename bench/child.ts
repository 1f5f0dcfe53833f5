// Spawns a benchmarked Node process the way the runner starts an action (inputs as INPUT_*
// variables, outputs through GITHUB_OUTPUT), with bench/rss-probe.mjs preloaded to record its
// peak RSS. Times the whole process and the moment its first line of output appears.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ChildRun {
  exitCode: number;
  wallMs: number;
  firstLineMs: number;
  peakRssBytes: number;
  /** User + system CPU time of the child. */
  cpuMs: number;
  stdout: string;
  /** performance.now() at spawn, to place the child's lines beside the sandbox's events. */
  startedMs: number;
  /** Each stdout line with the time it arrived (ms since spawn). */
  lines: { ms: number; text: string }[];
}

const PROBE = resolve('bench/rss-probe.mjs');

export async function runChild(options: {
  args: string[];
  env?: Record<string, string>;
  inputs?: Record<string, string>;
}): Promise<ChildRun> {
  const work = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const rssFile = join(work, 'rss');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    RUNNER_TEMP: work,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    BENCH_RSS_FILE: rssFile,
    ...options.env
  };
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value;

  const started = performance.now();
  let firstLineMs = Number.NaN;
  const child = spawn(process.execPath, ['--import', PROBE, ...options.args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  const lines: ChildRun['lines'] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const ms = performance.now() - started;
    if (Number.isNaN(firstLineMs)) firstLineMs = ms;
    const text = chunk.toString('utf8');
    stdout += text;
    for (const line of text.split('\n')) if (line !== '') lines.push({ ms, text: line });
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exitCode = await new Promise<number>((done) =>
    child.on('close', (code) => done(code ?? 1))
  );
  const wallMs = performance.now() - started;
  let peakRssBytes = Number.NaN;
  let cpuMs = Number.NaN;
  try {
    const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number };
    peakRssBytes = usage.maxRSS * 1024;
    cpuMs = usage.cpu / 1000;
  } catch {
    // the probe did not run (process killed); leave NaN
  }
  rmSync(work, { recursive: true, force: true });
  if (exitCode !== 0) {
    throw new Error(
      `${options.args.join(' ')} exited ${exitCode}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`
    );
  }
  return { exitCode, wallMs, firstLineMs, peakRssBytes, cpuMs, stdout, lines, startedMs: started };
}
