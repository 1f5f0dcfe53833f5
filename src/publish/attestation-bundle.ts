// The bundle of one entry of GitHub's attestation list. Until July 2026 it was inline; since
// then the list answers `"bundle": null` with a `bundle_url` to blob storage serving it
// snappy-compressed (`application/x-snappy`, `.json.sn`) — for every API version
// (docs.github.com/en/rest/about-the-rest-api/breaking-changes, "Use bundle_url to retrieve the
// attestation bundle"; live answers quoted in terraform-linters/tflint#2593). gh reads it the
// same way (cli/cli#10185).
import { ProvenanceError, describeError } from '../errors.js';
import { isRetryableStatus, withRetries, type RetryPolicy } from '../http/retry.js';
import { decodeSnappyBlock } from './snappy.js';

export interface ListedAttestation {
  bundle?: unknown;
  bundle_url?: unknown;
}

/** A Sigstore bundle is a few KiB; anything near this is not one. */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

const DEFAULT_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  budgetMs: 60_000,
  timeoutMs: 30_000
};

function failed(problem: string): ProvenanceError {
  return new ProvenanceError(
    'PUBLISH_FAILED',
    `attestations API: cannot read a stored bundle from its bundle_url: ${problem}`
  );
}

/** Storage URLs carry a signature in the query: log the host and path only. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * The entry's bundle as parsed JSON; undefined when the entry has neither an inline bundle nor
 * a bundle_url. The URL is pre-signed storage: it gets no GitHub token (it would leak there).
 */
export async function listedBundle(
  entry: ListedAttestation,
  options: { policy?: Partial<RetryPolicy>; sleep?: (ms: number) => Promise<void> } = {}
): Promise<unknown> {
  if (entry.bundle !== null && typeof entry.bundle === 'object') return entry.bundle;
  if (typeof entry.bundle_url !== 'string' || entry.bundle_url === '') return undefined;
  let url: URL;
  try {
    url = new URL(entry.bundle_url);
  } catch {
    throw failed('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw failed(`unsupported scheme ${url.protocol}`);

  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const result = await withRetries<{ body: Buffer; type: string }>(
    policy,
    async () => {
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(policy.timeoutMs) });
      } catch (e) {
        return { retry: describeError(e) };
      }
      // Refused before reading when the length already says it is no bundle.
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > MAX_BUNDLE_BYTES) {
        await res.body?.cancel();
        throw failed(`${declared} bytes, more than a bundle`);
      }
      let body: Buffer;
      try {
        body = Buffer.from(await res.arrayBuffer());
      } catch (e) {
        return { retry: describeError(e) };
      }
      if (res.ok) return { done: { body, type: res.headers.get('content-type') ?? '' } };
      const problem = `HTTP ${res.status} from ${shown(url)}`;
      if (!isRetryableStatus(res.status)) throw failed(problem);
      return { retry: problem };
    },
    options.sleep
  );
  if (!result.ok) throw failed(`gave up after ${result.attempts} attempt(s): ${result.problem}`);
  const { body, type } = result.value;
  if (body.length > MAX_BUNDLE_BYTES) throw failed(`${body.length} bytes, more than a bundle`);

  // Snappy is what GitHub serves; plain JSON is accepted should it ever serve that instead.
  const plain =
    /json/i.test(type) || (!/snappy/i.test(type) && body[0] === 0x7b) /* { */
      ? body
      : decodeSnappyBlock(body, MAX_BUNDLE_BYTES);
  try {
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch (e) {
    throw failed(`not a JSON bundle (${describeError(e)})`);
  }
}
