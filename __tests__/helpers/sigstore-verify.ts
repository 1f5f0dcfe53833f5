// Verifies bundles from a `.intoto.jsonl` with @sigstore/verify (in process: unlike
// @sigstore/sign it loads under jest) against the sandbox's trusted_root.json. Independent of
// the project's own verifier, so a bug shared by our signer and our verifier cannot hide.
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type { Sandbox } from '../../sandbox/index.js';
import type { BundleJson } from './provenance-file.js';

export interface VerifiedSigner {
  subjectAlternativeName?: string;
  issuer?: string;
}

/**
 * Checks signature, certificate chain to the sandbox Fulcio root, the SCT, the Rekor entry
 * (inclusion proof and SET) and the TSA timestamp, and that the certificate names `builderId`
 * as SAN and the sandbox issuer. Throws on any failure.
 */
export function verifyWithSigstore(
  sandbox: Sandbox,
  bundle: BundleJson,
  builderId: string
): VerifiedSigner {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(sandbox.trustedRoot));
  // Two timestamps: Rekor's integrated time and the RFC 3161 one (the sandbox has both).
  const verifier = new Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 2
  });
  const signer = verifier.verify(toSignedEntity(bundleFromJSON(bundle)), {
    subjectAlternativeName: builderId,
    extensions: { issuer: sandbox.urls.oidc }
  });
  return {
    subjectAlternativeName: signer.identity?.subjectAlternativeName,
    issuer: signer.identity?.extensions?.issuer
  };
}
