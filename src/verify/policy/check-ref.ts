// The git ref the artifact was built from: --source-branch, --source-tag or
// --source-versioned-tag. The certificate's ref extension (what the OIDC token said) must
// agree with the predicate's when the certificate carries one.
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { mismatch } from './policy-error.js';
import { parseVersion, versionMatchesPrefix } from './semver-prefix.js';
import type { SourceRefRequirement } from './types.js';

export function checkSourceRef(
  extensions: FulcioExtensions,
  provenance: ProvenanceView,
  wanted: SourceRefRequirement
): string {
  const ref = provenance.sourceRef;
  const certificateRef = extensions.sourceRepositoryRef ?? extensions.legacyRef;
  if (certificateRef !== undefined && certificateRef !== ref) {
    throw mismatch('predicate source ref', `${certificateRef} (from the certificate)`, ref);
  }
  switch (wanted.kind) {
    case 'any':
      return ref;
    case 'branch':
      if (ref !== `refs/heads/${wanted.branch}`)
        throw mismatch('source branch', `refs/heads/${wanted.branch}`, ref);
      return ref;
    case 'tag':
      if (ref !== `refs/tags/${wanted.tag}`)
        throw mismatch('source tag', `refs/tags/${wanted.tag}`, ref);
      return ref;
    case 'versioned-tag':
      return checkVersionedTag(ref, wanted.version);
  }
}

function checkVersionedTag(ref: string, wanted: string): string {
  const expected = `a tag matching ${wanted}`;
  if (!ref.startsWith('refs/tags/')) throw mismatch('source versioned tag', expected, ref);
  const version = parseVersion(ref.slice('refs/tags/'.length));
  const wantedVersion = parseVersion(wanted);
  if (wantedVersion === undefined)
    throw mismatch('--source-versioned-tag', 'vMAJOR[.MINOR[.PATCH]]', JSON.stringify(wanted));
  if (version === undefined)
    throw mismatch('source versioned tag', expected, `${ref}, which is not a semantic version`);
  if (!versionMatchesPrefix(version, wantedVersion))
    throw mismatch('source versioned tag', expected, ref);
  return ref;
}
