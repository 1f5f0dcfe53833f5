// The git ref the artifact was built from: --source-branch, --source-tag or
// --source-versioned-tag. The ref is the certificate's (.1.14, or legacy .1.6: what GitHub's
// token said); the predicate must agree with it. slsa-verifier reads the same facts from the
// predicate (verifiers/internal/gha/provenance.go VerifyBranch / VerifyTag / VerifyVersionedTag).
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { mismatch } from './policy-error.js';
import { parseVersion, versionMatchesPrefix } from './semver-prefix.js';
import type { SourceRefRequirement } from './types.js';

export function certificateSourceRef(
  extensions: FulcioExtensions,
  provenance: ProvenanceView
): string {
  const certificateRef = extensions.sourceRepositoryRef ?? extensions.legacyRef;
  if (certificateRef !== undefined && certificateRef !== provenance.sourceRef) {
    throw mismatch(
      'predicate source ref',
      `${certificateRef} (from the certificate)`,
      provenance.sourceRef
    );
  }
  return certificateRef ?? provenance.sourceRef;
}

export function checkSourceRef(
  extensions: FulcioExtensions,
  provenance: ProvenanceView,
  wanted: SourceRefRequirement
): string {
  const ref = certificateSourceRef(extensions, provenance);
  switch (wanted.kind) {
    case 'any':
      return ref;
    case 'branch':
      checkBranch(ref, provenance, wanted.branch);
      return ref;
    case 'tag':
      if (ref !== `refs/tags/${wanted.tag}`)
        throw mismatch('source tag', `refs/tags/${wanted.tag}`, ref);
      return ref;
    case 'versioned-tag':
      return checkVersionedTag(ref, wanted.version);
  }
}

/**
 * A branch build names its branch in the ref. A tag build names none: slsa-verifier then takes
 * the branch from the event (common.go getBranchForTag), and refuses when there is none.
 */
function checkBranch(ref: string, provenance: ProvenanceView, branch: string): void {
  const expected = `refs/heads/${branch}`;
  if (ref.startsWith('refs/tags/')) {
    const base = provenance.tagBaseBranch;
    if (base === undefined)
      throw mismatch(
        'source branch',
        expected,
        `a build of tag ${ref}, and the provenance does not say which branch`
      );
    if (base !== expected)
      throw mismatch('source branch', expected, `${base} (the branch of tag ${ref})`);
    return;
  }
  if (ref !== expected) throw mismatch('source branch', expected, ref);
}

function checkVersionedTag(ref: string, wanted: string): string {
  const wantedVersion = parseVersion(wanted);
  if (wantedVersion === undefined)
    throw mismatch(
      '--source-versioned-tag',
      'a semantic version vMAJOR[.MINOR[.PATCH[-PRERELEASE]]]',
      JSON.stringify(wanted)
    );
  const expected = `a tag matching ${wanted}`;
  if (!ref.startsWith('refs/tags/')) throw mismatch('source versioned tag', expected, ref);
  const version = parseVersion(ref.slice('refs/tags/'.length));
  if (version === undefined)
    throw mismatch('source versioned tag', expected, `${ref}, which is not a semantic version`);
  if (!versionMatchesPrefix(version, wantedVersion))
    throw mismatch('source versioned tag', expected, ref);
  return ref;
}
