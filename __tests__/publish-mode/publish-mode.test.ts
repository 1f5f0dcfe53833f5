// Mode publish through the sandbox, as the workflows' publish jobs run it: the provenance job
// (mode provenance) signs and uploads the workflow artifact; the publish job (mode publish,
// no id-token) fetches that artifact, checks it against the provenance job's sha256 output and
// attaches it to the release / stores it through the attestations API. The same publishers
// the signing mode uses; a re-run duplicates nothing; a file that is not the one signed, or an
// immutable release, are handled as GitHub requires.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness,
  type ActionRun
} from '../helpers/action-harness.js';
import { base64Of, makeSubjects, sha256sumText } from '../helpers/subjects.js';

const subjects = makeSubjects(2, { prefix: 'publish-mode' });
const SIGN = { 'base64-subjects': base64Of(sha256sumText(subjects)), 'upload-artifact': 'true' };

function publishInputs(signed: ActionRun, extra: Record<string, string> = {}) {
  return {
    mode: 'publish',
    'provenance-name': signed.outputs['provenance-name'] ?? '',
    'provenance-sha256': signed.outputs['provenance-sha256'] ?? '',
    'upload-assets': 'true',
    'attest-to-github': 'true',
    ...extra
  };
}

describe('mode publish after mode provenance (the workflow jobs, in order)', () => {
  let harness: ActionHarness;
  let signed: ActionRun;
  let published: ActionRun;
  let resigned: ActionRun;
  let republished: ActionRun;

  beforeAll(async () => {
    harness = await startActionHarness({ artifacts: true, immutableReleases: true });
    signed = await harness.run(SIGN);
    published = await harness.run(publishInputs(signed));
    // The re-run: the provenance job signs again, the publish job runs again.
    resigned = await harness.run(SIGN);
    republished = await harness.run(publishInputs(resigned));
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('the provenance job publishes only the workflow artifact', () => {
    expect(signed.errors).toEqual([]);
    expect(harness.sandbox.artifacts!.listArtifacts().map((a) => a.name)).toEqual([
      'multiple.intoto.jsonl'
    ]);
  });

  it('the publish job attaches the signed file to an immutable release (draft, upload, publish)', () => {
    expect(published.errors).toEqual([]);
    expect(published.exitCode).toBe(0);
    const { releases, assets } = harness.sandbox.github;
    expect(releases.map((r) => [r.tagName, r.draft, r.immutable])).toEqual([
      ['v1.2.3', false, true]
    ]);
    expect(assets.map((a) => a.name)).toEqual(['multiple.intoto.jsonl']);
    expect(assets[0]!.content.equals(signed.provenance!.content)).toBe(true);
    expect(published.outputs['release-asset-url']).toBe(
      'https://github.com/octo-org/octo-app/releases/download/v1.2.3/multiple.intoto.jsonl'
    );
  });

  it('and stores each bundle through the attestations API', () => {
    const { attestations } = harness.sandbox.github;
    expect(attestations).toHaveLength(signed.provenance!.bundles.length);
    expect(attestations[0]!.bundle).toEqual(signed.provenance!.bundles[0]);
    expect(published.outputs['attestation-url']).toBe(
      `https://github.com/octo-org/octo-app/attestations/${attestations[0]!.id}`
    );
  });

  it('a re-run hands on the earlier file and adds nothing anywhere', () => {
    expect(resigned.exitCode).toBe(0);
    // Signed again (new signature), but the earlier artifact stands, and so its bytes are
    // what this attempt outputs and writes.
    expect(resigned.outputs['provenance-sha256']).toBe(signed.outputs['provenance-sha256']);
    expect(resigned.provenance!.content.equals(signed.provenance!.content)).toBe(true);
    expect(republished.errors).toEqual([]);
    expect(republished.exitCode).toBe(0);
    expect(harness.sandbox.github.assets).toHaveLength(1);
    expect(harness.sandbox.github.attestations).toHaveLength(signed.provenance!.bundles.length);
    expect(harness.sandbox.artifacts!.listArtifacts()).toHaveLength(1);
  });

  it('refuses a file that is not the one the provenance job signed, in one line', async () => {
    const before = harness.sandbox.github.requests.length;
    const run = await harness.run(
      publishInputs(signed, { 'provenance-sha256': 'f'.repeat(64), 'upload-tag-name': 'v7.0.0' })
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^PUBLISH_FAILED: provenance digest mismatch: the provenance job signed a file with sha256 f{64}, the workflow artifact holds [0-9a-f]{64}; refusing to publish it$/
      )
    ]);
    expect(showsStackTrace(run.log)).toBe(false);
    // Nothing was asked of GitHub: the check comes before any request.
    expect(harness.sandbox.github.requests.slice(before)).toEqual([]);
    expect(harness.sandbox.github.releases.map((r) => r.tagName)).toEqual(['v1.2.3']);
  });

  it('refuses a missing artifact and a publish job with nothing to do', async () => {
    const missing = await harness.run(
      publishInputs(signed, { 'provenance-name': 'other.intoto.jsonl' })
    );
    expect(missing.errors).toEqual([
      expect.stringMatching(
        /^PUBLISH_FAILED: workflow artifact "other.intoto.jsonl": not found in this run/
      )
    ]);
    const idle = await harness.run(
      publishInputs(signed, { 'upload-assets': 'false', 'attest-to-github': 'false' })
    );
    expect(idle.errors).toEqual([
      'INPUT_INVALID: mode publish: nothing to do; set upload-assets or attest-to-github'
    ]);
  });
});
