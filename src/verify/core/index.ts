// The verifier core: cryptographic verification of Sigstore/DSSE material, offline.
// Policy (which builder, which source) lives in ../policy and builds on VerifiedEnvelope.
export type * from './types.js';
export { verifyProvenanceFile, MAX_PROVENANCE_BYTES, MAX_ENVELOPES } from './verify-file.js';
export type { VerifyFileOptions } from './verify-file.js';
export {
  verifyCosignAttestation,
  cosignPiecesToBundleJSON,
  COSIGN_DSSE_LAYER_MEDIA_TYPE,
  COSIGN_CERTIFICATE_ANNOTATION,
  COSIGN_CHAIN_ANNOTATION,
  COSIGN_BUNDLE_ANNOTATION
} from './cosign-attestation.js';
export type { CosignAttestationOptions } from './cosign-attestation.js';
export { parseSigstoreBundle, isSigstoreBundleJSON } from './parse-bundle.js';
export type { ParsedBundle, BundleVersion } from './parse-bundle.js';
export { verifyParsedBundle, checkArtifactInSubjects } from './verify-sigstore-bundle.js';
export type { BundleVerifyOptions } from './verify-sigstore-bundle.js';
export { parseArtifactDigest, describeArtifact } from './artifact.js';
export type { ArtifactInput } from './artifact.js';
export { certificateIdentity, decodeFulcioExtensions } from './fulcio-extensions.js';
export { MISSING_TLOG_REASON } from './legacy-dsse.js';
