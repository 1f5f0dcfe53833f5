// The only change the act harness makes to an examples/ caller: the `with:` of the call of our
// workflow gains the sandbox's Sigstore instance (from configuration variables), and a
// SHA-pinned run swaps the tag for the builder commit. Everything else stays as published.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { callerWorkflowText } from '../../demo/act/workflow-run.js';
import type { LocalRepository } from '../../demo/act/repos.js';

const builder: LocalRepository = {
  repository: 'isolated-provenance/isolated-provenance',
  dir: '/nonexistent',
  sha: 'b'.repeat(40),
  tag: 'v1.0.0'
};
const example = readFileSync('examples/github-release.yml', 'utf8');
const run = { caller: 'examples/github-release.yml', called: '.github/workflows/generic.yml' };

type Doc = { jobs: Record<string, { uses?: string; with?: Record<string, unknown> }> };

describe('callerWorkflowText', () => {
  it('adds the sandbox instance to the call and keeps the rest of the example', () => {
    const original = parse(example) as Doc;
    const changed = parse(callerWorkflowText(example, run, builder)) as Doc;
    expect(changed.jobs['provenance']!.uses).toBe(original.jobs['provenance']!.uses);
    expect(changed.jobs['provenance']!.with).toEqual({
      ...original.jobs['provenance']!.with,
      'sigstore-instance': 'custom',
      'fulcio-url': '${{ vars.SIGSTORE_FULCIO_URL }}',
      'rekor-url': '${{ vars.SIGSTORE_REKOR_URL }}',
      'tsa-url': '${{ vars.SIGSTORE_TSA_URL }}',
      'oidc-issuer': '${{ vars.OIDC_ISSUER }}'
    });
    expect(changed.jobs['build']).toEqual(original.jobs['build']);
  });

  it('pins the call to the builder commit for a SHA-pinned run', () => {
    const changed = parse(callerWorkflowText(example, { ...run, pinBySha: true }, builder)) as Doc;
    expect(changed.jobs['provenance']!.uses).toBe(
      `isolated-provenance/isolated-provenance/.github/workflows/generic.yml@${'b'.repeat(40)}`
    );
  });

  it('refuses a caller that does not call the workflow under test', () => {
    expect(() =>
      callerWorkflowText(example, { ...run, called: '.github/workflows/container.yml' }, builder)
    ).toThrow(
      /does not call isolated-provenance\/isolated-provenance\/.github\/workflows\/container.yml@/
    );
  });
});
