// Integration: publishImageAttestation against Debian's docker-registry (distribution 2.8),
// read back with skopeo (an independent client). Never skipped: when the binaries are missing
// the registry fails to start with the command that installs them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  fetchBlob,
  inspectRaw,
  listTags,
  pushTestImage,
  startRegistry,
  type RegistryAuthMode,
  type RunningRegistry
} from '../../sandbox/registry.js';
import { publishImageAttestation } from '../../src/publish/oci/index.js';
import { ProvenanceError } from '../../src/errors.js';
import {
  chainLinksLeaf,
  dsseSignatureVerifies,
  fixture,
  publicGoodRoot,
  setVerifies
} from './offline-checks.js';

const bundleA = fixture('reusable-workflow-attestation.sigstore.json');
const bundleB = fixture('custom-issuer.sigstore.json');
const trustedRoot = publicGoodRoot();

interface Manifest {
  mediaType: string;
  config: { mediaType: string; digest: string; size: number };
  layers: {
    mediaType: string;
    digest: string;
    size: number;
    annotations?: Record<string, string>;
  }[];
  subject?: { digest: string; mediaType: string };
  artifactType?: string;
}
interface Index {
  mediaType: string;
  manifests: { digest: string; artifactType?: string; annotations?: Record<string, string> }[];
}

const alice = { username: 'alice', password: 'correct horse battery' };

describe.each<[string, typeof alice | undefined, RegistryAuthMode]>([
  ['an anonymous registry', undefined, 'basic'],
  ['an htpasswd basic-auth registry', alice, 'basic'],
  ['a Bearer token-auth registry (the ghcr.io / Docker Hub flow)', alice, 'token']
])('OCI attestations on %s', (_label, auth, authMode) => {
  let registry: RunningRegistry;
  const opts = auth ? { auth } : {};

  beforeAll(async () => {
    registry = await startRegistry({ ...opts, authMode });
  });
  afterAll(async () => {
    await registry?.close();
  });

  const publish = (image: string, bundle: string, format?: 'both' | 'cosign' | 'referrers') =>
    publishImageAttestation({
      image,
      bundle,
      ...(format ? { format } : {}),
      ...(auth ? { credentials: auth } : {}),
      trustedRoot,
      skipSubjectCheck: true,
      dockerConfigPath: '/nonexistent/config.json'
    });

  it('publishes the cosign layout and the referrer artifact; skopeo reads both back', async () => {
    const image = await pushTestImage(registry.host, 'team/app', opts);
    const result = await publish(image.reference, bundleA);
    const hex = image.digest.slice('sha256:'.length);
    expect(result).toMatchObject({
      digest: image.digest,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      isIndex: false,
      cosignTag: `sha256-${hex}.att`,
      referrerTag: `sha256-${hex}`,
      cosignUpdated: true
    });
    expect(await listTags(image.repository, opts)).toEqual(
      expect.arrayContaining(['latest', `sha256-${hex}`, `sha256-${hex}.att`])
    );

    // (b) cosign layout
    const att = (await inspectRaw(
      `${image.repository}:sha256-${hex}.att`,
      opts
    )) as unknown as Manifest;
    expect(att.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(att.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(att.layers).toHaveLength(1);
    const layer = att.layers[0]!;
    expect(layer.mediaType).toBe('application/vnd.dsse.envelope.v1+json');
    const a = layer.annotations ?? {};
    expect(Object.keys(a).sort()).toEqual([
      'dev.cosignproject.cosign/signature',
      'dev.sigstore.cosign/bundle',
      'dev.sigstore.cosign/certificate',
      'dev.sigstore.cosign/chain',
      'predicateType'
    ]);
    expect(a.predicateType).toBe('https://slsa.dev/provenance/v1');
    const envelope = await fetchBlob(registry, 'team/app', layer.digest);
    expect(dsseSignatureVerifies(envelope, a['dev.sigstore.cosign/certificate']!)).toBe(true);
    expect(setVerifies(a['dev.sigstore.cosign/bundle']!, trustedRoot)).toBe(true);
    expect(
      chainLinksLeaf(a['dev.sigstore.cosign/certificate']!, a['dev.sigstore.cosign/chain']!)
    ).toBe(true);
    const config = JSON.parse(
      (await fetchBlob(registry, 'team/app', att.config.digest)).toString()
    ) as {
      rootfs: { diff_ids: string[] };
    };
    expect(config.rootfs.diff_ids).toEqual([layer.digest]);

    // (a) referrer artifact, listed in the tag-schema fallback index
    const index = (await inspectRaw(`${image.repository}:sha256-${hex}`, opts)) as unknown as Index;
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m) => m.digest)).toEqual([result.referrerDigest]);
    expect(index.manifests[0]?.artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const artifact = (await inspectRaw(
      `${image.repository}@${result.referrerDigest}`,
      opts
    )) as unknown as Manifest;
    expect(artifact.subject?.digest).toBe(image.digest);
    expect(artifact.layers[0]?.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const stored = await fetchBlob(registry, 'team/app', artifact.layers[0]!.digest);
    expect(JSON.parse(stored.toString())).toEqual(JSON.parse(bundleA));
  });

  it('re-publishing the same bundle duplicates nothing; a second bundle is appended', async () => {
    const image = await pushTestImage(registry.host, 'team/append', opts);
    const hex = image.digest.slice('sha256:'.length);
    const first = await publish(image.reference, bundleA);
    const again = await publish(image.reference, bundleA);
    expect(first.referrerUpdated).toBe(true);
    expect(again.cosignUpdated).toBe(false);
    expect(again.referrerUpdated).toBe(false);
    expect(again.referrerDigest).toBe(first.referrerDigest);
    let att = (await inspectRaw(
      `${image.repository}:sha256-${hex}.att`,
      opts
    )) as unknown as Manifest;
    let index = (await inspectRaw(`${image.repository}:sha256-${hex}`, opts)) as unknown as Index;
    expect(att.layers).toHaveLength(1);
    expect(index.manifests).toHaveLength(1);
    const firstLayer = att.layers[0];

    const second = await publish(image.reference, bundleB);
    expect(second.cosignUpdated).toBe(true);
    att = (await inspectRaw(`${image.repository}:sha256-${hex}.att`, opts)) as unknown as Manifest;
    index = (await inspectRaw(`${image.repository}:sha256-${hex}`, opts)) as unknown as Index;
    expect(att.layers).toHaveLength(2);
    expect(att.layers[0]).toEqual(firstLayer);
    expect(index.manifests.map((m) => m.digest)).toEqual([
      first.referrerDigest,
      second.referrerDigest
    ]);
    for (const l of att.layers) {
      const envelope = await fetchBlob(registry, 'team/append', l.digest);
      expect(
        dsseSignatureVerifies(envelope, l.annotations!['dev.sigstore.cosign/certificate']!)
      ).toBe(true);
      expect(setVerifies(l.annotations!['dev.sigstore.cosign/bundle']!, trustedRoot)).toBe(true);
    }
  });

  it('attests a multi-arch index by the digest given and reports it is an index', async () => {
    const image = await pushTestImage(registry.host, 'team/multi', { ...opts, multiArch: true });
    const result = await publish(image.reference, bundleA, 'cosign');
    expect(result.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(result.isIndex).toBe(true);
    expect(result.referrerTag).toBeUndefined();
    const hex = image.digest.slice('sha256:'.length);
    expect(await inspectRaw(`${image.repository}:sha256-${hex}.att`, opts)).toBeDefined();
    // format cosign writes no referrer index
    expect(await inspectRaw(`${image.repository}:sha256-${hex}`, opts)).toBeUndefined();
  });

  it('format referrers writes only the fallback index', async () => {
    const image = await pushTestImage(registry.host, 'team/refonly', opts);
    const hex = image.digest.slice('sha256:'.length);
    const result = await publish(image.reference, bundleA, 'referrers');
    expect(result.cosignTag).toBeUndefined();
    expect(await inspectRaw(`${image.repository}:sha256-${hex}`, opts)).toBeDefined();
    expect(await inspectRaw(`${image.repository}:sha256-${hex}.att`, opts)).toBeUndefined();
  });

  it('refuses to overwrite a .att tag that holds something else', async () => {
    const image = await pushTestImage(registry.host, 'team/occupied', opts);
    const hex = image.digest.slice('sha256:'.length);
    const squatter = await pushTestImage(registry.host, 'team/occupied', {
      ...opts,
      multiArch: true,
      tag: `sha256-${hex}.att`
    });
    await expect(publish(image.reference, bundleA)).rejects.toThrow(
      /already exists but is not an image manifest/
    );
    const still = (await inspectRaw(
      `${image.repository}:sha256-${hex}.att`,
      opts
    )) as unknown as Index;
    expect(still.mediaType).toBe(squatter.mediaType);
    // the referrer index was not written either: the cosign check runs before any tag write
    expect(await inspectRaw(`${image.repository}:sha256-${hex}`, opts)).toBeUndefined();
  });

  it('refuses a bundle whose statement does not name the image, before any upload', async () => {
    const image = await pushTestImage(registry.host, 'team/subject', opts);
    const error = await publishImageAttestation({
      image: image.reference,
      bundle: bundleA,
      ...(auth ? { credentials: auth } : {}),
      trustedRoot
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvenanceError);
    expect((error as Error).message).toMatch(/subjects do not include the image digest/);
    expect(await listTags(image.repository, opts)).toEqual(['latest']);

    // the same bundle with its statement re-pointed at this image passes the check
    const repointed = JSON.parse(bundleA) as { dsseEnvelope: { payload: string } };
    const statement = JSON.parse(
      Buffer.from(repointed.dsseEnvelope.payload, 'base64').toString()
    ) as {
      subject: { name: string; digest: Record<string, string> }[];
    };
    statement.subject = [{ name: image.repository, digest: { sha256: image.digest.slice(7) } }];
    repointed.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const result = await publishImageAttestation({
      image: image.reference,
      bundle: JSON.stringify(repointed),
      format: 'referrers',
      ...(auth ? { credentials: auth } : {}),
      trustedRoot
    });
    expect(result.referrerTag).toBe(`sha256-${image.digest.slice(7)}`);
  });
});
