// The workflows as users run them: a caller workflow → generic.yml / container.yml → every job,
// executed by act (nektos/act, .peers/bin/act from scripts/install-peers.sh) on this host
// against the sandbox (OIDC, Fulcio, Rekor, TSA, GitHub REST, artifact storage) and Debian's
// docker-registry. No job is simulated: the builder pin is read from the sandbox's token, the
// builder is checked out at job_workflow_sha from a local commit of this repository, the bundled
// action signs, and the publish jobs run it in mode publish. The builder commit carries dist/
// (or PROVENANCE_DIST), so run `npm run build` first.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRegistry, type RunningRegistry } from '../../sandbox/registry.js';
import type { Sandbox } from '../../sandbox/index.js';
import { provenanceOf, releaseOf, type ReleaseRecord } from '../../demo/act/collect.js';
import { buildStandIns } from '../../demo/act/standins.js';
import {
  RELEASE_TAG,
  runCallerWorkflow,
  type CallerRun,
  type WorkflowRunResult
} from '../../demo/act/workflow-run.js';
import { verifyBundles } from '../../demo/checks.js';
import { ACT_PATH } from '../../demo/ensure-act.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = process.env.PROVENANCE_DIST ? resolve(process.env.PROVENANCE_DIST) : undefined;

/** What a run left on the platform, read while its sandbox is up. */
interface Outcome {
  result: WorkflowRunResult;
  jobs: Record<string, string>[];
  log: string;
  release?: ReleaseRecord;
  attestations: number;
  artifacts: string[];
  rekorEntries: number;
  bundleVerdict?: string;
  /** The certificate identity the run's token gives the signer. */
  signer: string;
}

function resultsByJob(jobs: { name: string; result: string }[]): Record<string, string> {
  // act names a called workflow's job `<caller job>/<workflow name>/<job>`: keep the last part.
  return Object.fromEntries(jobs.map((j) => [j.name.trim().split('/').pop()!, j.result]));
}

let standIns: Record<string, string>;
let scratch: string;

async function runThroughAct(run: CallerRun, attempts = 1): Promise<Outcome> {
  let outcome: Outcome | undefined;
  await runCallerWorkflow(run, {
    act: ACT_PATH,
    projectRoot: ROOT,
    standIns,
    ...(DIST ? { distDir: DIST } : {}),
    sandbox: {},
    attempts,
    inspect: async (sandbox: Sandbox, result) => {
      const published = await provenanceOf(sandbox, RELEASE_TAG);
      const signer = `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`;
      let bundleVerdict: string | undefined;
      if (published) {
        const path = join(scratch, `${Date.now()}-${published.name}`);
        writeFileSync(path, published.content);
        bundleVerdict = verifyBundles(path, sandbox.trustedRoot, signer, sandbox.urls.oidc);
      }
      const release = releaseOf(sandbox, RELEASE_TAG);
      outcome = {
        result,
        jobs: result.attempts.map((a) => resultsByJob(a.jobs)),
        log: result.attempts.flatMap((a) => a.log).join('\n'),
        ...(release ? { release } : {}),
        attestations: sandbox.github.attestations.length,
        artifacts: (sandbox.artifacts?.listArtifacts() ?? []).map((a) => a.name).sort(),
        rekorEntries: sandbox.rekorSize(),
        ...(bundleVerdict ? { bundleVerdict } : {}),
        signer
      };
    }
  });
  return outcome!;
}

describe('caller → reusable workflow → every job, through act on the sandbox', () => {
  let registry: RunningRegistry | undefined;

  beforeAll(async () => {
    if (!existsSync(ACT_PATH))
      throw new Error(
        `${ACT_PATH} is missing: build it with \`bash scripts/install-peers.sh act\``
      );
    if (!existsSync(join(DIST ?? join(ROOT, 'dist'), 'index.js')))
      throw new Error('dist/index.js is missing: run `npm run build` (or set PROVENANCE_DIST)');
    scratch = mkdtempSync(join(tmpdir(), 'act-e2e-'));
    standIns = await buildStandIns(join(scratch, 'standins'));
  }, 60_000);
  afterAll(async () => {
    await registry?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  describe('the release caller on a tag, run and re-run', () => {
    let outcome: Outcome;
    beforeAll(async () => {
      outcome = await runThroughAct(
        { caller: 'examples/github-release.yml', called: '.github/workflows/generic.yml' },
        2
      );
    }, 300_000);

    it('runs every job of the caller and of generic.yml, twice, each successfully', () => {
      const expected = {
        build: 'success',
        provenance: 'success',
        'upload-assets': 'success',
        attest: 'success'
      };
      expect(outcome.jobs).toEqual([expected, expected]);
    });

    it('publishes once: one release asset, one attestation, one workflow artifact', () => {
      expect(outcome.release).toEqual({
        tag: RELEASE_TAG,
        immutable: false,
        draft: false,
        assets: ['multiple.intoto.jsonl']
      });
      expect(outcome.attestations).toBe(1);
      expect(outcome.artifacts).toEqual(['multiple.intoto.jsonl']);
      // Both attempts signed (a re-run signs again); the first publication stands.
      expect(outcome.rekorEntries).toBe(2);
    });

    it("signs as generic.yml at the builder's tag, and the published bundle verifies", () => {
      expect(outcome.signer).toBe(
        'https://github.com/isolated-provenance/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0'
      );
      expect(outcome.bundleVerdict).toMatch(/^PASSED: 1 bundle\(s\)/);
    });

    it('publishes with the bundled action in mode publish, not with gh', () => {
      expect(outcome.log).toContain('Publish with the action from the pinned checkout');
      expect(outcome.log).not.toMatch(/\bgh (release|api)\b/);
    });
  });

  it('a caller that references generic.yml by commit SHA gets a certificate naming that SHA', async () => {
    const outcome = await runThroughAct({
      caller: 'examples/github-release.yml',
      called: '.github/workflows/generic.yml',
      pinBySha: true
    });
    expect(outcome.jobs[0]).toEqual({
      build: 'success',
      provenance: 'success',
      'upload-assets': 'success',
      attest: 'success'
    });
    const sha = outcome.result.builder.sha;
    expect(outcome.signer).toBe(
      `https://github.com/isolated-provenance/isolated-provenance/.github/workflows/generic.yml@${sha}`
    );
    expect(outcome.bundleVerdict).toMatch(/^PASSED/);
  }, 300_000);

  describe('a pull request from a fork', () => {
    const forkRun = (env: CallerRun['env']): CallerRun => ({
      caller: '__fixtures__/workflows/pull-request.yml',
      called: '.github/workflows/generic.yml',
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      runOverrides: { headRef: 'feature', baseRef: 'main' },
      event: {
        number: 7,
        pull_request: {
          number: 7,
          head: { ref: 'feature', repo: { full_name: 'mallory/octo-app' } },
          base: { ref: 'main', repo: { full_name: 'octo-org/octo-app' } }
        }
      },
      ...(env ? { env } : {})
    });

    it('is refused where GitHub gives it no OIDC token, before anything is signed', async () => {
      const outcome = await runThroughAct(
        forkRun({
          ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined
        })
      );
      expect(outcome.jobs[0]).toEqual({ build: 'success', provenance: 'failure' });
      expect(outcome.log).toContain(
        'no OIDC token endpoint in this job: expected the calling job to grant'
      );
      expect(outcome.rekorEntries).toBe(0);
      expect(outcome.artifacts).toEqual([]);
    }, 300_000);

    it('is refused by the pinned builder even with a token, naming the fork', async () => {
      const outcome = await runThroughAct(forkRun(undefined));
      expect(outcome.jobs[0]).toEqual({ build: 'success', provenance: 'failure' });
      expect(outcome.log).toContain("refusing pull_request from the fork 'mallory/octo-app'");
      expect(outcome.rekorEntries).toBe(0);
      expect(outcome.artifacts).toEqual([]);
    }, 300_000);
  });

  it('a subjects file whose artifact differs from what the handle pins is refused unsigned', async () => {
    const outcome = await runThroughAct({
      caller: '__fixtures__/workflows/tampered-subjects-file.yml',
      called: '.github/workflows/generic.yml'
    });
    expect(outcome.jobs[0]).toEqual({ build: 'success', provenance: 'failure' });
    expect(outcome.log).toMatch(
      /subjects file digest mismatch: the handle pins sha256 [0-9a-f]{64}, the artifact holds [0-9a-f]{64}/
    );
    expect(outcome.rekorEntries).toBe(0);
    expect(outcome.artifacts).toEqual(['subjects-file']);
  }, 300_000);

  it('the container caller pushes an image and container.yml attests it in the registry', async () => {
    registry = await startRegistry();
    const outcome = await runThroughAct({
      caller: 'examples/container-oci-layout.yml',
      called: '.github/workflows/container.yml',
      vars: { REGISTRY: registry.host, REGISTRY_TLS_VERIFY: 'false' }
    });
    expect(outcome.jobs[0]).toEqual({ image: 'success', provenance: 'success' });
    expect(outcome.signer).toBe(
      'https://github.com/isolated-provenance/isolated-provenance/.github/workflows/container.yml@refs/tags/v1.0.0'
    );
    expect(outcome.bundleVerdict).toMatch(/^PASSED: 1 bundle\(s\)/);
    expect(outcome.log).toMatch(
      /Published oci-cosign: 127\.0\.0\.1:\d+\/octo-org\/octo-app:sha256-[0-9a-f]{64}\.att \(created\)/
    );
  }, 300_000);
});
