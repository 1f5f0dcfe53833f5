// Store each Sigstore bundle through GitHub's attestations API, which is what
// `gh attestation verify` reads. Re-running is safe: a bundle already stored for its subject
// digest is not posted again.
import { isDeepStrictEqual } from 'node:util';
import type { SerializedBundle } from '@sigstore/bundle';
import { ProvenanceError } from '../errors.js';
import { statementOfBundle } from '../provenance/statement-of-bundle.js';
import { listedBundle, type ListedAttestation } from './attestation-bundle.js';
import { attemptsSoFar, splitRepository, type ApiResponse, type GitHubApi } from './github-api.js';

export interface AttestationsInput {
  api: GitHubApi;
  repository: string; // owner/name
  /** https://github.com, for the attestation's web URL. */
  serverUrl: string;
  bundles: readonly SerializedBundle[];
  /**
   * Whether a stored bundle (as one JSON line) attests the same build as bundles[index]: a
   * re-run signs again, and the earlier attestation then stands for it.
   */
  sameBuild?: (existing: Buffer, index: number) => boolean;
  /** Told as soon as each bundle is stored, so a later failure can say what stays. */
  onStored?: (result: StoredAttestationResult) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface StoredAttestationResult {
  subjectDigest: string; // sha256:<hex>, the digest the API indexes the bundle under
  /** Absent when the bundle was already stored (the list endpoint does not return ids). */
  id?: number;
  url?: string;
  reused: boolean;
}

/** The first sha256 subject digest of the in-toto statement a bundle signs. */
export function bundleSubjectDigest(bundle: SerializedBundle): string {
  const decoded = statementOfBundle(bundle);
  if (!decoded.ok)
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      `attestations API: expected a DSSE bundle signing an in-toto statement, found ${decoded.problem}`
    );
  const statement = decoded.statement as { subject?: { digest?: Record<string, unknown> }[] };
  for (const subject of Array.isArray(statement.subject) ? statement.subject : []) {
    const hex = subject.digest?.['sha256'];
    if (typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex)) return `sha256:${hex}`;
  }
  throw new ProvenanceError(
    'PUBLISH_FAILED',
    'attestations API: expected a subject with a sha256 digest (the API indexes by sha256), found none'
  );
}

async function alreadyStored(
  api: GitHubApi,
  base: string,
  digest: string,
  bundle: SerializedBundle,
  sameBuild: (existing: Buffer) => boolean
): Promise<boolean> {
  let after: string | undefined;
  for (let page = 0; page < 10; page++) {
    const query = `per_page=100${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const res = await api.request('GET', `${base}/attestations/${digest}?${query}`, {
      expect: [200, 404]
    });
    if (res.status === 404) return false;
    const { attestations = [] } = res.json<{ attestations?: ListedAttestation[] }>();
    const matches = (stored: unknown) =>
      isDeepStrictEqual(stored, bundle) || sameBuild(Buffer.from(JSON.stringify(stored)));
    // The list gives each bundle inline (before July 2026) or behind a bundle_url (since).
    for (const entry of attestations) {
      const stored = await listedBundle(entry);
      if (stored !== undefined && matches(stored)) return true;
    }
    // GitHub pages this list with cursors in the Link header.
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
    after = next ? (new URL(next[1]!).searchParams.get('after') ?? undefined) : undefined;
    if (!after) return false;
  }
  return false;
}

/**
 * Posts the bundle unless it is already stored. A POST whose answer was lost (timeout, reset,
 * 5xx from a proxy) may have been stored all the same, so every new try looks first: retrying
 * the POST blindly would store the attestation twice. Returns undefined when it was there.
 */
async function storeOnce(
  api: GitHubApi,
  base: string,
  digest: string,
  bundle: SerializedBundle,
  sameBuild: (existing: Buffer) => boolean,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
): Promise<ApiResponse | undefined> {
  for (let attempt = 1; ; attempt++) {
    if (await alreadyStored(api, base, digest, bundle, sameBuild)) return undefined;
    try {
      return await api.request('POST', `${base}/attestations`, {
        json: { bundle },
        expect: [201],
        maxAttempts: 1
      });
    } catch (e) {
      const transient = e instanceof ProvenanceError && e.code === 'SERVICE_UNAVAILABLE';
      if (!transient) throw e;
      if (attempt >= api.maxAttempts) throw attemptsSoFar(e, attempt);
      await sleep(500 * 2 ** (attempt - 1));
    }
  }
}

export async function publishAttestations(
  input: AttestationsInput
): Promise<StoredAttestationResult[]> {
  const { api, bundles } = input;
  const { owner, repo } = splitRepository(input.repository);
  const base = `/repos/${owner}/${repo}`;
  // Check every bundle before posting any, so a malformed one publishes nothing.
  const digests = bundles.map(bundleSubjectDigest);
  const results: StoredAttestationResult[] = [];
  for (const [i, bundle] of bundles.entries()) {
    const subjectDigest = digests[i]!;
    const sameBuild = (existing: Buffer) => input.sameBuild?.(existing, i) ?? false;
    const res = await storeOnce(api, base, subjectDigest, bundle, sameBuild, input.sleep);
    if (!res) {
      results.push({ subjectDigest, reused: true });
      continue;
    }
    const { id } = res.json<{ id?: unknown }>();
    if (typeof id !== 'number') {
      throw new ProvenanceError(
        'PUBLISH_FAILED',
        `GitHub API POST ${base}/attestations: expected an attestation id in the answer, found ${JSON.stringify(id)}`
      );
    }
    const stored: StoredAttestationResult = {
      subjectDigest,
      id,
      url: `${input.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/attestations/${id}`,
      reused: false
    };
    input.onStored?.(stored);
    results.push(stored);
  }
  return results;
}
