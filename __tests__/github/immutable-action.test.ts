// The bundled action against a sandbox repository with immutable releases on: the release it
// creates ends immutable with the provenance in it, a re-run changes nothing, a release someone
// already published is refused in one line, and a rollback never tries to delete from one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness
} from '../helpers/action-harness.js';
import { base64Of, makeSubjects, sha256sumText } from '../helpers/subjects.js';

const subjects = makeSubjects(2, { prefix: 'immutable' });
const UPLOAD = { 'base64-subjects': base64Of(sha256sumText(subjects)), 'upload-assets': 'true' };

describe('a repository with immutable releases', () => {
  let harness: ActionHarness;
  beforeAll(async () => {
    harness = await startActionHarness({ immutableReleases: true });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  const deletes = () => harness.sandbox.github.requests.filter((r) => r.method === 'DELETE');

  it('creates the release as a draft, uploads, publishes it immutable; a re-run changes nothing', async () => {
    const first = await harness.run(UPLOAD);
    expect(first.errors).toEqual([]);
    const { releases, assets } = harness.sandbox.github;
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ tagName: 'v1.2.3', draft: false, immutable: true });
    expect(assets.map((a) => a.name)).toEqual(['multiple.intoto.jsonl']);

    const rerun = await harness.run(UPLOAD);
    expect(rerun.errors).toEqual([]);
    expect(rerun.summary).toMatch(/\| release-asset \| [^|]+ \| unchanged \|/);
    expect(harness.sandbox.github.assets).toHaveLength(1);
    expect(deletes()).toEqual([]);
  }, 120_000);

  it('refuses a release someone already published, in one line naming both ways out', async () => {
    const api = harness.sandbox.urls.github;
    const created = await fetch(`${api}/repos/${harness.sandbox.run.repository}/releases`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${harness.sandbox.githubToken}`,
        'content-type': 'application/json'
      },
      body: JSON.stringify({ tag_name: 'v9.9.9' })
    });
    expect(((await created.json()) as { immutable: boolean }).immutable).toBe(true);
    const before = harness.sandbox.github.assets.length;

    const run = await harness.run({ ...UPLOAD, 'upload-tag-name': 'v9.9.9' });
    expect(run.exitCode).not.toBe(0);
    // Refused before signing: nothing went to the transparency log.
    expect(run.rekorEntriesAdded).toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      'release "v9.9.9" is an immutable release that is already published'
    );
    expect(run.errors[0]).toContain('leave the release to this workflow');
    expect(run.errors[0]).not.toContain('already exists');
    expect(showsStackTrace(run.log)).toBe(false);
    expect(harness.sandbox.github.assets).toHaveLength(before);
    expect(deletes()).toEqual([]);
  }, 120_000);

  it('keeps what went into an immutable release when a later destination fails, and says so', async () => {
    harness.sandbox.faults.setPlan('attestations=503x*');
    try {
      const run = await harness.run({
        ...UPLOAD,
        'upload-tag-name': 'v2.0.0',
        'attest-to-github': 'true'
      });
      expect(run.exitCode).not.toBe(0);
      expect(run.errors[0]).toMatch(/attestations/);
      expect(run.errors[0]).toContain(
        'kept (cannot be removed; a re-run reuses it): asset multiple.intoto.jsonl of immutable release v2.0.0'
      );
      expect(deletes()).toEqual([]);
      const release = harness.sandbox.github.releases.find((r) => r.tagName === 'v2.0.0');
      expect(release).toMatchObject({ immutable: true });
    } finally {
      harness.sandbox.faults.clear();
    }
  }, 180_000);
});
