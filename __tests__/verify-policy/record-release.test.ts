// The builder release manifest (issue 16 item 11): one entry per release, a tag never moves,
// and the rendered module is what the verifier imports.
import { describe, expect, it } from '@jest/globals';
import { addRelease, renderReleases } from '../../src/verify/policy/record-release.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const SOURCE = `header\n// BEGIN RELEASES (generated; one entry per line)\nexport const BUILDER_RELEASES: readonly BuilderRelease[] = [];\n// END RELEASES\n`;

describe('record-release', () => {
  it('adds a release and renders it', () => {
    const releases = addRelease([], 'v1.0.0', A);
    expect(releases).toEqual([{ tag: 'refs/tags/v1.0.0', commit: A }]);
    expect(renderReleases(SOURCE, releases)).toContain(
      `  { tag: 'refs/tags/v1.0.0', commit: '${A}' }\n];`
    );
  });

  it('is idempotent for the same tag and commit, and refuses a moved tag', () => {
    const releases = addRelease([], 'v1.0.0', A);
    expect(addRelease(releases, 'refs/tags/v1.0.0', A)).toEqual(releases);
    expect(() => addRelease(releases, 'v1.0.0', B)).toThrow(
      `release refs/tags/v1.0.0 is already recorded at ${A}; a release tag never moves`
    );
  });

  it('refuses pre-releases and short commits', () => {
    expect(() => addRelease([], 'v1.0.0-rc.1', A)).toThrow('release tag: expected vX.Y.Z');
    expect(() => addRelease([], 'v1.0.0', 'abc')).toThrow('release commit: expected 40 hex');
  });
});
