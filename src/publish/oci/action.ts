// Container mode of the action: one attestation per image, pushed next to it. Kept apart from
// the OCI publisher so that the publisher stays free of action inputs and environment.
import type { Bundle } from '@sigstore/bundle';
import { bundleJson } from '../bundle-json.js';
import { ProvenanceError, describeError } from '../../errors.js';
import type { ActionInputs } from '../../inputs.js';
import type { ProvenancePredicateV1, Statement, Subject } from '../../types.js';
import { payloadAttestsSameBuild } from '../equivalence.js';
import type { Publication } from '../summary.js';
import type { TrustedRootCAs } from './chain.js';
import {
  publishImageAttestation,
  type ImageAttestationResult,
  type RegistryCredentials
} from './index.js';
import { parseImageReference } from '../../oci/reference.js';

/** Image subjects: the repository (without digest) as the name, the manifest digest. */
export function imageSubjects(images: readonly string[]): Subject[] {
  return images.map((image) => {
    const ref = parseImageReference(image);
    return {
      name: `${ref.registry}/${ref.repository}`,
      digest: { sha256: ref.digest.slice('sha256:'.length) }
    };
  });
}

/**
 * A v0.3 bundle carries only the leaf; cosign's chain annotation needs the issuing CA chain,
 * which Fulcio publishes at /api/v2/trustBundle.
 */
export async function fetchFulcioChains(
  fulcioUrl: string,
  timeoutMs = 15_000
): Promise<TrustedRootCAs> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(`${fulcioUrl}/api/v2/trustBundle`, {
        signal: AbortSignal.timeout(timeoutMs)
      });
      if (res.ok) {
        const body = (await res.json()) as { chains?: { certificates?: string[] }[] };
        return {
          certificateAuthorities: (body.chains ?? []).map((c) => ({
            certChain: {
              certificates: (c.certificates ?? []).map((pem) => ({
                rawBytes: pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
              }))
            }
          }))
        };
      }
      lastError = new Error(`HTTP ${res.status}`);
      if (res.status < 500 && res.status !== 429) break;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
  }
  throw new ProvenanceError(
    'SERVICE_UNAVAILABLE',
    `Fulcio (${fulcioUrl}): cannot read its trust bundle for the cosign chain annotation: ${describeError(lastError)}`
  );
}

/**
 * The registry credentials from the inputs. Half a pair would silently fall back to docker
 * config or anonymous access, so it is refused; call this before signing, too.
 */
export function registryCredentials(
  inputs: Pick<ActionInputs, 'registryUsername' | 'registryPassword'>
): RegistryCredentials | undefined {
  const { registryUsername: username, registryPassword: password } = inputs;
  if ((username === '') !== (password === '')) {
    const [set, missing] =
      username === ''
        ? ['registry-password', 'registry-username']
        : ['registry-username', 'registry-password'];
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${set} is set but ${missing} is empty: give both, or neither to use ~/.docker/config.json or anonymous access`
    );
  }
  return username === '' ? undefined : { username, password };
}

export interface ImagePublishing {
  publications: Publication[];
  images: { image: string; digest: string; mediaType: string }[];
}

/** The statement a bundle signs, to recognise an earlier run's attestation of the same build. */
function signedStatement(bundle: Bundle): Statement<ProvenancePredicateV1> {
  const content = bundle.content;
  const payload = content.$case === 'dsseEnvelope' ? content.dsseEnvelope.payload : Buffer.alloc(0);
  return JSON.parse(payload.toString('utf8')) as Statement<ProvenancePredicateV1>;
}

export async function publishImages(options: {
  inputs: ActionInputs;
  bundles: readonly Bundle[];
  fulcioUrl: string;
  /** Per-request timeout for the registry and Fulcio's trust bundle (defaults: their own). */
  timeoutMs?: number;
}): Promise<ImagePublishing> {
  const { inputs, bundles } = options;
  if (bundles.length !== inputs.images.length) {
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      `expected one bundle per image (${inputs.images.length}), found ${bundles.length}`
    );
  }
  const credentials = registryCredentials(inputs);
  const trustedRoot =
    inputs.ociFormat === 'referrers'
      ? undefined
      : await fetchFulcioChains(options.fulcioUrl, options.timeoutMs);
  const results: ImageAttestationResult[] = [];
  // One image after another: each publication is complete before the next starts.
  for (const [i, image] of inputs.images.entries()) {
    results.push(
      await publishImageAttestation({
        image,
        bundle: bundleJson(bundles[i]!) as unknown as Record<string, unknown>,
        format: inputs.ociFormat,
        credentials,
        sameBuild: (payload) => payloadAttestsSameBuild(payload, [signedStatement(bundles[i]!)]),
        ...(options.timeoutMs ? { retry: { timeoutMs: options.timeoutMs } } : {}),
        ...(trustedRoot ? { trustedRoot } : {})
      })
    );
  }
  const publications: Publication[] = [];
  for (const r of results) {
    if (r.cosignTag)
      publications.push({
        kind: 'oci-cosign',
        location: `${r.image.split('@')[0]}:${r.cosignTag}`,
        status: r.cosignUpdated === false ? 'unchanged' : 'created'
      });
    if (r.referrerTag || r.referrerDigest)
      publications.push({
        kind: 'oci-referrer',
        location: `${r.image.split('@')[0]}@${r.referrerDigest ?? ''}${r.referrerTag ? ` (index ${r.referrerTag})` : ''}`,
        status: r.referrerUpdated === false ? 'unchanged' : 'created'
      });
  }
  return {
    publications,
    images: results.map((r) => ({
      image: r.image.split('@')[0]!,
      digest: r.digest,
      mediaType: r.mediaType
    }))
  };
}
