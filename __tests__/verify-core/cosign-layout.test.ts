// cosign OCI attestation layout (container generator v2.1.0), verified offline from the
// manifest's layer annotations: certificate, chain and the Rekor SET bundle.
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  COSIGN_BUNDLE_ANNOTATION,
  COSIGN_DSSE_LAYER_MEDIA_TYPE,
  verifyCosignAttestation
} from '../../src/verify/core/index.js';
import { parseArtifactDigest } from '../../src/verify/core/artifact.js';
import { fixture, fixtureJSON, publicGoodTrust, rejection, trustFromFixture } from './fixtures.js';

interface Layer {
  mediaType: string;
  digest: string;
  annotations: Record<string, string>;
}

function pieces() {
  const manifest = fixtureJSON<{ layers: Layer[] }>('cosign/attestation-manifest.json');
  const layer = manifest.layers.find((l) => l.mediaType === COSIGN_DSSE_LAYER_MEDIA_TYPE);
  if (!layer) throw new Error('fixture has no DSSE layer');
  return { layer, bytes: fixture('cosign/dsse-layer.json') };
}

describe('verifyCosignAttestation', () => {
  it('verifies the layer, SET and certificate chain, and binds the image digest', () => {
    const { layer, bytes } = pieces();
    const imageDigest = fixture('cosign/image.digest').toString('utf8').trim();
    const env = verifyCosignAttestation(bytes, layer.annotations, publicGoodTrust(), {
      layerDigest: layer.digest,
      subjectDigest: parseArtifactDigest(imageDigest)
    });
    expect(env.format).toBe('cosign-layout');
    expect(env.timestamps).toEqual([{ source: 'tlog', time: new Date('2025-02-25T21:58:07Z') }]);
    expect(env.signer.kind === 'certificate' && env.signer.identity.subjectAlternativeName).toBe(
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v2.1.0'
    );
    expect((env.statement as { predicateType: string }).predicateType).toBe(
      'https://slsa.dev/provenance/v0.2'
    );
  });

  it('rejects a layer that does not hash to the manifest digest', async () => {
    const { layer, bytes } = pieces();
    const other = Buffer.concat([bytes, Buffer.from(' ')]);
    const err = await rejection(() =>
      verifyCosignAttestation(other, layer.annotations, publicGoodTrust(), {
        layerDigest: layer.digest
      })
    );
    expect(err.message).toMatch(/layer digest mismatch/);
  });

  it('rejects a different image digest than the attested subject', async () => {
    const { layer, bytes } = pieces();
    const wrong = parseArtifactDigest(
      `sha256:${createHash('sha256').update('other image').digest('hex')}`
    );
    const err = await rejection(() =>
      verifyCosignAttestation(bytes, layer.annotations, publicGoodTrust(), { subjectDigest: wrong })
    );
    expect(err.code).toBe('VERIFY_FAILED');
  });

  it('rejects an edited envelope payload (Rekor body no longer matches)', async () => {
    const { layer, bytes } = pieces();
    const env = JSON.parse(bytes.toString('utf8')) as { payload: string };
    env.payload = Buffer.from(
      '{"_type":"https://in-toto.io/Statement/v0.1","subject":[]}'
    ).toString('base64');
    const err = await rejection(() =>
      verifyCosignAttestation(
        Buffer.from(JSON.stringify(env)),
        layer.annotations,
        publicGoodTrust()
      )
    );
    expect(err.code).toBe('VERIFY_FAILED');
  });

  it('rejects a forged SET (the signed entry timestamp is checked against the Rekor key)', async () => {
    const { layer, bytes } = pieces();
    const rekor = JSON.parse(layer.annotations[COSIGN_BUNDLE_ANNOTATION]!) as {
      Payload: { integratedTime: number };
    };
    rekor.Payload.integratedTime += 1; // still inside the certificate validity
    const annotations = { ...layer.annotations, [COSIGN_BUNDLE_ANNOTATION]: JSON.stringify(rekor) };
    const err = await rejection(() =>
      verifyCosignAttestation(bytes, annotations, publicGoodTrust())
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/inclusion promise|SET|TLOG/i);
  });

  it('rejects the layout under another trusted root', async () => {
    const { layer, bytes } = pieces();
    const err = await rejection(() =>
      verifyCosignAttestation(
        bytes,
        layer.annotations,
        trustFromFixture('staging-trusted-root.json')
      )
    );
    expect(err.code).toBe('VERIFY_FAILED');
  });

  it('names a missing annotation', async () => {
    const { layer, bytes } = pieces();
    const { [COSIGN_BUNDLE_ANNOTATION]: _dropped, ...rest } = layer.annotations;
    const err = await rejection(() => verifyCosignAttestation(bytes, rest, publicGoodTrust()));
    expect(err.code).toBe('FORMAT_INVALID');
    expect(err.message).toMatch(/missing annotation dev\.sigstore\.cosign\/bundle/);
  });
});
