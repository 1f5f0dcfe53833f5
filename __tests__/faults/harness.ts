// Runs the bundled action (dist/index.js, a child process like the runner starts) against a
// sandbox under a fault plan, and reads back what every destination holds afterwards.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../../demo/action-process.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

/** Per-request timeout the action is given; the sandbox holds `delay` answers longer. */
export const HTTP_TIMEOUT_MS = 2_000;
export const FAULT_DELAY_MS = 5_000;
/** The correctness bound for a persistent fault: the action gives up well within this. */
export const GIVE_UP_BOUND_MS = 60_000;

const SUBJECTS = ['app-linux-amd64', 'app-darwin-arm64'].map((name) => ({
  name,
  sha256: createHash('sha256').update(`build of ${name}`).digest('hex')
}));
export const BASE64_SUBJECTS = Buffer.from(
  SUBJECTS.map((s) => `${s.sha256}  ${s.name}\n`).join('')
).toString('base64');
export const PROVENANCE_NAME = 'multiple.intoto.jsonl';

export function startFaultSandbox(plan: string, artifacts = true): Promise<Sandbox> {
  return startSandbox({ faults: plan, faultDelayMs: FAULT_DELAY_MS, artifacts });
}

export interface FaultRun extends ActionRun {
  outDir: string;
  /** The `::error::` line the runner shows, without the prefix; '' when none. */
  error: string;
}

export async function runProvenance(
  sandbox: Sandbox,
  outDir = mkdtempSync(join(tmpdir(), 'faults-out-')),
  extraInputs: Record<string, string> = {}
): Promise<FaultRun> {
  const result = await runAction({
    inputs: {
      ...sandbox.actionInputs,
      'base64-subjects': BASE64_SUBJECTS,
      'output-directory': outDir,
      'upload-assets': 'true',
      'attest-to-github': 'true',
      ...extraInputs
    },
    env: sandbox.runnerEnv({ ISOLATED_PROVENANCE_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS) })
  });
  const errorLines = result.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  return {
    ...result,
    outDir,
    error: errorLines.map((l) => l.slice('::error::'.length)).join('\n')
  };
}

export interface Destinations {
  /** Every entry of the output directory, hidden ones included (a staging leftover counts). */
  files: string[];
  releases: number;
  assets: string[];
  attestations: number;
  artifacts: string[];
}

export function destinations(sandbox: Sandbox, outDir: string): Destinations {
  return {
    files: readdirSync(outDir).sort(),
    releases: sandbox.github.releases.length,
    assets: sandbox.github.assets.map((a) => a.name),
    attestations: sandbox.github.attestations.length,
    artifacts: (sandbox.artifacts?.listArtifacts() ?? []).map((a) => a.name)
  };
}

export const NOTHING: Destinations = {
  files: [],
  releases: 0,
  assets: [],
  attestations: 0,
  artifacts: []
};

/** One run of the action published everywhere, exactly once (two subjects → one bundle). */
export const EVERYTHING_ONCE: Destinations = {
  files: [PROVENANCE_NAME],
  releases: 1,
  assets: [PROVENANCE_NAME],
  attestations: 1,
  artifacts: [PROVENANCE_NAME]
};

/** Failure output for a jest message: what the action printed. */
export function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode} after ${Math.round(run.durationMs)} ms\n${run.stdout}`;
}
