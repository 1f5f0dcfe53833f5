// Is the signer a builder we trust, and does the predicate name the same builder?
// The certificate SAN is the reusable workflow that obtained the signing identity; only it
// can be trusted. The predicate's builder id is a claim inside the signed payload: for
// ordinary builders it must equal the SAN, for BYOB delegators it names the builder the
// delegator ran (and the user must say which builder they trust).
import { BUILD_TYPE_BYOB_DELEGATOR } from '../provenance/build-types.js';
import type { ProvenanceView } from '../provenance/index.js';
import {
  formatBuilderId,
  isCommitSha,
  isReleaseTag,
  parseBuilderId,
  type BuilderId
} from './builder-id.js';
import { mismatch } from './policy-error.js';
import {
  BYOB_DELEGATORS,
  GENERATOR_BUILDERS,
  OUR_BUILDERS,
  isByobDelegator,
  isDefaultTrustedBuilder
} from './trusted-builders.js';

const RELEASE_TAG_HINT = 'a release tag refs/tags/vX.Y.Z';

export function checkBuilder(
  signerIdentity: string,
  provenance: ProvenanceView,
  wanted: string | undefined
): string {
  const signer = parseBuilderId(signerIdentity);
  if (signer.ref === undefined) {
    throw mismatch(
      'signing certificate',
      'a reusable workflow identity NAME@REF',
      JSON.stringify(signerIdentity)
    );
  }
  if (isByobDelegator(signer.name)) return checkDelegatedBuilder(signer, provenance, wanted);
  if (provenance.builderId !== signerIdentity) {
    throw mismatch(
      'predicate builder id',
      `the certificate identity ${signerIdentity}`,
      provenance.builderId,
      'the provenance claims a builder that did not sign it'
    );
  }
  if (wanted !== undefined) return checkNamedBuilder(signer, parseBuilderId(wanted));
  if (!isDefaultTrustedBuilder(signer.name)) {
    throw mismatch(
      'builder',
      `one of the trusted builders ${[...OUR_BUILDERS, ...GENERATOR_BUILDERS].join(', ')} (or one named with --builder-id)`,
      signerIdentity,
      'untrusted reusable workflow'
    );
  }
  if (!isReleaseTag(signer.ref)) {
    throw mismatch(
      `builder ${signer.name} ref`,
      RELEASE_TAG_HINT,
      signer.ref,
      isCommitSha(signer.ref)
        ? `to trust a builder pinned by commit, pass --builder-id ${signerIdentity}`
        : undefined
    );
  }
  return signerIdentity;
}

/** --builder-id given: the signer must be exactly that builder (and at that ref if one is given). */
function checkNamedBuilder(signer: BuilderId, wanted: BuilderId): string {
  const found = formatBuilderId(signer);
  if (wanted.name !== signer.name) throw mismatch('builder', formatBuilderId(wanted), found);
  if (wanted.ref !== undefined) {
    if (wanted.ref !== signer.ref)
      throw mismatch('builder ref', wanted.ref, signer.ref ?? 'no ref');
    return found;
  }
  // A well-known builder named without a ref is still only trusted at a release.
  if (isDefaultTrustedBuilder(signer.name) && !isReleaseTag(signer.ref)) {
    throw mismatch(
      `builder ${signer.name} ref`,
      RELEASE_TAG_HINT,
      signer.ref ?? 'no ref',
      `name the exact ref with --builder-id ${found} to trust it`
    );
  }
  return found;
}

function checkDelegatedBuilder(
  delegator: BuilderId,
  provenance: ProvenanceView,
  wanted: string | undefined
): string {
  if (!isReleaseTag(delegator.ref)) {
    throw mismatch(
      `BYOB delegator ${delegator.name} ref`,
      RELEASE_TAG_HINT,
      delegator.ref ?? 'no ref'
    );
  }
  if (provenance.buildTypeFamily !== 'byob-delegator') {
    throw mismatch(
      'provenance signed by a BYOB delegator',
      `an SLSA v1 predicate with buildType ${BUILD_TYPE_BYOB_DELEGATOR}`,
      `${provenance.predicateType} with buildType ${provenance.buildType}`
    );
  }
  const claimed = parseBuilderId(provenance.builderId);
  // The builder (a trusted reusable workflow, TRW) is versioned in its own repository, so its
  // ref need not equal the delegator's; like slsa-verifier, it must be a release tag. A TRW
  // at a branch could be any commit of it.
  if (!isReleaseTag(claimed.ref)) {
    throw mismatch(
      `predicate builder ${claimed.name} ref`,
      RELEASE_TAG_HINT,
      claimed.ref ?? 'no ref',
      'a BYOB builder is trusted only at a release'
    );
  }
  if (wanted === undefined) {
    throw mismatch(
      '--builder-id',
      `the builder you trust (provenance from ${BYOB_DELEGATORS.join(' / ')} names its builder in the predicate)`,
      `none given; the predicate names ${provenance.builderId}`
    );
  }
  const expected = parseBuilderId(wanted);
  if (
    expected.name !== claimed.name ||
    (expected.ref !== undefined && expected.ref !== claimed.ref)
  ) {
    throw mismatch('builder', formatBuilderId(expected), provenance.builderId);
  }
  return provenance.builderId;
}
