// The policy, in order: who signed (issuer, builder — or, for Build L2 provenance, the signer
// workflow the user named), what it claims to have built from (source repository and ids,
// ref, inputs, runner and deployment environment), and what it built (subjects). Fails at the
// first check that does not hold; never returns a partial pass. The source facts reported are
// the certificate's (what GitHub's OIDC token said), never only the predicate's.
import { GITHUB_OIDC_ISSUER } from '../../identity.js';
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { BUILDER_RELEASES } from './builder-releases.js';
import { checkBuilder } from './check-builder.js';
import { checkEnvironment } from './check-environment.js';
import { checkWorkflowInputs } from './check-inputs.js';
import { checkSourceRef } from './check-ref.js';
import { checkNpmPackage } from './check-npm-package.js';
import { checkL2Signer, isRunnerBuilt } from './check-signer-l2.js';
import { checkSourceIds } from './check-source-ids.js';
import { checkSource } from './check-source.js';
import { checkSubjects } from './check-subjects.js';
import { mismatch } from './policy-error.js';
import type { BuilderTrust, PolicyEvidence, PolicyOutcome, VerifyPolicy } from './types.js';

export function evaluatePolicy(evidence: PolicyEvidence, policy: VerifyPolicy): PolicyOutcome {
  const { identity, provenance } = evidence;
  const { extensions } = identity;
  const issuer = policy.issuer ?? GITHUB_OIDC_ISSUER;
  if (identity.issuer !== issuer) {
    throw mismatch('certificate OIDC issuer', issuer, identity.issuer ?? 'none');
  }
  const signerIdentity = identity.subjectAlternativeName;
  if (signerIdentity === undefined)
    throw mismatch('signing certificate', 'a workflow identity (SAN)', 'none');
  // A workflow identity is a URI SAN; an email or otherName never names a builder.
  if (
    identity.subjectAlternativeNameKind !== undefined &&
    identity.subjectAlternativeNameKind !== 'uri'
  )
    throw mismatch(
      'signing certificate',
      'a workflow identity (URI SAN)',
      `${identity.subjectAlternativeNameKind} SAN ${JSON.stringify(signerIdentity)}`
    );
  const trust = checkTrust(signerIdentity, extensions, provenance, policy);
  const sourceUri = checkSource(extensions, provenance, policy.sourceUri);
  const ids = checkSourceIds(extensions, provenance, policy);
  const sourceRef = checkSourceRef(extensions, provenance, policy.sourceRef);
  const sourceCommit = certificateCommit(extensions, provenance);
  const environment = checkEnvironment(extensions, provenance, policy);
  checkWorkflowInputs(provenance.trigger, provenance.workflowInputs, policy.workflowInputs);
  const matchedSubjects = checkSubjects(provenance.subjects, policy.artifacts);
  checkNpmPackage(provenance.subjects, evidence.companions ?? [], policy.artifacts, policy);
  return {
    ...trust,
    warnings: [
      ...trust.warnings,
      ...(environment.runnerEnvironment === 'self-hosted'
        ? ['built on a self-hosted runner: the runner is outside GitHub’s control']
        : [])
    ],
    signerIdentity,
    sourceUri,
    sourceRef,
    ...(sourceCommit === undefined ? {} : { sourceCommit }),
    sourceDigest: provenance.sourceDigest,
    ...ids,
    ...environment,
    ...(extensions.tokenSubject === undefined ? {} : { tokenSubject: extensions.tokenSubject }),
    ...(provenance.trigger === undefined ? {} : { trigger: provenance.trigger }),
    matchedSubjects
  };
}

function checkTrust(
  signerIdentity: string,
  extensions: FulcioExtensions,
  provenance: ProvenanceView,
  policy: VerifyPolicy
): BuilderTrust {
  if (isRunnerBuilt(provenance))
    return checkL2Signer({
      signerIdentity,
      extensions,
      provenance,
      wanted: policy.builderId,
      signerWorkflow: policy.signerWorkflow,
      signerRepo: policy.signerRepo
    });
  if (policy.signerWorkflow !== undefined || policy.signerRepo !== undefined)
    throw mismatch(
      '--signer-workflow / --signer-repo',
      'Build L2 provenance (builder https://github.com/actions/runner/github-hosted)',
      `provenance from the builder ${provenance.builderId}; use --builder-id for a builder`
    );
  // slsa-verifier verify-npm-package: "Users must always provide the builder ID"
  // (verifiers/internal/gha/verifier.go verifyNpmEnvAndCert).
  if (
    (policy.packageName !== undefined || policy.packageVersion !== undefined) &&
    policy.builderId === undefined
  )
    throw mismatch(
      '--builder-id',
      'the builder of this npm package (required with --package-name / --package-version, as slsa-verifier verify-npm-package)',
      'none given'
    );
  return checkBuilder({
    signerIdentity,
    extensions,
    provenance,
    wanted: policy.builderId,
    set: policy.builderSet ?? 'artifact',
    releases: policy.builderReleases ?? BUILDER_RELEASES
  });
}

/**
 * The source commit from the certificate (.1.13, legacy .1.3). The predicate's must agree,
 * except for BYOB builders, which may build a commit of their own making (slsa-verifier
 * provenance.go verifySourceURI: "BYOB builders can build from a different ref").
 */
function certificateCommit(
  extensions: FulcioExtensions,
  provenance: ProvenanceView
): string | undefined {
  const certificate = extensions.sourceRepositoryDigest ?? extensions.legacySha;
  const recorded = provenance.sourceDigest.gitCommit ?? provenance.sourceDigest.sha1;
  if (
    certificate !== undefined &&
    recorded !== undefined &&
    certificate !== recorded &&
    provenance.buildTypeFamily !== 'byob-delegator'
  )
    throw mismatch('predicate source commit', `${certificate} (from the certificate)`, recorded);
  return certificate ?? recorded;
}
