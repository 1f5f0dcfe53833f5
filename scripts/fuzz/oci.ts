// Fuzz targets for OCI input: image references (action input and verifier argument), the
// `images` list, registry WWW-Authenticate challenges, the bundle the publisher takes apart,
// the cosign `.att` manifest a tag already holds, and everything the verifier reads back from
// a registry (manifests, indexes, referrers, blobs) through the real RegistryClient.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseImageReference } from '../../src/oci/reference.js';
import { RegistryClient } from '../../src/oci/registry-client.js';
import { parseChallenge } from '../../src/oci/www-authenticate.js';
import { parseBundle } from '../../src/publish/oci/bundle.js';
import {
  DSSE_LAYER_MEDIA_TYPE,
  mergeAttestationManifest,
  type LayerDescriptor
} from '../../src/publish/oci/cosign-layout.js';
import { parseImageList } from '../../src/publish/oci/image-list.js';
import { findAttestations } from '../../src/verify/cli/oci/find-attestations.js';
import { parseImageReference as parseVerifierImageReference } from '../../src/verify/cli/oci/image-ref.js';
import { bytesNear, jsonValueArb, mutatedArb, untrustedJsonArb } from './json-mutation.js';
import { asyncFuzzTarget, fuzzTarget, invariant } from './target.js';

const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const IMAGE_DIGEST = sha256('image');
const HEX = IMAGE_DIGEST.slice('sha256:'.length);

const referencePieces = fc.constantFrom(
  'ghcr.io',
  'localhost:5000',
  '127.0.0.1:5000',
  '[::1]:5000',
  'docker.io',
  'registry.example.com:443',
  'a',
  'octo-org/app',
  'library/ubuntu',
  'UPPER/case',
  'a/b/c/d',
  '..',
  'x:tag',
  '@',
  ':',
  '/',
  'sha256:',
  HEX,
  IMAGE_DIGEST,
  'sha512:' + 'a'.repeat(128),
  ' ',
  '\n',
  '\u0000',
  'é'
);

/** References made of real pieces in any order, real ones mutated, and noise. */
const referenceArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('ghcr.io/', 'localhost:5000/', 'docker.io/', '127.0.0.1:5000/', ''),
        fc.constantFrom('octo-org/app', 'library/ubuntu', 'a/b/c', 'app', 'x-y_z.w'),
        fc.constantFrom('', ':v1.0', ':latest')
      )
      .map(([host, repo, tag]) => `${host}${repo}${tag}@${IMAGE_DIGEST}`)
  },
  { weight: 3, arbitrary: fc.array(referencePieces, { maxLength: 6 }).map((p) => p.join('')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(referencePieces, fc.array(referencePieces, { maxLength: 3 }))
      .map(([host, path]) => `${host}/${path.join('/')}@${IMAGE_DIGEST}`)
  },
  {
    weight: 2,
    arbitrary: bytesNear(`ghcr.io/octo-org/app@${IMAGE_DIGEST}`).map((b) => b.toString('latin1'))
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 120 }) }
);

const challengeArb: fc.Arbitrary<string> = fc.oneof(
  bytesNear(
    'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"'
  ).map((b) => b.toString('latin1')),
  fc
    .array(fc.constantFrom('Bearer', 'Basic', ' ', ',', '=', '"', '\\', 'realm', 'scope', 'x'), {
      maxLength: 20
    })
    .map((p) => p.join('')),
  fc.string({ maxLength: 100 })
);

const BUNDLE = readFileSync(
  new URL('../../__fixtures__/oci/reusable-workflow-attestation.sigstore.json', import.meta.url),
  'utf8'
);

const LAYER: LayerDescriptor = {
  mediaType: DSSE_LAYER_MEDIA_TYPE,
  size: 10,
  digest: sha256('envelope'),
  annotations: { predicateType: 'https://slsa.dev/provenance/v1' }
};
const ATT_MANIFEST = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 2, digest: sha256('{}') },
  layers: [{ ...LAYER, digest: sha256('older envelope') }]
};

// A registry as the verifier meets it: a cosign `.att` manifest, a tag-schema fallback index
// pointing at a referrer manifest, and blobs, every document near-valid or noise.
const ENVELOPE = Buffer.from(
  '{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}'
);
const BUNDLE_BLOB = Buffer.from(BUNDLE);
const REFERRER_MANIFEST = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2, digest: sha256('{}') },
  layers: [
    {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      size: BUNDLE_BLOB.length,
      digest: sha256(BUNDLE_BLOB)
    }
  ],
  subject: {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: 100,
    digest: IMAGE_DIGEST
  }
};
const REFERRER_BODY = JSON.stringify(REFERRER_MANIFEST);
const COSIGN_MANIFEST = {
  ...ATT_MANIFEST,
  layers: [
    {
      mediaType: DSSE_LAYER_MEDIA_TYPE,
      size: ENVELOPE.length,
      digest: sha256(ENVELOPE),
      annotations: { 'dev.sigstore.cosign/certificate': 'x' }
    }
  ]
};
const FALLBACK_INDEX = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {
      mediaType: REFERRER_MANIFEST.mediaType,
      size: REFERRER_BODY.length,
      digest: sha256(REFERRER_BODY),
      artifactType: REFERRER_MANIFEST.artifactType
    }
  ]
};

const bodyArb = (seed: unknown): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: untrustedJsonArb(seed).map((v) =>
        typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined')
      )
    },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(seed)) },
    { weight: 1, arbitrary: fc.constant(undefined) } // 404
  );

interface FakeRegistry {
  att?: string;
  index?: string;
  referrer?: string;
  referrersApi: boolean;
  blobCorrupt: boolean;
}

const registryArb: fc.Arbitrary<FakeRegistry> = fc.record({
  att: bodyArb(COSIGN_MANIFEST),
  index: bodyArb(FALLBACK_INDEX),
  referrer: bodyArb(REFERRER_MANIFEST),
  referrersApi: fc.boolean(),
  blobCorrupt: fc.boolean()
});

function fakeFetch(r: FakeRegistry) {
  const manifests = new Map<string, string>();
  if (r.att !== undefined) manifests.set(`sha256-${HEX}.att`, r.att);
  if (r.index !== undefined) manifests.set(`sha256-${HEX}`, r.index);
  if (r.referrer !== undefined) manifests.set(sha256(r.referrer), r.referrer);
  const blobs = new Map<string, Buffer>([
    [sha256(ENVELOPE), r.blobCorrupt ? Buffer.from('tampered') : ENVELOPE],
    [sha256(BUNDLE_BLOB), BUNDLE_BLOB]
  ]);
  return async (url: string): Promise<Response> => {
    const path = new URL(url).pathname;
    const manifest = /\/manifests\/(.+)$/.exec(path)?.[1];
    if (manifest !== undefined) {
      const body = manifests.get(decodeURIComponent(manifest));
      if (body === undefined) return new Response(null, { status: 404 });
      return new Response(body, {
        status: 200,
        headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }
      });
    }
    if (/\/referrers\//.test(path)) {
      if (!r.referrersApi || r.index === undefined) return new Response(null, { status: 404 });
      return new Response(r.index, {
        status: 200,
        headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' }
      });
    }
    const blob = /\/blobs\/(.+)$/.exec(path)?.[1];
    const bytes = blob === undefined ? undefined : blobs.get(decodeURIComponent(blob));
    if (bytes === undefined) return new Response(null, { status: 404 });
    return new Response(bytes, { status: 200 });
  };
}

export const ociTargets = [
  fuzzTarget('oci-image-reference', referenceArb, (text) => {
    const ref = parseImageReference(text);
    invariant(/^sha256:[0-9a-f]{64}$/.test(ref.digest), `accepted digest ${ref.digest}`);
    const verifier = parseVerifierImageReference(text);
    invariant(verifier.hex === ref.digest.slice(7), 'the two readers disagree');
  }),
  fuzzTarget(
    'oci-image-list',
    fc.array(referenceArb, { maxLength: 5 }).map((lines) => lines.join('\n')),
    (text) => {
      const images = parseImageList(text);
      invariant(images.length > 0, 'empty image list accepted');
    }
  ),
  fuzzTarget('oci-www-authenticate', challengeArb, (header) => {
    const challenge = parseChallenge(header);
    invariant(challenge === undefined || typeof challenge.scheme === 'string', 'no scheme');
  }),
  fuzzTarget(
    'oci-bundle-parts',
    fc.oneof(
      untrustedJsonArb(JSON.parse(BUNDLE)).map((v) =>
        typeof v === 'string' ? v : (JSON.stringify(v) ?? '')
      ),
      bytesNear(BUNDLE).map((b) => b.toString('utf8'))
    ),
    (text) => {
      const parts = parseBundle(text);
      invariant(typeof parts.predicateType === 'string', 'parts without predicate type');
    }
  ),
  fuzzTarget(
    'oci-cosign-manifest-merge',
    fc.oneof(
      {
        weight: 4,
        arbitrary: mutatedArb(ATT_MANIFEST).map((m) => Buffer.from(JSON.stringify(m) ?? ''))
      },
      { weight: 1, arbitrary: jsonValueArb.map((m) => Buffer.from(JSON.stringify(m) ?? '')) },
      { weight: 1, arbitrary: bytesNear(JSON.stringify(ATT_MANIFEST)) }
    ),
    (body) => {
      const merged = mergeAttestationManifest(
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', body },
        LAYER,
        'sha256-x.att'
      );
      const manifest = JSON.parse(merged.manifest.toString('utf8')) as {
        layers: { digest: string }[];
      };
      invariant(
        manifest.layers.some((l) => l.digest === LAYER.digest),
        'merge lost our layer'
      );
    }
  ),
  asyncFuzzTarget('oci-read-back', registryArb, async (registry) => {
    const client = new RegistryClient(
      { apiHost: 'registry.example', repository: 'octo-org/app' },
      undefined,
      {
        fetch: fakeFetch(registry),
        retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 1000, timeoutMs: 1000 }
      }
    );
    const found = await findAttestations(client, IMAGE_DIGEST);
    for (const f of found)
      invariant(
        f.kind === 'bundle' ? Buffer.isBuffer(f.bundle) : Buffer.isBuffer(f.envelope),
        'no bytes'
      );
  })
];
