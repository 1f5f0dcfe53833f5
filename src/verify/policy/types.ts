// What a verifier user asks for (VerifyPolicy) and what the policy reads (PolicyEvidence):
// the certificate identity the core has verified plus the normalised provenance.
import type { DigestAlgorithm } from '../../types.js';
import type { CertificateIdentity } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import type { BuilderRefKind } from './builder-id.js';
import type { BuilderRelease } from './builder-releases.js';
import type { BuilderSet } from './trusted-builders.js';

export interface ArtifactDigest {
  /** File path or the `sha256:HEX` text the user gave, for messages. */
  label: string;
  algorithm: DigestAlgorithm;
  hex: string;
  /** Other digests of the same bytes (a hashed file also matches a sha512-only subject). */
  alternates?: { algorithm: DigestAlgorithm; hex: string }[];
}

export type SourceRefRequirement =
  | { kind: 'any' }
  | { kind: 'branch'; branch: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'versioned-tag'; version: string };

export interface VerifyPolicy {
  /** --source-uri, e.g. github.com/OWNER/REPO. */
  sourceUri: string;
  sourceRef: SourceRefRequirement;
  /** --builder-id: with or without @ref. */
  builderId?: string;
  /** --build-workflow-input k=v pairs. */
  workflowInputs: Record<string, string>;
  /** The OIDC issuer the certificate must name; GitHub's (token.actions.githubusercontent.com) by default. */
  issuer?: string;
  /** Every one of these must be a subject of the statement. */
  artifacts: ArtifactDigest[];
  /** Which builders are trusted by default: verify-artifact's or verify-image's set. */
  builderSet?: BuilderSet;
  /** Build L2 (runner-as-builder) provenance: the workflow that signed, as gh's --signer-workflow. */
  signerWorkflow?: string;
  /** Build L2: any workflow of this OWNER/REPO, as gh's --signer-repo. */
  signerRepo?: string;
  /** --source-repository-id / --source-owner-id: GitHub's numeric ids (certificate .1.15 / .1.17). */
  sourceRepositoryId?: string;
  sourceOwnerId?: string;
  /** gh's --deny-self-hosted-runners: the certificate must say github-hosted. */
  denySelfHostedRunners?: boolean;
  /** --deployment-environment: the certificate's .1.23 must name this environment. */
  deploymentEnvironment?: string;
  /** npm: the package the provenance and npm's publish attestation must name (slsa-verifier verify-npm-package). */
  packageName?: string;
  packageVersion?: string;
  /** Our builder's releases (tag → commit); the shipped manifest by default. */
  builderReleases?: readonly BuilderRelease[];
}

export interface PolicyEvidence {
  identity: CertificateIdentity;
  provenance: ProvenanceView;
  /** Statements verified in the same file under a trusted key (npm's publish attestation). */
  companions?: readonly unknown[];
}

/** How the builder came to be trusted. */
export interface BuilderTrust {
  builderId: string;
  /** 3 for an isolated reusable-workflow builder, 2 for runner-as-builder provenance. */
  slsaBuildLevel: 2 | 3;
  /** The kind of ref the builder (or the L2 signer workflow) ran at. */
  trustedAt: BuilderRefKind;
  /** Why it was trusted: a default builder, one the user named, or an L2 signer the user named. */
  trustedBy: 'default' | 'builder-id' | 'release-manifest' | 'signer-workflow' | 'signer-repo';
  warnings: string[];
}

/** The facts a passing verification vouches for (printed and put in the --json report). */
export interface PolicyOutcome extends BuilderTrust {
  signerIdentity: string;
  /** Source repository, ref and commit: from the certificate (what GitHub's token said). */
  sourceUri: string;
  sourceRef: string;
  sourceCommit?: string;
  /** The predicate's source digests, as recorded. */
  sourceDigest: Record<string, string>;
  sourceRepositoryId?: string;
  sourceOwnerId?: string;
  runnerEnvironment?: string;
  deploymentEnvironment?: string;
  /** Fulcio .1.24: the OIDC token's raw `sub`. */
  tokenSubject?: string;
  trigger?: string;
  matchedSubjects: { artifact: string; subject: string; digest: string }[];
}
