// A destination that fails after others already have the provenance. The action takes back
// what this run published (workflow artifact, release asset, a release it created), leaves
// alone what it found (a release a human made), says plainly what it could not take back,
// and a re-run after recovery publishes everything exactly once.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Sandbox } from '../../sandbox/index.js';
import {
  EVERYTHING_ONCE,
  NOTHING,
  PROVENANCE_NAME,
  describeRun,
  destinations,
  runProvenance,
  startFaultSandbox
} from './harness.js';

jest.setTimeout(300_000);

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function createRelease(s: Sandbox, tag: string): Promise<void> {
  const res = await fetch(`${s.urls.github}/repos/${s.run.repository}/releases`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${s.githubToken}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json'
    },
    body: JSON.stringify({ tag_name: tag, name: `Release ${tag}`, body: 'written by a human' })
  });
  expect(res.status).toBe(201);
}

describe('a destination fails after others were published', () => {
  it('takes back the artifact and the release asset, and keeps a release it did not create', async () => {
    sandbox = await startFaultSandbox('attestations=503x*');
    const tag = sandbox.run.ref.replace('refs/tags/', '');
    await createRelease(sandbox, tag);

    const failed = await runProvenance(sandbox);
    expect(failed.exitCode).not.toBe(0);
    expect(failed.error).toMatch(/attestations/);
    // The run had uploaded both before the attestations API failed: the log shows it.
    expect(failed.stdout).toMatch(/Artifact multiple\.intoto\.jsonl successfully finalized/);
    expect(failed.error).toMatch(
      new RegExp(`removed again: release asset ${PROVENANCE_NAME} of ${tag}, workflow artifact`)
    );
    expect(destinations(sandbox, failed.outDir)).toEqual({ ...NOTHING, releases: 1 });
    expect(sandbox.github.releases[0]).toMatchObject({ tagName: tag, body: 'written by a human' });

    sandbox.faults.clear();
    const rerun = await runProvenance(sandbox, failed.outDir);
    expect(rerun.exitCode).toBe(0);
    expect(destinations(sandbox, failed.outDir)).toEqual(EVERYTHING_ONCE);
  });

  it('says what it could not take back when removing fails too, and a re-run still publishes once', async () => {
    sandbox = await startFaultSandbox('attestations=503x*,releases:delete=503x*');
    const failed = await runProvenance(sandbox);
    const shown = describeRun(failed);
    expect({ exitNonZero: failed.exitCode !== 0, shown }).toEqual({ exitNonZero: true, shown });
    expect(failed.error).toMatch(/could not remove, delete by hand: release v1\.2\.3 with asset/);
    expect(failed.error).toMatch(/removed again: workflow artifact/);
    // The provenance file itself never reached the output directory.
    expect(destinations(sandbox, failed.outDir).files).toEqual([]);

    sandbox.faults.clear();
    const rerun = await runProvenance(sandbox, failed.outDir);
    expect(rerun.exitCode).toBe(0);
    // The asset left behind is this build's: the re-run recognises it rather than adding one.
    expect(destinations(sandbox, failed.outDir)).toEqual(EVERYTHING_ONCE);
  });
});
