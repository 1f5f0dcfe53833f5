// The OCI 1.1 referrer artifact holding the Sigstore bundle, attached with @sigstore/oci. On a
// registry without the referrers API (distribution 2.8) it appends the artifact to the
// tag-schema fallback index `sha256-<hex>`; its last write is that index, so a failure before
// it leaves the tag untouched.
import { attachArtifactToImage, type Credentials } from '@sigstore/oci';
import { ProvenanceError, describeError } from '../../errors.js';
import { X509Certificate } from 'node:crypto';
import type { ReferrerBundleParts } from './bundle.js';
import type { RetryPolicy } from '../../http/retry.js';

export interface ReferrerResult {
  /** Digest of the artifact manifest (its subject is the image). */
  digest: string;
  /** The fallback index tag the artifact is listed in. */
  tag: string;
}

/** `…bundle+json;version=0.3` (the legacy spelling) → `…bundle.v0.3+json`, the artifactType cosign reads. */
export function bundleArtifactType(mediaType: string): string {
  const legacy = /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=([0-9.]+)$/.exec(
    mediaType
  );
  return legacy ? `application/vnd.dev.sigstore.bundle.v${legacy[1]}+json` : mediaType;
}

/** The HTTP status inside an @sigstore/oci failure, when there is one. */
function statusOf(e: unknown): number | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current; depth++) {
    const status = (current as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number') return status;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export async function attachReferrer(options: {
  registry: string;
  apiHost: string;
  repository: string;
  digest: string;
  digestTag: string;
  parts: ReferrerBundleParts;
  credentials: Credentials | undefined;
  retry: RetryPolicy;
}): Promise<ReferrerResult> {
  const { parts } = options;
  try {
    const descriptor = await attachArtifactToImage({
      imageName: `${options.registry}/${options.repository}`,
      imageDigest: options.digest,
      artifact: Buffer.from(parts.json),
      mediaType: bundleArtifactType(parts.mediaType),
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': parts.predicateType,
        // pinned to the log time so the same bundle always yields the same artifact manifest,
        // which is what lets a re-publish find itself in the index instead of adding a copy
        // (no Rekor v1 entry, e.g. Rekor v2: the certificate's start, as fixed per bundle)
        'org.opencontainers.image.created': parts.tlog
          ? new Date(Number(parts.tlog.integratedTime) * 1000).toISOString()
          : new Date(new X509Certificate(parts.leafDer).validFrom).toISOString()
      },
      // @sigstore/oci treats an empty username as a credential and fails the challenge
      credentials: options.credentials as Credentials,
      fetchOpts: {
        retry: {
          retries: Math.max(0, options.retry.attempts - 1),
          factor: 2,
          minTimeout: options.retry.baseDelayMs,
          maxTimeout: options.retry.maxDelayMs,
          maxRetryTime: options.retry.budgetMs
        },
        timeout: options.retry.timeoutMs,
        proxy: undefined,
        noProxy: undefined
      }
    });
    return { digest: descriptor.digest, tag: options.digestTag };
  } catch (e) {
    const status = statusOf(e);
    const where = `registry ${options.apiHost}`;
    let problem: string;
    if (status === 401)
      problem = 'rejected the credentials (401) while attaching the referrer artifact';
    else if (status === 403)
      problem = 'denied push access (403) while attaching the referrer artifact';
    else if (status === 404) problem = `has no image ${options.repository}@${options.digest} (404)`;
    else if (status !== undefined && status >= 500)
      problem = `kept answering ${status} while attaching the referrer artifact (gave up after ${options.retry.attempts} attempts)`;
    else
      problem = `failed while attaching the referrer artifact: ${describeError((e as { cause?: unknown }).cause ?? e)}`;
    throw new ProvenanceError('REGISTRY_ERROR', `${where}: ${problem}`, { cause: e });
  }
}
