// Publishes one signed attestation (a Sigstore bundle) next to a container image:
//  - the cosign layout (tag sha256-<hex>.att), which cosign, Kyverno and policy-controller read;
//  - an OCI 1.1 referrer artifact holding the bundle (tag-schema fallback index sha256-<hex>
//    when the registry has no referrers API).
// Everything is validated before the first request; blobs go up before manifests, and each
// publication becomes visible through one final tag write.
import { ProvenanceError } from '../../errors.js';
import { statementOfEnvelope } from '../../provenance/statement-of-bundle.js';
import { parseBundle, parseReferrerBundle, type ReferrerBundleParts } from './bundle.js';
import { issuingChain, type TrustedRootCAs } from './chain.js';
import { prepareCosignAttestation } from './cosign-publish.js';
import type { RetryPolicy } from '../../http/retry.js';
import { resolveCredentials, type RegistryCredentials } from '../../oci/credentials.js';
import { parseImageReference } from '../../oci/reference.js';
import {
  DEFAULT_REGISTRY_RETRY,
  RegistryClient,
  type FetchLike
} from '../../oci/registry-client.js';
import { attachReferrer } from './referrers-publish.js';

export { parseImageReference, type ImageReference } from '../../oci/reference.js';
export { parseImageList } from './image-list.js';
export type { RegistryCredentials } from '../../oci/credentials.js';
export type { RetryPolicy } from '../../http/retry.js';

export type OciFormat = 'both' | 'cosign' | 'referrers';

/** How often the .att tag is re-read and re-merged when another publisher keeps changing it. */
const MAX_COSIGN_ROUNDS = 3;

export const OCI_INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
];

export interface PublishImageAttestationOptions {
  /** `registry/name@sha256:<hex>`; tags are refused. */
  image: string;
  /** One Sigstore bundle (JSON text or parsed) with DSSE content, a Fulcio cert and a Rekor entry. */
  bundle: string | Record<string, unknown>;
  format?: OciFormat;
  /** Explicit credentials; otherwise ~/.docker/config.json `auths`, else anonymous. */
  credentials?: RegistryCredentials;
  dockerConfigPath?: string;
  /** Trusted root whose Fulcio CA supplies the chain annotation for a leaf-only (v0.3) bundle. */
  trustedRoot?: TrustedRootCAs;
  retry?: Partial<RetryPolicy>;
  fetch?: FetchLike;
  /**
   * Whether an attestation already next to the image (its DSSE payload, base64) attests the same
   * build: a re-run signs again, and the earlier attestation then stands for it.
   */
  sameBuild?: (payloadBase64: string) => boolean;
  /**
   * Test-only: attach a bundle whose statement does not name this image (the real-world
   * corpus bundles attest other artifacts). Never set in the action.
   */
  skipSubjectCheck?: boolean;
}

export interface ImageAttestationResult {
  /** registry/name@sha256:<hex> */
  image: string;
  digest: string;
  /** Media type of what the digest names; an index for multi-arch images. */
  mediaType: string;
  isIndex: boolean;
  cosignTag?: string;
  /** False when the .att tag already held this attestation (nothing written). */
  cosignUpdated?: boolean;
  referrerTag?: string;
  referrerDigest?: string;
  /** False when the fallback index already listed this artifact (nothing new written). */
  referrerUpdated?: boolean;
}

function assertStatementNamesImage(
  parts: ReferrerBundleParts,
  digestHex: string,
  image: string
): void {
  const decoded = statementOfEnvelope(parts.envelope);
  const subjects = decoded.ok ? decoded.statement.subject : undefined;
  const named =
    Array.isArray(subjects) &&
    subjects.some(
      (s) => (s as { digest?: Record<string, unknown> } | null)?.digest?.sha256 === digestHex
    );
  if (!named)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `the attestation's subjects do not include the image digest sha256:${digestHex}; refusing to attach it to ${image}`
    );
}

/** Digests listed in the tag-schema fallback index (empty when there is none yet). */
/** How many existing attestations a re-run looks into before it publishes its own. */
const MAX_EXISTING_CHECKED = 50;

function payloadOf(json: Buffer, path: 'dsse' | 'bundle'): string | undefined {
  try {
    const parsed = JSON.parse(json.toString('utf8')) as {
      payload?: unknown;
      dsseEnvelope?: { payload?: unknown };
    };
    const payload = path === 'dsse' ? parsed.payload : parsed.dsseEnvelope?.payload;
    return typeof payload === 'string' ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** An existing referrer artifact in the fallback index that attests the same build. */
async function sameBuildReferrer(
  client: RegistryClient,
  digests: Set<string>,
  sameBuild: (payload: string) => boolean
): Promise<string | undefined> {
  for (const digest of [...digests].slice(0, MAX_EXISTING_CHECKED)) {
    const manifest = (await client.manifest(digest)) as
      { layers?: { digest?: unknown }[] } | undefined;
    const layer = manifest?.layers?.[0]?.digest;
    if (typeof layer !== 'string') continue;
    const payload = payloadOf(await client.blob(layer), 'bundle');
    if (payload !== undefined && sameBuild(payload)) return digest;
  }
  return undefined;
}

async function fallbackIndexEntries(client: RegistryClient, tag: string): Promise<Set<string>> {
  const index = await client.getManifest(tag);
  if (!index) return new Set();
  try {
    const parsed = JSON.parse(index.body.toString('utf8')) as {
      manifests?: { digest?: unknown }[];
    };
    return new Set(
      (parsed.manifests ?? [])
        .map((m) => m.digest)
        .filter((d): d is string => typeof d === 'string')
    );
  } catch {
    return new Set(); // @sigstore/oci refuses a non-index tag itself, with its own message
  }
}

export async function publishImageAttestation(
  options: PublishImageAttestationOptions
): Promise<ImageAttestationResult> {
  const format = options.format ?? 'both';
  if (!['both', 'cosign', 'referrers'].includes(format))
    throw new ProvenanceError(
      'INPUT_INVALID',
      `OCI format must be one of both, cosign, referrers; found "${String(format)}"`
    );
  const ref = parseImageReference(options.image);
  // The referrer carries any bundle; cosign's layout needs a Rekor v1 SET (parseBundle checks).
  const cosignParts = format === 'referrers' ? undefined : parseBundle(options.bundle);
  const parts: ReferrerBundleParts = cosignParts ?? parseReferrerBundle(options.bundle);
  const imageName = `${ref.registry}/${ref.repository}@${ref.digest}`;
  if (!options.skipSubjectCheck)
    assertStatementNamesImage(parts, ref.digest.slice('sha256:'.length), imageName);
  const chain =
    parts.chainDer.length > 0 ? parts.chainDer : issuingChain(parts.leafDer, options.trustedRoot);

  const retry: RetryPolicy = { ...DEFAULT_REGISTRY_RETRY, ...options.retry };
  const credentials = await resolveCredentials(
    ref.registry,
    options.credentials,
    options.dockerConfigPath
  );
  const client = new RegistryClient(ref, credentials, {
    retry,
    access: 'pull,push', // one token for the reads and writes of this publication
    ...(options.fetch ? { fetch: options.fetch } : {})
  });

  const found = await client.headManifest(ref.digest);
  if (!found)
    throw new ProvenanceError(
      'REGISTRY_ERROR',
      `registry ${ref.apiHost}: image ${imageName} not found (404); push the image first and pass the digest it was pushed with`
    );
  if (found.digest && found.digest !== ref.digest)
    throw new ProvenanceError(
      'REGISTRY_ERROR',
      `registry ${ref.apiHost}: asked for ${ref.digest} but it answered with ${found.digest}`
    );

  const result: ImageAttestationResult = {
    image: imageName,
    digest: ref.digest,
    mediaType: found.mediaType,
    isIndex: OCI_INDEX_MEDIA_TYPES.includes(found.mediaType)
  };

  const sameBuild = options.sameBuild;
  const sameBuildLayer = sameBuild
    ? (layer: Buffer) => {
        const payload = payloadOf(layer, 'dsse');
        return payload !== undefined && sameBuild(payload);
      }
    : undefined;

  // blobs of the cosign layout first; its tag is written last, after the referrer index
  const cosign =
    format === 'referrers'
      ? undefined
      : await prepareCosignAttestation(client, ref.digestTag, cosignParts!, chain, sameBuildLayer);

  if (format !== 'cosign') {
    const listedBefore = await fallbackIndexEntries(client, ref.digestTag);
    const existing = options.sameBuild
      ? await sameBuildReferrer(client, listedBefore, options.sameBuild)
      : undefined;
    const referrer = existing
      ? { digest: existing, tag: ref.digestTag }
      : await attachReferrer({
          registry: ref.registry,
          apiHost: ref.apiHost,
          repository: ref.repository,
          digest: ref.digest,
          digestTag: ref.digestTag,
          parts,
          credentials,
          retry
        });
    result.referrerTag = referrer.tag;
    result.referrerDigest = referrer.digest;
    result.referrerUpdated = !listedBefore.has(referrer.digest);
  }

  if (cosign) {
    try {
      let prepared = cosign;
      for (let round = 1; (await prepared.commit()) === 'conflict'; round++) {
        if (round >= MAX_COSIGN_ROUNDS)
          throw new ProvenanceError(
            'REGISTRY_ERROR',
            `registry ${ref.apiHost}: tag ${prepared.tag} kept changing while this attestation was being appended (${round} tries); run the publish again`
          );
        prepared = await prepareCosignAttestation(
          client,
          ref.digestTag,
          cosignParts!,
          chain,
          sameBuildLayer
        );
      }
      result.cosignTag = prepared.tag;
      result.cosignUpdated = prepared.changed;
    } catch (e) {
      if (e instanceof ProvenanceError && result.referrerTag)
        throw new ProvenanceError(
          e.code,
          `${e.message} (the referrer artifact ${result.referrerDigest ?? ''} was already attached; re-running appends the cosign attestation without duplicating it)`,
          { cause: e }
        );
      throw e;
    }
  }
  return result;
}
