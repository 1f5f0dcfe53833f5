import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { parseBundle } from '../../src/publish/oci/bundle.js';
import { issuingChain, toPem } from '../../src/publish/oci/chain.js';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_CERTIFICATE,
  ANNOTATION_CHAIN,
  ANNOTATION_PREDICATE_TYPE,
  ANNOTATION_SIGNATURE,
  DSSE_LAYER_MEDIA_TYPE,
  attestationConfig,
  attestationLayer,
  cosignBundleAnnotation,
  cosignEnvelope,
  mergeAttestationManifest
} from '../../src/publish/oci/cosign-layout.js';
import { ProvenanceError } from '../../src/errors.js';
import {
  chainLinksLeaf,
  dsseSignatureVerifies,
  fixture,
  publicGoodRoot,
  setVerifies
} from './offline-checks.js';

const bundleA = parseBundle(fixture('reusable-workflow-attestation.sigstore.json'));
const bundleB = parseBundle(fixture('custom-issuer.sigstore.json'));
const root = publicGoodRoot();

function layerFor(parts = bundleA) {
  const envelope = cosignEnvelope(parts);
  const chain = issuingChain(parts.leafDer, root);
  return {
    envelope,
    layer: attestationLayer(envelope, parts, toPem(parts.leafDer), chain.map(toPem).join(''))
  };
}

describe('cosign attestation layer', () => {
  it('stores the exact envelope bytes Rekor logged (layer digest = logged envelope hash)', () => {
    for (const parts of [bundleA, bundleB]) {
      const envelope = cosignEnvelope(parts);
      expect(parts.tlog.loggedEnvelopeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(createHash('sha256').update(envelope).digest('hex')).toBe(
        parts.tlog.loggedEnvelopeHash
      );
      const json = JSON.parse(envelope.toString()) as Record<string, unknown>;
      expect(Object.keys(json).sort()).toEqual(['payload', 'payloadType', 'signatures']);
      expect(json.signatures).toEqual([{ sig: expect.any(String), keyid: '' }]);
    }
  });

  it("falls back to cosign's own spelling when no envelope hash was logged", () => {
    const { loggedEnvelopeHash: _drop, ...tlog } = bundleA.tlog;
    const envelope = cosignEnvelope({ ...bundleA, tlog });
    expect(envelope.toString()).toBe(
      JSON.stringify({
        payloadType: bundleA.envelope.payloadType,
        payload: bundleA.envelope.payload,
        signatures: [{ keyid: '', sig: bundleA.envelope.signatures[0]?.sig }]
      })
    );
  });

  it('writes the annotations cosign reads, and they verify offline', () => {
    const { envelope, layer } = layerFor();
    expect(layer.mediaType).toBe(DSSE_LAYER_MEDIA_TYPE);
    expect(layer.size).toBe(envelope.length);
    const a = layer.annotations ?? {};
    expect(Object.keys(a)).toEqual([
      ANNOTATION_SIGNATURE,
      ANNOTATION_BUNDLE,
      ANNOTATION_CERTIFICATE,
      ANNOTATION_CHAIN,
      ANNOTATION_PREDICATE_TYPE
    ]);
    expect(a[ANNOTATION_SIGNATURE]).toBe('');
    expect(a[ANNOTATION_PREDICATE_TYPE]).toBe('https://slsa.dev/provenance/v1');
    expect(dsseSignatureVerifies(envelope, a[ANNOTATION_CERTIFICATE] ?? '')).toBe(true);
    expect(setVerifies(a[ANNOTATION_BUNDLE] ?? '', root)).toBe(true);
    expect(chainLinksLeaf(a[ANNOTATION_CERTIFICATE] ?? '', a[ANNOTATION_CHAIN] ?? '')).toBe(true);
  });

  it('the offline checks fail on a tampered envelope, SET or certificate', () => {
    const { envelope, layer } = layerFor();
    const a = layer.annotations ?? {};
    const tampered = JSON.parse(envelope.toString()) as { payload: string };
    tampered.payload = Buffer.from('{"_type":"evil"}').toString('base64');
    expect(
      dsseSignatureVerifies(Buffer.from(JSON.stringify(tampered)), a[ANNOTATION_CERTIFICATE] ?? '')
    ).toBe(false);
    const otherCert = toPem(bundleB.leafDer);
    expect(dsseSignatureVerifies(envelope, otherCert)).toBe(false);
    const set = JSON.parse(a[ANNOTATION_BUNDLE] ?? '{}') as { Payload: { logIndex: number } };
    set.Payload.logIndex += 1;
    expect(setVerifies(JSON.stringify(set), root)).toBe(false);
  });

  it('bundle annotation: SignedEntryTimestamp + Payload {body, integratedTime, logIndex, logID} as cosign writes it', () => {
    const parsed = JSON.parse(cosignBundleAnnotation(bundleA)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['SignedEntryTimestamp', 'Payload']);
    const payload = parsed.Payload as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(['body', 'integratedTime', 'logIndex', 'logID']);
    expect(payload.integratedTime).toBe(1716578064);
    expect(payload.logIndex).toBe(96764485);
    // public-good Rekor log id, hex
    expect(payload.logID).toBe('c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d');
  });

  it('config blob matches the one cosign writes for a single attestation', () => {
    const digest = 'sha256:e163b472f2e5d66e5a2a45e26e020c51a0d2da7dc8b567b31fc2ebfd33dbc33a';
    const config = attestationConfig([{ mediaType: DSSE_LAYER_MEDIA_TYPE, digest, size: 1 }]);
    // byte-for-byte the config of the cosign attestation in the corpus (slsa-verifier
    // gha_generic_container v2.1.0), whose digest is sha256:994025…de57
    expect(createHash('sha256').update(config).digest('hex')).toBe(
      '994025264a85542118ab73a59d30e51516ea596238c1fb4adeb674294519de57'
    );
  });
});

describe('mergeAttestationManifest', () => {
  const tag = 'sha256-abc.att';

  it('starts a manifest, then appends a different attestation and keeps the first', () => {
    const first = mergeAttestationManifest(undefined, layerFor(bundleA).layer, tag);
    expect(first.changed).toBe(true);
    const second = mergeAttestationManifest(
      { mediaType: first.manifestMediaType, body: first.manifest },
      layerFor(bundleB).layer,
      tag
    );
    expect(second.changed).toBe(true);
    const manifest = JSON.parse(second.manifest.toString()) as {
      layers: { digest: string }[];
      config: { digest: string; size: number };
    };
    expect(manifest.layers.map((l) => l.digest)).toEqual([
      layerFor(bundleA).layer.digest,
      layerFor(bundleB).layer.digest
    ]);
    expect(manifest.config.size).toBe(second.config.length);
    const config = JSON.parse(second.config.toString()) as { rootfs: { diff_ids: string[] } };
    expect(config.rootfs.diff_ids).toEqual(manifest.layers.map((l) => l.digest));
  });

  it('is idempotent: the same attestation again changes nothing', () => {
    const first = mergeAttestationManifest(undefined, layerFor(bundleA).layer, tag);
    const again = mergeAttestationManifest(
      { mediaType: first.manifestMediaType, body: first.manifest },
      layerFor(bundleA).layer,
      tag
    );
    expect(again.changed).toBe(false);
    expect(again.manifest.equals(first.manifest)).toBe(true);
  });

  it('keeps unknown fields and existing layers of a manifest written by another tool', () => {
    const foreign = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        size: 2,
        digest: 'sha256:' + '1'.repeat(64)
      },
      layers: [
        {
          mediaType: DSSE_LAYER_MEDIA_TYPE,
          size: 3,
          digest: 'sha256:' + '2'.repeat(64),
          annotations: { x: 'y' }
        }
      ],
      annotations: { 'org.example': 'kept' }
    };
    const merged = mergeAttestationManifest(
      { mediaType: foreign.mediaType, body: Buffer.from(JSON.stringify(foreign)) },
      layerFor().layer,
      tag
    );
    const out = JSON.parse(merged.manifest.toString()) as typeof foreign;
    expect(out.annotations).toEqual({ 'org.example': 'kept' });
    expect(out.layers[0]).toEqual(foreign.layers[0]);
    expect(out.layers).toHaveLength(2);
  });

  it('refuses to overwrite a tag that holds something other than an image manifest', () => {
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: []
    };
    expect(() =>
      mergeAttestationManifest(
        { mediaType: index.mediaType, body: Buffer.from(JSON.stringify(index)) },
        layerFor().layer,
        tag
      )
    ).toThrow(/already exists but is not an image manifest.*refusing to overwrite/);
    expect(() =>
      mergeAttestationManifest(
        { mediaType: 'x', body: Buffer.from('not json') },
        layerFor().layer,
        tag
      )
    ).toThrow(ProvenanceError);
  });
});

describe('issuingChain', () => {
  it('finds the public-good Fulcio intermediate and root for the leaf', () => {
    const chain = issuingChain(bundleA.leafDer, root);
    expect(chain).toHaveLength(2);
    expect(chainLinksLeaf(toPem(bundleA.leafDer), chain.map(toPem).join(''))).toBe(true);
  });

  it('returns no chain when the trusted root has no issuer of the leaf', () => {
    expect(issuingChain(bundleA.leafDer, { certificateAuthorities: [] })).toEqual([]);
    expect(issuingChain(bundleA.leafDer, undefined)).toEqual([]);
  });
});
