// The contract between the verifier core (cryptography, formats) and the policy layer.
// Everything in a VerifiedEnvelope has passed signature, chain and transparency/timestamp
// checks against the trust material; nothing here says whether the *content* is acceptable.
//
// Entry points (src/verify/core/index.ts, src/verify/trust/index.ts):
//   verifyProvenanceFile(bytes, { trustMaterial, publicKeys?, artifact?, origin?, onNote? })
//     → Promise<VerifyFileResult>  every envelope of a .jsonl / bundle / attestation list, or a
//     ProvenanceError (FORMAT_INVALID: malformed; VERIFY_FAILED: evidence does not hold).
//   verifyCosignAttestation(layerBytes, annotations, trustMaterial, { layerDigest?, subjectDigest? })
//     → VerifiedEnvelope  for cosign's OCI attestation layer.
//   loadTrustMaterial({ trustedRootPath?, online?, publicKeys? }) → Promise<TrustMaterial>
//     embedded public-good root by default.
import type { TrustMaterial } from '@sigstore/verify';

export type { TrustMaterial };

/** Fulcio certificate extensions (OIDs 1.3.6.1.4.1.57264.1.*), decoded to strings. */
export interface FulcioExtensions {
  /** .1.1 (legacy, raw string) — issuer; also surfaced as CertificateIdentity.issuer. */
  legacyIssuer?: string;
  /** .1.2 legacy raw string: the GitHub workflow trigger (event name). */
  legacyWorkflowTrigger?: string;
  /** .1.3 legacy raw string: the commit SHA. */
  legacySha?: string;
  /** .1.4 legacy raw string: the workflow name. */
  legacyWorkflowName?: string;
  /** .1.5 legacy raw string: owner/name of the source repository. */
  legacyRepository?: string;
  /** .1.6 legacy raw string: the git ref. */
  legacyRef?: string;
  /** .1.8 DER UTF8String: OIDC issuer (v2). */
  issuerV2?: string;
  /** .1.9 */ buildSignerURI?: string;
  /** .1.10 */ buildSignerDigest?: string;
  /** .1.11 */ runnerEnvironment?: string;
  /** .1.12 */ sourceRepositoryURI?: string;
  /** .1.13 */ sourceRepositoryDigest?: string;
  /** .1.14 */ sourceRepositoryRef?: string;
  /** .1.15 */ sourceRepositoryIdentifier?: string;
  /** .1.16 */ sourceRepositoryOwnerURI?: string;
  /** .1.17 */ sourceRepositoryOwnerIdentifier?: string;
  /** .1.18 */ buildConfigURI?: string;
  /** .1.19 */ buildConfigDigest?: string;
  /** .1.20 */ buildTrigger?: string;
  /** .1.21 */ runInvocationURI?: string;
  /** .1.22 */ sourceRepositoryVisibility?: string;
  /** .1.23: the deployment environment (the token's `environment` claim). */
  deploymentEnvironment?: string;
  /** .1.24: the token's raw `sub` claim. */
  tokenSubject?: string;
}

export interface CertificateIdentity {
  /** The SAN of the leaf certificate: URI, email, or Fulcio's otherName username. */
  subjectAlternativeName?: string;
  /** Which kind of SAN that is (a GitHub workflow identity is always a URI). */
  subjectAlternativeNameKind?: 'uri' | 'email' | 'username';
  /** OIDC issuer: extension .1.8 when present, otherwise legacy .1.1. */
  issuer?: string;
  extensions: FulcioExtensions;
}

export type EnvelopeFormat =
  | 'bundle-v0.1'
  | 'bundle-v0.2'
  | 'bundle-v0.3'
  | 'cosign-layout'
  | 'legacy-dsse'
  | 'npm-attestations';

export type VerifiedSigner =
  | { kind: 'certificate'; identity: CertificateIdentity; certificatePem: string }
  | { kind: 'key'; keyId?: string };

export interface VerifiedTimestamp {
  /** 'tlog' = Rekor integrated time (SET-backed); 'tsa' = RFC 3161 timestamp. */
  source: 'tlog' | 'tsa';
  time: Date;
}

export interface VerifiedEnvelope {
  format: EnvelopeFormat;
  /** DSSE payloadType, or '' for a message-signature bundle. */
  payloadType: string;
  /** DSSE payload bytes; for a message signature, empty. */
  payload: Buffer;
  /** JSON.parse(payload) for in-toto payloads; undefined otherwise. */
  statement: unknown;
  /** For message-signature bundles: the signed artifact digest. */
  messageDigest?: { algorithm: string; digest: Buffer };
  signer: VerifiedSigner;
  timestamps: VerifiedTimestamp[];
  /** Which bundle of the file (0-based line / list index). */
  index: number;
}

/** A bundle in the file that was deliberately not verified (e.g. npm publish bundle without key). */
export interface SkippedEnvelope {
  index: number;
  format: EnvelopeFormat;
  reason: string;
}

/** A public key the caller trusts for key-signed bundles (npm registry key, --key). */
export interface TrustedPublicKey {
  keyId: string;
  /** PEM (SPKI) or DER SPKI bytes. */
  publicKey: string | Buffer;
  validFor?: { start?: Date; end?: Date };
}

export interface VerifyOptions {
  trustMaterial: TrustMaterial;
  /** Extra public keys for publicKey-hint bundles (npm registry keys). */
  publicKeys?: TrustedPublicKey[];
  /** Receives one-line notes (e.g. a skipped npm publish bundle). */
  onNote?: (note: string) => void;
}

export interface VerifyFileResult {
  verified: VerifiedEnvelope[];
  skipped: SkippedEnvelope[];
}
