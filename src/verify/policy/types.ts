// What a verifier user asks for (VerifyPolicy) and what the policy reads (PolicyEvidence):
// the certificate identity the core has verified plus the normalised provenance.
import type { DigestAlgorithm } from '../../types.js';
import type { CertificateIdentity } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';

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
}

export interface PolicyEvidence {
  identity: CertificateIdentity;
  provenance: ProvenanceView;
}

/** The facts a passing verification vouches for (printed and put in the --json report). */
export interface PolicyOutcome {
  builderId: string;
  signerIdentity: string;
  sourceUri: string;
  sourceRef: string;
  sourceDigest: Record<string, string>;
  trigger?: string;
  matchedSubjects: { artifact: string; subject: string; digest: string }[];
}
