// The peer: @actions/attest 3.2.0 attestProvenance in its own process (bench/peer-attest.mjs),
// its public-good requests forwarded by nock to the same sandbox Fulcio and Rekor.
import { resolve } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';
import { runChild } from '../child.js';
import { median } from '../stats.js';

export interface PeerResult {
  subjects: number;
  runs: number;
  /** One attestation in a fresh process: spawn → exit. */
  processWallMs: number;
  processCpuMs: number;
  /** Process start until @actions/attest and nock are loaded. */
  loadMs: number;
  /** attestProvenance in a warm process (after one warm-up call in the same process). */
  warmCallMs: number;
  peakRssBytes: number;
}

interface PeerOutput {
  startMs: number;
  loadedMs: number;
  callMs: number[];
}

export async function peerProcess(sandbox: Sandbox, subjects: number, calls: number) {
  const run = await runChild({
    args: [resolve('bench/peer-attest.mjs'), String(subjects), String(calls)],
    env: {
      ...sandbox.runnerEnv(),
      BENCH_FULCIO: sandbox.urls.fulcio,
      BENCH_REKOR: sandbox.urls.rekor,
      BENCH_OIDC: sandbox.urls.oidc
    }
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return { run, output: JSON.parse(line) as PeerOutput };
}

export async function benchPeer(
  sandbox: Sandbox,
  options: { sizes: number[]; runs: number; log: (s: string) => void }
): Promise<PeerResult[]> {
  const results: PeerResult[] = [];
  for (const size of options.sizes) {
    await peerProcess(sandbox, size, 1); // warm-up
    const fresh = [];
    for (let i = 0; i < options.runs; i++) fresh.push(await peerProcess(sandbox, size, 1));
    // Warm: one process, first call discarded.
    const warm = await peerProcess(sandbox, size, options.runs + 1);
    const result: PeerResult = {
      subjects: size,
      runs: options.runs,
      processWallMs: median(fresh.map((f) => f.run.wallMs)),
      processCpuMs: median(fresh.map((f) => f.run.cpuMs)),
      loadMs: median(fresh.map((f) => f.output.loadedMs)),
      warmCallMs: median(warm.output.callMs.slice(1)),
      peakRssBytes: median(fresh.map((f) => f.run.peakRssBytes))
    };
    options.log(
      `  peer ${size} subjects: process ${result.processWallMs.toFixed(0)} ms, warm call ${result.warmCallMs.toFixed(0)} ms`
    );
    results.push(result);
  }
  return results;
}
