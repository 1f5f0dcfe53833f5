// The provenance step end to end: dist/index.js in its own process against the sandbox,
// subjects → sign → file, nothing else published. Wall time, peak RSS, time per subject.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';
import { runChild, type ChildRun } from '../child.js';
import { median } from '../stats.js';
import { writeSubjectsFile } from './subjects.js';

export interface ProvenanceResult {
  subjects: number;
  bundles: number;
  runs: number;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  firstLineMs: number;
  perSubjectMs: number;
  perBundleMs: number;
}

export function actionInputs(sandbox: Sandbox, subjectsFile: string): Record<string, string> {
  return {
    ...sandbox.actionInputs,
    'sigstore-instance': 'custom',
    'subjects-file': subjectsFile,
    'upload-artifact': 'false',
    'upload-assets': 'false',
    'attest-to-github': 'false'
  };
}

export async function runProvenanceStep(
  sandbox: Sandbox,
  entry: string,
  subjectsFile: string
): Promise<ChildRun & { bundles: number }> {
  const run = await runChild({
    args: [resolve(entry)],
    env: sandbox.runnerEnv(),
    inputs: actionInputs(sandbox, subjectsFile)
  });
  const signed = /Signed (\d+) bundle/.exec(run.stdout);
  if (!signed)
    throw new Error(
      `no "Signed N bundles" line in the action's output:\n${run.stdout.slice(-1500)}`
    );
  return { ...run, bundles: Number(signed[1]) };
}

export async function benchProvenance(
  sandbox: Sandbox,
  options: {
    entry: string;
    sizes: number[];
    runs: (size: number) => number;
    log: (s: string) => void;
  }
): Promise<ProvenanceResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-subjects-'));
  const results: ProvenanceResult[] = [];
  for (const size of options.sizes) {
    const file = join(dir, `subjects-${size}.txt`);
    writeSubjectsFile(file, size);
    const runs = options.runs(size);
    await runProvenanceStep(sandbox, options.entry, file); // warm-up (page cache, sandbox JIT)
    const measured = [];
    for (let i = 0; i < runs; i++)
      measured.push(await runProvenanceStep(sandbox, options.entry, file));
    const wallMs = median(measured.map((r) => r.wallMs));
    const bundles = measured[0]!.bundles;
    const result: ProvenanceResult = {
      subjects: size,
      bundles,
      runs,
      wallMs,
      cpuMs: median(measured.map((r) => r.cpuMs)),
      peakRssBytes: median(measured.map((r) => r.peakRssBytes)),
      firstLineMs: median(measured.map((r) => r.firstLineMs)),
      perSubjectMs: wallMs / size,
      perBundleMs: wallMs / bundles
    };
    options.log(
      `  provenance ${size} subjects: ${wallMs.toFixed(0)} ms (CPU ${result.cpuMs.toFixed(0)} ms), ${bundles} bundle(s), peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MB`
    );
    results.push(result);
  }
  return results;
}
