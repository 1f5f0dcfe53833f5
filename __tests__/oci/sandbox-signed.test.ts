// End to end for container mode: a statement naming a freshly pushed image is signed through the
// loopback Sigstore sandbox (Fulcio + Rekor), handed to publishImages() exactly as the action
// does, and the registry contents are read back with skopeo and checked offline against the
// sandbox trusted root. No subject-check bypass: the statement really names the image.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import {
  fetchBlob,
  inspectRaw,
  pushTestImage,
  startRegistry,
  type PushedImage,
  type RunningRegistry
} from '../../sandbox/registry.js';
import { publishImages } from '../../src/publish/oci/action.js';
import { imageSubjects } from '../../src/publish/oci/subjects.js';
import type { ActionInputs } from '../../src/inputs.js';
import { signStatement, tokenFrom } from '../sandbox/helpers.js';
import {
  chainLinksLeaf,
  dsseSignatureVerifies,
  setVerifies,
  type TrustedRootJson
} from './offline-checks.js';

const auth = { username: 'ci-bot', password: 'sandbox-Registry-Pass' };

function statementFor(images: PushedImage[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: imageSubjects(images.map((i) => i.reference)),
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: 'https://example.com/test' }, runDetails: {} }
    })
  );
}

describe('container mode with sandbox-signed bundles', () => {
  let sandbox: Sandbox;
  let registry: RunningRegistry;

  beforeAll(async () => {
    [sandbox, registry] = await Promise.all([startSandbox(), startRegistry({ auth })]);
  });
  afterAll(async () => {
    await Promise.all([sandbox?.close(), registry?.close()]);
  });

  function inputsFor(images: string[], overrides: Partial<ActionInputs> = {}): ActionInputs {
    // only the container-mode fields matter to publishImages
    return {
      images,
      ociFormat: 'both',
      registryUsername: auth.username,
      registryPassword: auth.password,
      ...overrides
    } as ActionInputs;
  }

  it('publishes both layouts for each image; they verify offline against the sandbox root', async () => {
    const single = await pushTestImage(registry.host, 'octo/app', { auth });
    const multi = await pushTestImage(registry.host, 'octo/multi', { auth, multiArch: true });
    const bundles = [
      await signStatement(sandbox, tokenFrom(sandbox), { payload: statementFor([single]) }),
      await signStatement(sandbox, tokenFrom(sandbox), { payload: statementFor([multi]) })
    ];
    const inputs = inputsFor([single.reference, multi.reference]);
    const published = await publishImages({ inputs, bundles, fulcioUrl: sandbox.urls.fulcio });
    expect(published.publications.map((p) => [p.kind, p.status])).toEqual([
      ['oci-cosign', 'created'],
      ['oci-referrer', 'created'],
      ['oci-cosign', 'created'],
      ['oci-referrer', 'created']
    ]);
    expect(published.images.map((i) => i.mediaType)).toEqual([
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.index.v1+json'
    ]);

    const root = sandbox.trustedRoot as unknown as TrustedRootJson;
    for (const image of [single, multi]) {
      const hex = image.digest.slice('sha256:'.length);
      const att = (await inspectRaw(`${image.repository}:sha256-${hex}.att`, { auth })) as {
        layers: { digest: string; annotations: Record<string, string> }[];
      };
      expect(att.layers).toHaveLength(1);
      const layer = att.layers[0]!;
      const name = image.repository.slice(registry.host.length + 1);
      const envelope = await fetchBlob(registry, name, layer.digest);
      const a = layer.annotations;
      expect(dsseSignatureVerifies(envelope, a['dev.sigstore.cosign/certificate']!)).toBe(true);
      expect(setVerifies(a['dev.sigstore.cosign/bundle']!, root)).toBe(true);
      expect(
        chainLinksLeaf(a['dev.sigstore.cosign/certificate']!, a['dev.sigstore.cosign/chain']!)
      ).toBe(true);
      // the layer holds the envelope bytes Rekor logged
      const body = JSON.parse(
        Buffer.from(
          (JSON.parse(a['dev.sigstore.cosign/bundle']!) as { Payload: { body: string } }).Payload
            .body,
          'base64'
        ).toString()
      ) as { spec: { envelopeHash?: { value: string } } };
      if (body.spec.envelopeHash)
        expect(createHash('sha256').update(envelope).digest('hex')).toBe(
          body.spec.envelopeHash.value
        );
      const index = (await inspectRaw(`${image.repository}:sha256-${hex}`, { auth })) as {
        manifests: { artifactType: string }[];
      };
      expect(index.manifests.map((m) => m.artifactType)).toEqual([
        'application/vnd.dev.sigstore.bundle.v0.3+json'
      ]);
    }

    // a re-run of the same job adds nothing to the .att tags
    const again = await publishImages({ inputs, bundles, fulcioUrl: sandbox.urls.fulcio });
    expect(again.publications.filter((p) => p.kind === 'oci-cosign').map((p) => p.status)).toEqual([
      'unchanged',
      'unchanged'
    ]);
  });

  it('refuses a bundle whose statement names another image, before writing anything', async () => {
    const named = await pushTestImage(registry.host, 'octo/named', { auth });
    const other = await pushTestImage(registry.host, 'octo/other', { auth });
    const bundle = await signStatement(sandbox, tokenFrom(sandbox), {
      payload: statementFor([named])
    });
    await expect(
      publishImages({
        inputs: inputsFor([other.reference]),
        bundles: [bundle],
        fulcioUrl: sandbox.urls.fulcio
      })
    ).rejects.toThrow(/subjects do not include the image digest/);
    expect(
      await inspectRaw(`${other.repository}:sha256-${other.digest.slice(7)}.att`, { auth })
    ).toBeUndefined();
  });
});
