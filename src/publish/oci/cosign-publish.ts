// Publishes the cosign attestation layout in two steps so nothing is half-published: prepare()
// reads the tag and uploads the blobs (invisible until referenced), commit() PUTs the manifest
// under the tag — the single write that makes the attestation appear.
import type { BundleParts } from './bundle.js';
import { toPem } from './chain.js';
import {
  DSSE_LAYER_MEDIA_TYPE,
  attestationLayer,
  cosignEnvelope,
  mergeAttestationManifest
} from './cosign-layout.js';
import type { RegistryClient } from '../../oci/registry-client.js';

export interface PreparedCosignAttestation {
  tag: string;
  /** False when the tag already holds this attestation. */
  changed: boolean;
  /**
   * Writes the tag unless someone else changed it since prepare() read it; 'conflict' then,
   * and the caller prepares again on top of their version. (Distribution has no conditional
   * PUT, so this narrows the window rather than closing it.)
   */
  commit(): Promise<'written' | 'unchanged' | 'conflict'>;
}

const MAX_LAYERS_CHECKED = 50;

async function holdsSameBuild(
  client: RegistryClient,
  manifestBody: Buffer,
  sameBuild: (layer: Buffer) => boolean
): Promise<boolean> {
  let layers: { mediaType?: unknown; digest?: unknown }[] = [];
  try {
    layers = (JSON.parse(manifestBody.toString('utf8')) as { layers?: typeof layers }).layers ?? [];
  } catch {
    return false; // mergeAttestationManifest refuses a tag that is not a manifest, with a message
  }
  for (const layer of layers.slice(0, MAX_LAYERS_CHECKED)) {
    if (layer.mediaType !== DSSE_LAYER_MEDIA_TYPE || typeof layer.digest !== 'string') continue;
    if (sameBuild(await client.blob(layer.digest))) return true;
  }
  return false;
}

export async function prepareCosignAttestation(
  client: RegistryClient,
  digestTag: string,
  parts: BundleParts,
  chainDer: readonly Buffer[],
  /** Whether an existing DSSE layer (its bytes) attests the same build; then nothing is added. */
  sameBuild?: (layer: Buffer) => boolean
): Promise<PreparedCosignAttestation> {
  const tag = `${digestTag}.att`;
  const envelope = cosignEnvelope(parts);
  const layer = attestationLayer(
    envelope,
    parts,
    toPem(parts.leafDer),
    chainDer.map((der) => toPem(der)).join('')
  );
  const existing = await client.getManifest(tag);
  if (existing && sameBuild && (await holdsSameBuild(client, existing.body, sameBuild)))
    return { tag, changed: false, commit: async () => 'unchanged' };
  const merged = mergeAttestationManifest(
    existing ? { mediaType: existing.descriptor.mediaType, body: existing.body } : undefined,
    layer,
    tag
  );
  if (!merged.changed) return { tag, changed: false, commit: async () => 'unchanged' };
  await client.uploadBlob(envelope, layer.mediaType);
  await client.uploadBlob(merged.config, 'application/vnd.oci.image.config.v1+json');
  return {
    tag,
    changed: true,
    commit: async () => {
      // another publisher may have appended meanwhile: never overwrite what we did not read
      const current = await client.headManifest(tag);
      if (current?.digest !== existing?.descriptor.digest) return 'conflict';
      await client.putManifest(tag, merged.manifest, merged.manifestMediaType);
      return 'written';
    }
  };
}
