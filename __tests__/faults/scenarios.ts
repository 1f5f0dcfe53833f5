// The two things every edge must do, as reusable checks:
//  - a transient fault (the first N requests fail) → the run succeeds and publishes once;
//  - a persistent fault → one clear error naming the service, a non-zero exit within the bound,
//    nothing published anywhere; and once the service recovers, a re-run against the same
//    platform succeeds and publishes everything exactly once.
import { expect } from '@jest/globals';
import type { FaultService } from '../../sandbox/faults.js';
import {
  EVERYTHING_ONCE,
  GIVE_UP_BOUND_MS,
  NOTHING,
  describeRun,
  destinations,
  runProvenance,
  startFaultSandbox
} from './harness.js';

export async function expectRecovers(plan: string, service: FaultService): Promise<void> {
  const sandbox = await startFaultSandbox(plan);
  try {
    const run = await runProvenance(sandbox);
    expect({ exit: run.exitCode, error: run.error }).toEqual({ exit: 0, error: '' });
    // The fault really happened: otherwise this test would prove nothing.
    expect(sandbox.faults.counts(service).faulted).toBeGreaterThan(0);
    expect(destinations(sandbox, run.outDir)).toEqual(EVERYTHING_ONCE);
  } finally {
    await sandbox.close();
  }
}

export async function expectFailsCleanly(
  plan: string,
  service: FaultService,
  names: RegExp
): Promise<void> {
  const sandbox = await startFaultSandbox(plan);
  try {
    const failed = await runProvenance(sandbox);
    const shown = describeRun(failed);
    expect({ exitNonZero: failed.exitCode !== 0, shown }).toEqual({ exitNonZero: true, shown });
    expect(sandbox.faults.counts(service).faulted).toBeGreaterThan(0);
    // One error line, naming the service, no stack trace.
    expect(failed.error.split('\n')).toHaveLength(1);
    expect(failed.error).toMatch(names);
    expect(failed.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(failed.durationMs).toBeLessThan(GIVE_UP_BOUND_MS);
    expect(destinations(sandbox, failed.outDir)).toEqual(NOTHING);

    sandbox.faults.clear();
    const rerun = await runProvenance(sandbox, failed.outDir);
    expect({ exit: rerun.exitCode, error: rerun.error }).toEqual({ exit: 0, error: '' });
    expect(destinations(sandbox, failed.outDir)).toEqual(EVERYTHING_ONCE);
  } finally {
    await sandbox.close();
  }
}
