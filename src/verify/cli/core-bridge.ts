// The one place the CLI reaches into the cryptographic core and the trust roots, so the
// commands stay about flags, policy and output.
import { readFile } from 'node:fs/promises';
import { ProvenanceError, describeError } from '../../errors.js';
import { verifyCosignAttestation, verifyProvenanceFile } from '../core/index.js';
import type { VerifiedEnvelope } from '../core/types.js';
import { embeddedNpmRegistryKeys, loadTrustMaterial } from '../trust/index.js';

export type TrustMaterial = Awaited<ReturnType<typeof loadTrustMaterial>>;

// npm's registry keys are trusted too, so the publish attestation in an npm attestation list
// is verified rather than skipped: a tampered one fails the file.
// --online refreshes the public-good root over TUF (@sigstore/tuf) instead of the embedded copy.
export function loadTrust(
  trustedRootPath: string | undefined,
  online = false
): Promise<TrustMaterial> {
  const publicKeys = embeddedNpmRegistryKeys();
  return loadTrustMaterial({
    publicKeys,
    ...(trustedRootPath === undefined ? {} : { trustedRootPath }),
    ...(online ? { online: true } : {})
  });
}

export async function readProvenanceFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `cannot read provenance ${path}: ${describeError(error)}`
    );
  }
}

/** Cryptographic verification of every envelope in a provenance file (throws if any fails). */
export async function verifyEnvelopes(
  bytes: Uint8Array,
  trustMaterial: TrustMaterial,
  origin: string
): Promise<VerifiedEnvelope[]> {
  const result = await verifyProvenanceFile(Buffer.from(bytes), { trustMaterial, origin });
  return result.verified;
}

/** A cosign-layout attestation: the DSSE layer plus its certificate/chain/bundle annotations. */
export function verifyCosignLayer(
  layer: { envelope: Buffer; annotations: Record<string, string>; digest: string; origin: string },
  trustMaterial: TrustMaterial
): VerifiedEnvelope {
  return verifyCosignAttestation(layer.envelope, layer.annotations, trustMaterial, {
    layerDigest: layer.digest,
    origin: layer.origin
  });
}
