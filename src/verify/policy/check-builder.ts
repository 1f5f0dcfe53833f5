// Is the signer a builder we trust, and does the predicate name the same builder?
// The certificate SAN is the reusable workflow that obtained the signing identity; only it
// can be trusted. The predicate's builder id is a claim inside the signed payload: for
// ordinary builders it must equal the SAN (slsa-verifier verifiers/internal/gha/provenance.go
// verifyBuilderIDExactMatch), for BYOB delegators it names the builder the delegator ran.
// Provenance whose builder is the GitHub runner itself is Build L2: see check-signer-l2.ts.
//
// Refs (slsa-verifier verifiers/internal/gha/builder.go verifyTrustedBuilderRef +
// verifiers/utils/builder.go IsValidBuilderTag): a builder is trusted at a release tag
// vX.Y.Z only, named or not. Deliberately different: a user who names a ref explicitly
// (`--builder-id …@refs/heads/main`, `…@<sha>`) trusts the builder there, with a warning.
// Advice in a refusal never repeats a ref or commit from the certificate: that is the
// evidence under check, and copying it into --builder-id would trust whatever it names.
import { BUILD_TYPE_BYOB_DELEGATOR } from '../provenance/build-types.js';
import type { ProvenanceView } from '../provenance/index.js';
import type { FulcioExtensions } from '../core/types.js';
import {
  builderRefKind,
  formatBuilderId,
  isCommitSha,
  isReleaseTag,
  parseBuilderId,
  type BuilderId
} from './builder-id.js';
import type { BuilderRelease } from './builder-releases.js';
import { checkBuildType } from './check-build-type.js';
import { mismatch } from './policy-error.js';
import {
  GENERATOR_WORKFLOWS_PREFIX,
  defaultBuilders,
  isByobDelegator,
  isDefaultTrustedBuilder,
  isOurBuilder,
  type BuilderSet
} from './trusted-builders.js';
import type { BuilderTrust } from './types.js';

const RELEASE_TAG_HINT = 'a release tag refs/tags/vX.Y.Z';
const NAME_A_REF =
  'a builder is trusted by default only at a release; to trust another ref you have reviewed, name it in --builder-id NAME@REF';

export interface BuilderContext {
  signerIdentity: string;
  extensions: FulcioExtensions;
  provenance: ProvenanceView;
  wanted: string | undefined;
  set: BuilderSet;
  releases: readonly BuilderRelease[];
}

export function checkBuilder(context: BuilderContext): BuilderTrust {
  const { signerIdentity, provenance, wanted, set } = context;
  const signer = parseBuilderId(signerIdentity);
  if (signer.ref === undefined) {
    throw mismatch(
      'signing certificate',
      'a reusable workflow identity NAME@REF',
      JSON.stringify(signerIdentity)
    );
  }
  if (isByobDelegator(signer.name, set)) return checkDelegatedBuilder(signer, provenance, wanted);
  if (provenance.builderId !== signerIdentity) {
    throw mismatch(
      'predicate builder id',
      `the certificate identity ${signerIdentity}`,
      provenance.builderId,
      'the provenance claims a builder that did not sign it'
    );
  }
  // Who signed is decided first (slsa-verifier: VerifyBuilderIdentity before VerifyProvenance);
  // only then is the predicate read as that builder's.
  const trust = trustSigner(signer, context);
  checkBuildType(signer.name, provenance);
  return trust;
}

function trustSigner(signer: BuilderId, context: BuilderContext): BuilderTrust {
  const { signerIdentity, wanted, set } = context;
  if (wanted !== undefined) return checkNamedBuilder(signer, parseBuilderId(wanted), context);
  if (!isDefaultTrustedBuilder(signer.name, set)) {
    throw mismatch(
      'builder',
      `one of the trusted builders ${defaultBuilders(set).join(', ')} (or one named with --builder-id)`,
      signerIdentity,
      'untrusted reusable workflow'
    );
  }
  if (isOurBuilder(signer.name) && isCommitSha(signer.ref))
    return checkOurReleaseCommit(signer, context);
  if (!isReleaseTag(signer.ref))
    throw mismatch(
      `builder ${signer.name} ref`,
      RELEASE_TAG_HINT,
      signer.ref ?? 'no ref',
      NAME_A_REF
    );
  checkReleaseNotMoved(signer, context);
  return level3(signerIdentity, 'release', 'default');
}

function level3(
  builderId: string,
  trustedAt: BuilderTrust['trustedAt'],
  trustedBy: BuilderTrust['trustedBy'],
  warnings: string[] = []
): BuilderTrust {
  return { builderId, slsaBuildLevel: 3, trustedAt, trustedBy, warnings };
}

/**
 * Our builder pinned by commit, not named by the user: trusted only when the commit that ran
 * (the certificate's build-signer digest, .1.10) is one of our recorded releases.
 */
function checkOurReleaseCommit(signer: BuilderId, context: BuilderContext): BuilderTrust {
  const ran = context.extensions.buildSignerDigest;
  const release = context.releases.find((r) => r.commit === signer.ref);
  if (release === undefined || ran !== signer.ref) {
    throw mismatch(
      `builder ${signer.name} commit`,
      'the commit of one of our releases (the verifier ships their list)',
      `${signer.ref ?? 'none'}${ran !== undefined && ran !== signer.ref ? ` (the certificate's build-signer digest says ${ran})` : ''}`,
      'GitHub also resolves commits that exist only in a fork; to trust a commit you have reviewed, name it in --builder-id NAME@<sha>'
    );
  }
  return level3(formatBuilderId(signer), 'commit', 'release-manifest', [
    `builder pinned by commit ${release.commit}, which is our release ${release.tag}`
  ]);
}

/** A recorded release tag must still point at the recorded commit (.1.10 says what ran). */
function checkReleaseNotMoved(signer: BuilderId, context: BuilderContext): void {
  if (!isOurBuilder(signer.name)) return;
  const release = context.releases.find((r) => r.tag === signer.ref);
  const ran = context.extensions.buildSignerDigest;
  if (release !== undefined && ran !== undefined && ran !== release.commit) {
    throw mismatch(
      `builder ${formatBuilderId(signer)} commit`,
      `${release.commit} (recorded when ${release.tag} was released)`,
      `${ran} (the certificate's build-signer digest)`
    );
  }
}

/** --builder-id given: the signer must be exactly that builder (and at that ref if one is given). */
function checkNamedBuilder(
  signer: BuilderId,
  wanted: BuilderId,
  context: BuilderContext
): BuilderTrust {
  const found = formatBuilderId(signer);
  if (wanted.name !== signer.name) throw mismatch('builder', formatBuilderId(wanted), found);
  if (wanted.ref === undefined) {
    // slsa-verifier checks the ref whether or not the builder was named (builder.go
    // VerifyBuilderIdentity → verifyTrustedBuilderRef).
    if (!isReleaseTag(signer.ref))
      throw mismatch(
        `builder ${signer.name} ref`,
        RELEASE_TAG_HINT,
        signer.ref ?? 'no ref',
        NAME_A_REF
      );
    checkReleaseNotMoved(signer, context);
    return level3(found, 'release', 'builder-id');
  }
  if (wanted.ref !== signer.ref) throw mismatch('builder ref', wanted.ref, signer.ref ?? 'no ref');
  const kind = builderRefKind(signer.ref);
  if (kind === 'release') {
    checkReleaseNotMoved(signer, context);
    return level3(found, kind, 'builder-id');
  }
  if (kind === 'commit' && context.extensions.buildSignerDigest !== undefined) {
    if (context.extensions.buildSignerDigest !== signer.ref)
      throw mismatch(
        'builder commit',
        `${signer.ref} (the commit you named)`,
        `${context.extensions.buildSignerDigest} (the certificate's build-signer digest)`
      );
  }
  const why =
    kind === 'commit'
      ? `builder trusted at commit ${signer.ref} because you named it; GitHub also resolves commits that exist only in a fork, so make sure this commit is in ${signer.name.split('/.github/')[0] ?? signer.name}`
      : `builder trusted at ${kind === 'branch' ? 'a branch' : 'a non-release ref'} ${signer.ref} because you named it; a branch can point at any commit over time`;
  return level3(found, kind, 'builder-id', [why]);
}

/**
 * BYOB: the delegator (SAN) signs on behalf of the builder named in the predicate (a trusted
 * reusable workflow, TRW). slsa-verifier (provenance.go VerifyProvenance, isValidDelegatorBuilderID):
 * the TRW must be at a release tag; without --builder-id it must live under
 * slsa-framework/slsa-github-generator/.github/workflows/; with one, names must match (and refs
 * when the user gives one).
 */
function checkDelegatedBuilder(
  delegator: BuilderId,
  provenance: ProvenanceView,
  wanted: string | undefined
): BuilderTrust {
  if (!isReleaseTag(delegator.ref)) {
    throw mismatch(
      `BYOB delegator ${delegator.name} ref`,
      RELEASE_TAG_HINT,
      delegator.ref ?? 'no ref'
    );
  }
  if (provenance.buildType !== BUILD_TYPE_BYOB_DELEGATOR) {
    throw mismatch(
      'provenance signed by a BYOB delegator',
      `buildType ${BUILD_TYPE_BYOB_DELEGATOR}`,
      `${provenance.predicateType} with buildType ${provenance.buildType}`
    );
  }
  const claimed = parseBuilderId(provenance.builderId);
  if (!isReleaseTag(claimed.ref)) {
    throw mismatch(
      `predicate builder ${claimed.name} ref`,
      RELEASE_TAG_HINT,
      claimed.ref ?? 'no ref',
      'a BYOB builder is trusted only at a release'
    );
  }
  if (wanted === undefined) {
    if (!claimed.name.startsWith(GENERATOR_WORKFLOWS_PREFIX)) {
      throw mismatch(
        '--builder-id',
        `the builder you trust (only BYOB builders under ${GENERATOR_WORKFLOWS_PREFIX} are trusted without it)`,
        `none given; the predicate names ${provenance.builderId}`
      );
    }
    return level3(provenance.builderId, 'release', 'default');
  }
  const expected = parseBuilderId(wanted);
  if (
    expected.name !== claimed.name ||
    (expected.ref !== undefined && expected.ref !== claimed.ref)
  ) {
    throw mismatch('builder', formatBuilderId(expected), provenance.builderId);
  }
  return level3(provenance.builderId, 'release', 'builder-id');
}
