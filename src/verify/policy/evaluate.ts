// The policy, in order: who signed (issuer, builder), what it claims to have built from
// (source repository, ref, inputs), and what it built (subjects). Fails at the first check
// that does not hold; never returns a partial pass.
import { GITHUB_OIDC_ISSUER } from '../../identity.js';
import { checkBuilder } from './check-builder.js';
import { checkWorkflowInputs } from './check-inputs.js';
import { checkSourceRef } from './check-ref.js';
import { checkSource } from './check-source.js';
import { checkSubjects } from './check-subjects.js';
import { mismatch } from './policy-error.js';
import type { PolicyEvidence, PolicyOutcome, VerifyPolicy } from './types.js';

export function evaluatePolicy(evidence: PolicyEvidence, policy: VerifyPolicy): PolicyOutcome {
  const { identity, provenance } = evidence;
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
  const builderId = checkBuilder(signerIdentity, provenance, policy.builderId);
  const sourceUri = checkSource(identity.extensions, provenance, policy.sourceUri);
  const sourceRef = checkSourceRef(identity.extensions, provenance, policy.sourceRef);
  checkWorkflowInputs(provenance.workflowInputs, policy.workflowInputs);
  const matchedSubjects = checkSubjects(provenance.subjects, policy.artifacts);
  return {
    builderId,
    signerIdentity,
    sourceUri,
    sourceRef,
    sourceDigest: provenance.sourceDigest,
    ...(provenance.trigger === undefined ? {} : { trigger: provenance.trigger }),
    matchedSubjects
  };
}
