// Where the provenance goes, through the bundled action against the sandbox's GitHub REST
// stand-in and workflow-artifact storage (results service + azurite): the release asset
// (creating the release, as a draft when asked, on the run's tag or upload-tag-name), the
// attestations API, and the workflow artifact. A re-run duplicates and replaces nothing; a
// different provenance under the same name is refused without touching what is there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readZipEntries } from '../../sandbox/artifacts/zip.js';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness,
  type ActionRun
} from '../helpers/action-harness.js';
import { base64Of, makeSubjects, sha256sumText } from '../helpers/subjects.js';

const subjects = makeSubjects(3, { prefix: 'release' });
const PUBLISH_ALL = {
  'base64-subjects': base64Of(sha256sumText(subjects)),
  'upload-assets': 'true',
  'attest-to-github': 'true'
};

describe('publishing from a run on a tag', () => {
  let harness: ActionHarness;
  let first: ActionRun;
  let rerun: ActionRun;

  beforeAll(async () => {
    harness = await startActionHarness({ artifacts: true });
    first = await harness.run(PUBLISH_ALL);
    rerun = await harness.run(PUBLISH_ALL);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  it("creates the release of the run's tag and attaches the provenance file to it", () => {
    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    const { releases, assets } = harness.sandbox.github;
    expect(
      releases.map((r) => ({ tag: r.tagName, draft: r.draft, target: r.targetCommitish }))
    ).toEqual([{ tag: 'v1.2.3', draft: false, target: harness.sandbox.run.sha }]);
    expect(assets).toHaveLength(1);
    expect(assets[0]!.name).toBe('multiple.intoto.jsonl');
    expect(assets[0]!.releaseId).toBe(releases[0]!.id);
    expect(assets[0]!.content.equals(first.provenance!.content)).toBe(true);
    expect(first.summary).toMatch(
      /\| release-asset \| https:\/\/github\.com\/octo-org\/octo-app\/releases\/download\/v1\.2\.3\/multiple\.intoto\.jsonl \| created: release v1\.2\.3 created \|/
    );
  });

  it('stores the bundle through the attestations API under every subject digest', () => {
    const { attestations } = harness.sandbox.github;
    expect(attestations).toHaveLength(first.provenance!.bundles.length);
    expect(attestations[0]!.repository).toBe(harness.sandbox.run.repository);
    expect([...attestations[0]!.subjectDigests].sort()).toEqual(
      subjects.map((s) => `sha256:${s.digest.sha256!}`).sort()
    );
    expect(attestations[0]!.bundle).toEqual(first.provenance!.bundles[0]);
    expect(first.outputs['attestation-url']).toBe(
      `https://github.com/${harness.sandbox.run.repository}/attestations/${attestations[0]!.id}`
    );
    expect(first.summary).toContain(
      `| attestation | ${first.outputs['attestation-url']} | created |`
    );
    expect(first.summary).toContain(
      `gh attestation verify ${subjects[0]!.name} --repo ${harness.sandbox.run.repository} --cert-identity https://github.com/${harness.sandbox.run.jobWorkflowRef} --signer-digest ${harness.sandbox.run.jobWorkflowSha} --source-ref ${harness.sandbox.run.ref}`
    );
  });

  it('uploads the file as a workflow artifact named after it', async () => {
    const artifacts = harness.sandbox.artifacts!.listArtifacts();
    expect(artifacts.map((a) => a.name)).toEqual(['multiple.intoto.jsonl']);
    const zip = await harness.sandbox.artifacts!.downloadArtifact('multiple.intoto.jsonl');
    const entries = readZipEntries(zip);
    expect([...entries.keys()]).toEqual(['multiple.intoto.jsonl']);
    expect(entries.get('multiple.intoto.jsonl')!.equals(first.provenance!.content)).toBe(true);
    // The summary escapes parentheses as HTML entities.
    expect(first.summary).toMatch(
      /\| artifact \| artifact multiple\.intoto\.jsonl &#40;id \d+&#41; \| created \|/
    );
  });

  it('a re-run signs again and succeeds, but duplicates and replaces nothing', () => {
    expect(rerun.errors).toEqual([]);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.rekorEntriesAdded).toBe(1);
    // A new signature (new certificate, new log entry), same build: the earlier workflow
    // artifact stands, so the re-run hands on that file (and its sha256), not its own bytes —
    // what the workflow's publish jobs pin (src/publish/staging.ts adopt).
    expect(rerun.provenance!.content.equals(first.provenance!.content)).toBe(true);
    expect(rerun.outputs['provenance-sha256']).toBe(first.outputs['provenance-sha256']);
    const { releases, assets, attestations } = harness.sandbox.github;
    expect(releases).toHaveLength(1);
    expect(assets).toHaveLength(1);
    expect(assets[0]!.content.equals(first.provenance!.content)).toBe(true);
    expect(attestations).toHaveLength(1);
    expect(harness.sandbox.artifacts!.listArtifacts()).toHaveLength(1);
    for (const kind of ['artifact', 'release-asset', 'attestation']) {
      expect(rerun.summary).toMatch(new RegExp(`\\| ${kind} \\| [^|]+ \\| unchanged \\|`));
    }
  });

  it('refuses a different provenance under the same name and leaves every destination as it was', async () => {
    const assetBefore = harness.sandbox.github.assets[0]!.content;
    const other = makeSubjects(2, { prefix: 'not-what-was-released' });
    const run = await harness.run({
      ...PUBLISH_ALL,
      'base64-subjects': base64Of(sha256sumText(other))
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^PUBLISH_FAILED: .*multiple\.intoto\.jsonl.*different/);
    expect(showsStackTrace(run.log)).toBe(false);
    expect(run.outputs).toEqual({});
    expect(run.writtenFiles).toEqual([]);
    const { releases, assets, attestations } = harness.sandbox.github;
    expect(releases).toHaveLength(1);
    expect(assets).toHaveLength(1);
    expect(assets[0]!.content.equals(assetBefore)).toBe(true);
    expect(attestations).toHaveLength(1);
    expect(harness.sandbox.artifacts!.listArtifacts()).toHaveLength(1);
  });

  it('with draft-release and upload-tag-name, creates a draft release of that tag', async () => {
    const run = await harness.run({
      'base64-subjects': base64Of(sha256sumText(makeSubjects(1, { prefix: 'candidate' }))),
      'provenance-name': 'candidate.intoto.jsonl',
      'upload-assets': 'true',
      'upload-tag-name': 'v2.0.0-rc.1',
      'draft-release': 'true'
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const release = harness.sandbox.github.releases.find((r) => r.tagName === 'v2.0.0-rc.1');
    expect(release?.draft).toBe(true);
    const asset = harness.sandbox.github.assets.find((a) => a.releaseId === release?.id);
    expect(asset?.name).toBe('candidate.intoto.jsonl');
    expect(asset?.content.equals(run.provenance!.content)).toBe(true);
    expect(run.summary).toContain('created: release v2.0.0-rc.1 created as a draft');
    // The existing release of the run's tag was not touched.
    expect(harness.sandbox.github.releases.find((r) => r.tagName === 'v1.2.3')?.draft).toBe(false);
  });
});

describe('publishing from a run on a branch', () => {
  let harness: ActionHarness;
  const inputs = { 'base64-subjects': base64Of(sha256sumText(subjects)), 'upload-assets': 'true' };

  beforeAll(async () => {
    harness = await startActionHarness({ artifacts: true, run: { ref: 'refs/heads/main' } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('refuses upload-assets without upload-tag-name, and publishes nothing at all', async () => {
    const run = await harness.run(inputs);
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^INPUT_INVALID: upload-assets: the run's ref refs\/heads\/main is not a tag; set upload-tag-name( \[removed again: workflow artifact multiple\.intoto\.jsonl\])?$/
    );
    expect(showsStackTrace(run.log)).toBe(false);
    expect(harness.sandbox.github.releases).toEqual([]);
    // Not even the workflow artifact, which the action uploads before the release asset.
    expect(harness.sandbox.artifacts!.listArtifacts()).toEqual([]);
    expect(run.writtenFiles).toEqual([]);
    expect(existsSync(`${run.outputDirectory}/multiple.intoto.jsonl`)).toBe(false);
  });

  it("uploads to the release of upload-tag-name, created at the run's commit", async () => {
    const run = await harness.run({ ...inputs, 'upload-tag-name': 'v3.0.0' });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const { releases, assets } = harness.sandbox.github;
    expect(releases.map((r) => [r.tagName, r.targetCommitish, r.draft])).toEqual([
      ['v3.0.0', harness.sandbox.run.sha, false]
    ]);
    expect(assets.map((a) => a.name)).toEqual(['multiple.intoto.jsonl']);
  });
});
