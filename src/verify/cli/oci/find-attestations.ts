// Everything attached to an image digest that could be its provenance:
// (a) the cosign layout: tag `sha256-<hex>.att`, one DSSE layer per attestation with the
//     certificate, chain and Rekor bundle in annotations;
// (b) OCI 1.1 referrers holding a Sigstore bundle, from the referrers API or, when the
//     registry has none, the `sha256-<hex>` tag-schema fallback index.
// Every one is read and verified: junk layers pushed ahead of the real attestation must not
// hide it. A limit still bounds the work; past it the verifier says so instead of guessing.
import { ProvenanceError } from '../../../errors.js';
import type { ManifestEntry, RegistryClient } from '../../../oci/registry-client.js';

export const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const BUNDLE_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
/** Far above what real images carry (one attestation per build and predicate type). */
export const MAX_ATTESTATIONS = 1000;

function tooMany(where: string, count: number): ProvenanceError {
  return new ProvenanceError(
    'VERIFY_FAILED',
    `${where}: expected at most ${MAX_ATTESTATIONS} attestations, found ${count}; the verifier does not pick some of them, so it verifies none`
  );
}

export type FoundAttestation =
  | {
      kind: 'cosign';
      location: string;
      digest: string;
      envelope: Buffer;
      annotations: Record<string, string>;
    }
  | { kind: 'bundle'; location: string; bundle: Buffer };

export async function findAttestations(
  client: RegistryClient,
  digest: string
): Promise<FoundAttestation[]> {
  const hex = digest.slice('sha256:'.length);
  const [cosign, referred] = await Promise.all([
    cosignAttestations(client, hex),
    referredBundles(client, digest, hex)
  ]);
  const all = [...cosign, ...referred];
  if (all.length > MAX_ATTESTATIONS) throw tooMany(`image ${digest}`, all.length);
  return all;
}

async function cosignAttestations(
  client: RegistryClient,
  hex: string
): Promise<FoundAttestation[]> {
  const tag = `sha256-${hex}.att`;
  const manifest = await client.manifest(tag);
  const layers = descriptors(manifest?.layers).filter((layer) => layer.mediaType === DSSE_LAYER);
  if (layers.length > MAX_ATTESTATIONS) throw tooMany(tag, layers.length);
  return Promise.all(
    layers.map(async (layer) => ({
      kind: 'cosign' as const,
      location: `${tag} layer ${layer.digest}`,
      digest: layer.digest,
      envelope: await client.blob(layer.digest),
      annotations: stringRecord(layer.annotations)
    }))
  );
}

async function referredBundles(
  client: RegistryClient,
  digest: string,
  hex: string
): Promise<FoundAttestation[]> {
  const index = (await client.referrers(digest)) ?? (await client.manifest(`sha256-${hex}`));
  const candidates = descriptors(index?.manifests).filter(
    (d) => d.artifactType === undefined || isBundleDescriptor(d)
  );
  if (candidates.length > MAX_ATTESTATIONS)
    throw tooMany(`referrers of ${digest}`, candidates.length);
  const found: FoundAttestation[] = [];
  for (const descriptor of candidates) {
    const manifest = await client.manifest(descriptor.digest);
    for (const layer of descriptors(manifest?.layers)) {
      if (!layer.mediaType?.startsWith(BUNDLE_TYPE_PREFIX)) continue;
      if (found.length >= MAX_ATTESTATIONS)
        throw tooMany(`referrers of ${digest}`, found.length + 1);
      found.push({
        kind: 'bundle',
        location: `referrer ${descriptor.digest}`,
        bundle: await client.blob(layer.digest)
      });
    }
  }
  return found;
}

/**
 * The registry's JSON is untrusted: only entries shaped like descriptors are followed (a
 * string digest; media and artifact types strings when present). Anything else cannot lead to
 * a verifiable attestation, so it is passed over rather than crashing the reader.
 */
function descriptors(list: unknown): ManifestEntry[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is ManifestEntry =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as ManifestEntry).digest === 'string' &&
      ['string', 'undefined'].includes(typeof (d as ManifestEntry).mediaType) &&
      ['string', 'undefined'].includes(typeof (d as ManifestEntry).artifactType)
  );
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')
  );
}

function isBundleDescriptor(descriptor: ManifestEntry): boolean {
  return descriptor.artifactType?.startsWith(BUNDLE_TYPE_PREFIX) ?? false;
}
