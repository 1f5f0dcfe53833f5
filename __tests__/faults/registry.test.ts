// Container mode against a real registry (Debian's docker-registry) behind the sandbox's
// fault proxy: transient registry faults recover; a registry that stays down fails the run
// naming the registry, leaves no tag that claims provenance (no `.att`, no referrers index),
// takes back the workflow artifact, and a re-run after recovery publishes once.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../demo/action-process.js';
import type { Sandbox } from '../../sandbox/index.js';
import {
  listTags,
  pushTestImage,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type PushedImage,
  type RunningRegistry
} from '../../sandbox/registry.js';
import { GIVE_UP_BOUND_MS, HTTP_TIMEOUT_MS, describeRun, startFaultSandbox } from './harness.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

// One registry for the file, started by whichever test needs it first (jest may
// start concurrent tests before beforeAll hooks have finished).
let registryStarted: Promise<RunningRegistry> | undefined;
const sharedRegistry = () => (registryStarted ??= startRegistry());
afterAll(async () => {
  await (await registryStarted)?.close();
});

interface ContainerPlatform {
  sandbox: Sandbox;
  proxy: FaultProxy;
  image: PushedImage;
  close(): Promise<void>;
}

let imageCount = 0;
async function platform(plan: string): Promise<ContainerPlatform> {
  const registry = await sharedRegistry();
  const sandbox = await startFaultSandbox(plan);
  const proxy = await startFaultProxy(registry, sandbox.faultLayerFor('registry'));
  // A fresh repository per test, pushed straight to the registry (not through the faults).
  const image = await pushTestImage(registry.host, `faults/app${++imageCount}`);
  return {
    sandbox,
    proxy,
    image,
    close: async () => {
      await proxy.close();
      await sandbox.close();
    }
  };
}

async function runContainerMode(p: ContainerPlatform, outDir: string) {
  const reference = `${p.proxy.host}/${p.image.repository.split('/').slice(1).join('/')}@${p.image.digest}`;
  const run = await runAction({
    inputs: {
      ...p.sandbox.actionInputs,
      images: reference,
      'oci-format': 'both',
      'attest-to-github': 'true',
      'output-directory': outDir
    },
    env: p.sandbox.runnerEnv({ ISOLATED_PROVENANCE_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS) })
  });
  const error = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .join('\n');
  return { ...run, error };
}

/** Tags that claim provenance for the image: cosign's `.att` and the referrers fallback index. */
async function provenanceTags(p: ContainerPlatform): Promise<string[]> {
  const hex = p.image.digest.slice('sha256:'.length);
  const tags = await listTags(p.image.repository);
  return tags.filter((t) => t.startsWith(`sha256-${hex}`)).sort();
}

function published(p: ContainerPlatform, outDir: string) {
  return {
    files: readdirSync(outDir),
    attestations: p.sandbox.github.attestations.length,
    artifacts: (p.sandbox.artifacts?.listArtifacts() ?? []).length
  };
}

describe('registry faults in container mode', () => {
  it.each(['registry=503x2', 'registry=resetx1', 'registry=429x1'])(
    '%s recovers and publishes once',
    async (plan) => {
      const p = await platform(plan);
      try {
        const out = mkdtempSync(join(tmpdir(), 'faults-oci-'));
        const run = await runContainerMode(p, out);
        expect({ exit: run.exitCode, error: run.error }).toEqual({ exit: 0, error: '' });
        expect(p.sandbox.faults.counts('registry').faulted).toBeGreaterThan(0);
        const hex = p.image.digest.slice('sha256:'.length);
        expect(await provenanceTags(p)).toEqual([`sha256-${hex}`, `sha256-${hex}.att`]);
        expect(published(p, out)).toEqual({
          files: [run.outputs['provenance-name']],
          attestations: 1,
          artifacts: 1
        });
      } finally {
        await p.close();
      }
    }
  );

  it('a registry that stays down: one error naming it, no provenance tag, nothing kept; a re-run publishes once', async () => {
    const p = await platform('registry=503x*');
    try {
      const out = mkdtempSync(join(tmpdir(), 'faults-oci-'));
      const failed = await runContainerMode(p, out);
      const shown = describeRun(failed);
      expect({ exitNonZero: failed.exitCode !== 0, shown }).toEqual({ exitNonZero: true, shown });
      expect(failed.error.split('\n')).toHaveLength(1);
      expect(failed.error).toMatch(/registry|127\.0\.0\.1:\d+/i);
      // The workflow artifact went up before the registry step and was taken back.
      expect(failed.error).toMatch(/removed again: workflow artifact/);
      expect(failed.durationMs).toBeLessThan(GIVE_UP_BOUND_MS);
      expect(await provenanceTags(p)).toEqual([]);
      expect(published(p, out)).toEqual({ files: [], attestations: 0, artifacts: 0 });

      p.sandbox.faults.clear();
      const rerun = await runContainerMode(p, out);
      expect({ exit: rerun.exitCode, error: rerun.error }).toEqual({ exit: 0, error: '' });
      const hex = p.image.digest.slice('sha256:'.length);
      expect(await provenanceTags(p)).toEqual([`sha256-${hex}`, `sha256-${hex}.att`]);
      expect(published(p, out)).toEqual({
        files: [rerun.outputs['provenance-name']],
        attestations: 1,
        artifacts: 1
      });
    } finally {
      await p.close();
    }
  });
});
