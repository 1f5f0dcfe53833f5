// The provenance step under network latency: a second sandbox with the latency model in front of
// every service (sandbox/latency.ts), and in it, interleaved run by run: ours (dist/index.js,
// 1 subject; and 100,000 subjects), the peer (@actions/attest attestProvenance, 1 subject, its
// Fulcio and Rekor calls forwarded into the same sandbox) and the floor (bench/floor.mjs: a bare
// Node start + one request each to the token service, Fulcio and Rekor). Ours: spawn → the
// provenance file written (its log line; to exit is kept beside it); peer and floor: spawn → exit,
// which is right after their last request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import {
  describeLatencyModel,
  parseLatencyModel,
  type LatencyEvent
} from '../../sandbox/latency.js';
import { runChild, type ChildRun } from '../child.js';
import { median } from '../stats.js';
import { peerProcess } from './peer.js';
import { runProvenanceStep } from './provenance.js';
import { writeSubjectsFile } from './subjects.js';

/**
 * Mean delay per request (ms) and jitter, for a GitHub-hosted runner; sources and reasoning in
 * bench/README.md ("Latency model"). oidc: the runner's token service; jwks: the issuer's
 * discovery and key set; connect: TCP + TLS 1.3 handshakes on a new connection.
 */
export const DEFAULT_LATENCY_MODEL =
  'oidc=100~30,jwks=50~15,fulcio=300~60,rekor=500~100,tsa=150~30,github=100~20,results=100~20,connect=40';

/** The `latency` section of bench/results.json, in the shape issue 14 names. */
export interface LatencySection {
  model: Record<string, number>;
  ours: { subjects1Ms: number; subjects100kMs: number };
  peer: { subjects1Ms: number };
  floorMs: number;
  ratioToPeer: number;
  ratioToFloor: number;
}

export interface LatencyDetail {
  modelText: string;
  runs: number;
  runs100k: number;
  /** Every measured run, in order (ms). */
  /** Spawn → the action's "Provenance: <file>" line (the step as issue 14 defines it). */
  oursSubjects1: number[];
  oursSubjects100k: number[];
  /** The same runs to process exit (outputs and job summary written, process torn down). */
  oursSubjects1ExitMs: number[];
  oursSubjects100kExitMs: number[];
  peerSubjects1: number[];
  floor: number[];
  /** Bare `node -e 0` under the same harness: the process-start part of the floor. */
  nodeStartMs: number;
  /** One more 1-subject run of ours, as a timeline: requests and log lines, ms since spawn. */
  timeline: { ms: number; event: string }[];
  /** Requests the sandbox delayed during the measured runs, per service. */
  requests: Record<string, { requests: number; delayedMs: number }>;
}

export async function benchLatency(options: {
  entry: string;
  runs: number;
  runs100k: number;
  model?: string;
  log: (s: string) => void;
}): Promise<{ section: LatencySection; detail: LatencyDetail }> {
  const modelText = options.model ?? DEFAULT_LATENCY_MODEL;
  const model = parseLatencyModel(modelText);
  const sandbox: Sandbox = await startSandbox({ latency: model });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-latency-'));
    const one = join(dir, 'subjects-1.txt');
    const many = join(dir, 'subjects-100000.txt');
    writeSubjectsFile(one, 1);
    writeSubjectsFile(many, 100_000);
    const floorRun = () =>
      runChild({
        args: [resolve('bench/floor.mjs')],
        env: {
          ...sandbox.runnerEnv(),
          BENCH_FULCIO: sandbox.urls.fulcio,
          BENCH_REKOR: sandbox.urls.rekor
        }
      });
    // Warm-up: page cache, the sandbox's JIT.
    await runProvenanceStep(sandbox, options.entry, one);
    await peerProcess(sandbox, 1, 1);
    await floorRun();
    const before = snapshot(sandbox);
    const ours1: number[] = [];
    const ours1Exit: number[] = [];
    const peer1: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const run = await runProvenanceStep(sandbox, options.entry, one);
      ours1.push(provenanceWrittenMs(run));
      ours1Exit.push(run.wallMs);
      peer1.push((await peerProcess(sandbox, 1, 1)).run.wallMs);
      floor.push((await floorRun()).wallMs);
      options.log(
        `  latency run ${i + 1}/${options.runs}: ours ${ours1.at(-1)!.toFixed(0)} ms, peer ${peer1.at(-1)!.toFixed(0)} ms, floor ${floor.at(-1)!.toFixed(0)} ms`
      );
    }
    const ours100k: number[] = [];
    const ours100kExit: number[] = [];
    for (let i = 0; i < options.runs100k; i++) {
      const run = await runProvenanceStep(sandbox, options.entry, many);
      ours100k.push(provenanceWrittenMs(run));
      ours100kExit.push(run.wallMs);
      options.log(`  latency 100,000 subjects: ${ours100k.at(-1)!.toFixed(0)} ms`);
    }
    const requests = delta(before, snapshot(sandbox));
    const recording = sandbox.latency!.record();
    const traced = await runProvenanceStep(sandbox, options.entry, one);
    sandbox.latency!.stopRecording();
    const timeline = timelineOf(traced, recording);
    const starts: number[] = [];
    for (let i = 0; i < options.runs; i++)
      starts.push((await runChild({ args: ['-e', '0'] })).wallMs);

    const oursMs = median(ours1);
    const peerMs = median(peer1);
    const floorMs = median(floor);
    return {
      section: {
        model: describeLatencyModel(model),
        ours: { subjects1Ms: oursMs, subjects100kMs: median(ours100k) },
        peer: { subjects1Ms: peerMs },
        floorMs,
        ratioToPeer: oursMs / peerMs,
        ratioToFloor: oursMs / floorMs
      },
      detail: {
        modelText,
        runs: options.runs,
        runs100k: options.runs100k,
        oursSubjects1: ours1,
        oursSubjects100k: ours100k,
        oursSubjects1ExitMs: ours1Exit,
        oursSubjects100kExitMs: ours100kExit,
        peerSubjects1: peer1,
        floor,
        nodeStartMs: median(starts),
        timeline,
        requests
      }
    };
  } finally {
    await sandbox.close();
  }
}

/** When the action logged the provenance file as written (its "Provenance: <path>" line). */
function provenanceWrittenMs(run: ChildRun): number {
  const line = run.lines.find((l) => l.text.startsWith('Provenance: '));
  if (!line)
    throw new Error(`no "Provenance:" line in the action's output:\n${run.stdout.slice(-1500)}`);
  return line.ms;
}

const SERVICES = ['oidc', 'jwks', 'fulcio', 'rekor', 'tsa', 'github'] as const;

function snapshot(sandbox: Sandbox) {
  return Object.fromEntries(
    SERVICES.map((s) => [s, sandbox.latency?.counts(s) ?? { requests: 0, delayedMs: 0 }])
  );
}

function delta(a: ReturnType<typeof snapshot>, b: ReturnType<typeof snapshot>) {
  return Object.fromEntries(
    SERVICES.map((s) => [
      s,
      { requests: b[s]!.requests - a[s]!.requests, delayedMs: b[s]!.delayedMs - a[s]!.delayedMs }
    ])
  );
}

/** Request arrivals/answers and the action's log lines on one clock: ms since the spawn. */
function timelineOf(run: ChildRun, events: LatencyEvent[]): { ms: number; event: string }[] {
  const at = (t: number) => Math.round(t - run.startedMs);
  const out: { ms: number; event: string }[] = [];
  for (const e of events) {
    out.push({ ms: at(e.arrivedMs), event: `→ ${e.service} ${e.method} ${e.path}` });
    if (e.answeredMs !== undefined)
      out.push({ ms: at(e.answeredMs), event: `← ${e.service} ${e.method} ${e.path}` });
  }
  for (const l of run.lines)
    out.push({ ms: Math.round(l.ms), event: `log: ${l.text.slice(0, 100)}` });
  out.push({ ms: Math.round(run.wallMs), event: 'exit' });
  return out.sort((a, b) => a.ms - b.ms);
}
