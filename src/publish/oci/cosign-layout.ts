// Pure builders for cosign's attestation layout: the `sha256-<hex>.att` manifest whose layers
// are DSSE envelopes annotated with the Fulcio certificate, its chain and the Rekor SET, plus
// the config blob cosign writes next to it. Field order follows what cosign (go-containerregistry)
// serialises, so the bytes match a cosign-written attestation for the same envelope.
import { ProvenanceError } from '../../errors.js';
import type { BundleParts } from './bundle.js';
import { sha256Digest, type Descriptor } from '../../oci/registry-client.js';

export const DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
export const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
export const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';
export const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
export const ANNOTATION_CHAIN = 'dev.sigstore.cosign/chain';
export const ANNOTATION_PREDICATE_TYPE = 'predicateType';

export interface LayerDescriptor extends Descriptor {
  annotations?: Record<string, string>;
}

export interface AttestationManifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: LayerDescriptor[];
  [extra: string]: unknown;
}

/**
 * The DSSE envelope bytes for the layer. cosign stores the exact bytes it sent to Rekor, so the
 * layer digest equals the logged envelope hash; we do the same by picking, among the usual JSON
 * spellings of the same envelope, the one whose sha256 Rekor recorded. Without a recorded hash
 * we write cosign's own spelling (payloadType, payload, signatures [{keyid, sig}]).
 */
export function cosignEnvelope(parts: BundleParts): Buffer {
  const { payloadType, payload, signatures } = parts.envelope;
  const withKeyid = signatures.map((s) => ({ keyid: s.keyid ?? '', sig: s.sig }));
  const sigFirst = signatures.map((s) => ({ sig: s.sig, keyid: s.keyid ?? '' }));
  const sigOnly = signatures.map((s) =>
    s.keyid ? { sig: s.sig, keyid: s.keyid } : { sig: s.sig }
  );
  const candidates = [
    { payloadType, payload, signatures: withKeyid }, // cosign
    { payload, payloadType, signatures: sigFirst }, // sigstore-js / protobuf JSON
    { payload, payloadType, signatures: sigOnly },
    { payloadType, payload, signatures: sigOnly }
  ].map((c) => Buffer.from(JSON.stringify(c)));
  const logged = parts.tlog.loggedEnvelopeHash;
  const match = logged ? candidates.find((c) => sha256Digest(c) === `sha256:${logged}`) : undefined;
  return match ?? (candidates[0] as Buffer);
}

/** cosign's `dev.sigstore.cosign/bundle`: the Rekor SET and the fields it signs. */
export function cosignBundleAnnotation(parts: BundleParts): string {
  return JSON.stringify({
    SignedEntryTimestamp: parts.tlog.signedEntryTimestamp,
    Payload: {
      body: parts.tlog.canonicalizedBody,
      integratedTime: Number(parts.tlog.integratedTime),
      logIndex: Number(parts.tlog.logIndex),
      logID: parts.tlog.logIdHex
    }
  });
}

/** The layer descriptor for one attestation; annotation keys in Go's (sorted) map order. */
export function attestationLayer(
  envelope: Buffer,
  parts: BundleParts,
  leafPem: string,
  chainPem: string
): LayerDescriptor {
  const annotations: Record<string, string> = {
    [ANNOTATION_SIGNATURE]: '',
    [ANNOTATION_BUNDLE]: cosignBundleAnnotation(parts),
    [ANNOTATION_CERTIFICATE]: leafPem
  };
  if (chainPem !== '') annotations[ANNOTATION_CHAIN] = chainPem;
  annotations[ANNOTATION_PREDICATE_TYPE] = parts.predicateType;
  return {
    mediaType: DSSE_LAYER_MEDIA_TYPE,
    size: envelope.length,
    digest: sha256Digest(envelope),
    annotations
  };
}

/** cosign's config blob: an empty image whose rootfs lists every layer (layers are uncompressed). */
export function attestationConfig(layers: readonly Descriptor[]): Buffer {
  const zeroTime = '0001-01-01T00:00:00Z';
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: zeroTime,
      history: layers.map(() => ({ created: zeroTime })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {}
    })
  );
}

export interface MergedAttestation {
  /** False when the tag already holds an identical layer: nothing to publish. */
  changed: boolean;
  manifest: Buffer;
  manifestMediaType: string;
  config: Buffer;
}

/**
 * Appends `layer` to the attestation manifest the tag already holds (or starts one), keeping
 * every existing layer as it is. Refuses to touch a tag that holds something else.
 */
export function mergeAttestationManifest(
  existing: { mediaType: string; body: Buffer } | undefined,
  layer: LayerDescriptor,
  tag: string
): MergedAttestation {
  let previous: AttestationManifest | undefined;
  if (existing) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existing.body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const candidate = parsed as Partial<AttestationManifest> | undefined;
    const isDescriptor = (d: unknown) =>
      typeof d === 'object' &&
      d !== null &&
      !Array.isArray(d) &&
      typeof (d as { digest?: unknown }).digest === 'string';
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      candidate.schemaVersion !== 2 ||
      !Array.isArray(candidate.layers) ||
      !candidate.layers.every(isDescriptor) ||
      !isDescriptor(candidate.config) ||
      (candidate.mediaType !== undefined && typeof candidate.mediaType !== 'string')
    )
      throw new ProvenanceError(
        'REGISTRY_ERROR',
        `tag ${tag} already exists but is not an image manifest with layers (found ${existing.mediaType || 'unknown media type'}); refusing to overwrite it`
      );
    previous = candidate as AttestationManifest;
  }
  const layers = [...(previous?.layers ?? [])];
  const changed = !layers.some((l) => l.digest === layer.digest);
  if (changed) layers.push(layer);
  const config = attestationConfig(layers);
  const manifestMediaType = previous?.mediaType ?? OCI_MANIFEST_MEDIA_TYPE;
  const manifest = {
    ...(previous ?? {}),
    schemaVersion: 2,
    mediaType: manifestMediaType,
    config: {
      mediaType: previous?.config.mediaType ?? OCI_CONFIG_MEDIA_TYPE,
      size: config.length,
      digest: sha256Digest(config)
    },
    layers
  };
  return {
    changed,
    manifest: Buffer.from(JSON.stringify(manifest)),
    manifestMediaType,
    config
  };
}
