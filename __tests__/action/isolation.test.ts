// The Build L3 claim through the bundled action against the sandbox: the action signs as our
// builder only inside our reusable workflow (the signed job_workflow_ref claim), pinned by tag
// or by commit SHA; run anywhere else, or on a self-hosted runner, it refuses unless told
// otherwise, and then the verifier does not take the result for our builder's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDER_WORKFLOW_PATHS, PROJECT_REPOSITORY } from '../../src/identity.js';
import type { RunDescription } from '../../sandbox/index.js';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness
} from '../helpers/action-harness.js';
import { CLI_ENTRY } from '../helpers/run-action.js';
import { verifyWithSigstore } from '../helpers/sigstore-verify.js';
import { base64Of, digestOf } from '../helpers/subjects.js';

const BYTES = 'a build\n';
const SUBJECTS = { 'base64-subjects': base64Of(`${digestOf(BYTES)}  app\n`) };

/** Starts a sandbox for `run`, runs the action with `inputs`, returns both. */
function withRun(run: Partial<RunDescription>) {
  const state: { harness?: ActionHarness } = {};
  beforeAll(async () => {
    state.harness = await startActionHarness({ run });
  });
  afterAll(async () => {
    await state.harness?.close();
  });
  return () => state.harness!;
}

/** verify-artifact on the provenance with the sandbox trust, plus `extra` flags. */
async function verifyArtifact(harness: ActionHarness, provenance: Buffer, extra: string[] = []) {
  const dir = harness.tempDir('action-isolation-');
  writeFileSync(join(dir, 'app'), BYTES);
  writeFileSync(join(dir, 'app.intoto.jsonl'), provenance);
  const args = [
    CLI_ENTRY,
    'verify-artifact',
    'app',
    '--provenance-path',
    'app.intoto.jsonl',
    '--source-uri',
    `github.com/${harness.sandbox.run.repository}`,
    '--trusted-root',
    harness.sandbox.trustedRootPath,
    '--certificate-oidc-issuer',
    harness.sandbox.urls.oidc,
    ...extra
  ];
  return new Promise<{ code: number; stderr: string }>((done) =>
    execFile(process.execPath, args, { cwd: dir, timeout: 30_000 }, (error, _stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr })
    )
  );
}

describe('our builder referenced by commit SHA', () => {
  const sha = 'b'.repeat(40);
  const harness = withRun({
    jobWorkflowRef: `${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}@${sha}`,
    jobWorkflowSha: sha
  });

  it('signs with builder.id and certificate SAN naming the commit; a verifier pinning it accepts', async () => {
    const run = await harness().run(SUBJECTS);
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const builderId = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}@${sha}`;
    expect(run.provenance!.statements[0]!.predicate.runDetails.builder.id).toBe(builderId);
    verifyWithSigstore(harness().sandbox, run.provenance!.bundles[0]!, builderId);
    const pinned = await verifyArtifact(harness(), run.provenance!.content, [
      '--builder-id',
      builderId
    ]);
    expect(pinned.stderr).toContain('PASSED');
    expect(pinned.code).toBe(0);
  });
});

describe("the action run in the caller's own workflow (not our reusable workflow)", () => {
  const harness = withRun({
    jobWorkflowRef: 'octo-org/octo-app/.github/workflows/release.yml@refs/tags/v1.2.3',
    jobWorkflowSha: '5b1f6e0c3a1d2e4f60718293a4b5c6d7e8f90a1b'
  });

  it('refuses by default, signing nothing', async () => {
    const run = await harness().run(SUBJECTS);
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^NOT_ISOLATED: this job runs in "octo-org\/octo-app\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.3", not in one of isolated-provenance\/isolated-provenance's reusable workflows/
    );
    expect(run.rekorEntriesAdded).toBe(0);
    expect(run.writtenFiles).toEqual([]);
    expect(showsStackTrace(run.log)).toBe(false);
  });

  it('with isolation: none, signs as that workflow, which the verifier does not trust as a builder', async () => {
    const run = await harness().run({ ...SUBJECTS, isolation: 'none' });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const ownWorkflow =
      'https://github.com/octo-org/octo-app/.github/workflows/release.yml@refs/tags/v1.2.3';
    expect(run.provenance!.statements[0]!.predicate.runDetails.builder.id).toBe(ownWorkflow);
    verifyWithSigstore(harness().sandbox, run.provenance!.bundles[0]!, ownWorkflow);
    const verdict = await verifyArtifact(harness(), run.provenance!.content);
    expect(verdict.code).not.toBe(0);
    expect(verdict.stderr).not.toContain('PASSED');
    expect(verdict.stderr).toContain('octo-org/octo-app/.github/workflows/release.yml');
  });
});

describe('a self-hosted runner', () => {
  const harness = withRun({ runnerEnvironment: 'self-hosted' });

  it('is refused by default, signing nothing', async () => {
    const run = await harness().run(SUBJECTS);
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toEqual([
      'RUNNER_REFUSED: this job runs on a self-hosted runner: set allow-self-hosted-runners: true to sign anyway (the provenance will say runner_environment self-hosted)'
    ]);
    expect(run.rekorEntriesAdded).toBe(0);
    expect(showsStackTrace(run.log)).toBe(false);
  });

  it('with allow-self-hosted-runners, signs and says self-hosted in the predicate', async () => {
    const run = await harness().run({ ...SUBJECTS, 'allow-self-hosted-runners': 'true' });
    expect(run.exitCode).toBe(0);
    expect(
      run.provenance!.statements[0]!.predicate.buildDefinition.internalParameters.github
        .runner_environment
    ).toBe('self-hosted');
  });
});
