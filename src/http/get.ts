// One GET with a per-attempt timeout, a body size limit and bounded retries: the HTTP helper for
// what GitHub's octokit and Sigstore's own clients do not cover, i.e. the OIDC issuer's discovery
// document and its JWKS (handed to jose as its fetch). When to retry and how long to wait is the
// shared policy in src/http/retry.ts.
import { isRetryableStatus, retryAfterMs, withRetries, type RetryPolicy } from './retry.js';

export interface HttpGetOptions {
  headers?: Record<string, string>;
  /** Per attempt, milliseconds. */
  timeoutMs?: number;
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** Upper bound for any single wait (also caps Retry-After). */
  maxDelayMs?: number;
  /** No new attempt starts once this much time (waits included) would be spent. */
  maxTotalMs?: number;
  /** Responses larger than this are refused: none of our documents is big. */
  maxBodyBytes?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** A caller's own deadline (jose's timeout): aborts the attempt in flight and stops retrying. */
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  body: string;
}

/** Thrown when every attempt failed transiently; `detail` says how the last one failed. */
export class HttpUnavailableError extends Error {
  constructor(
    readonly detail: string,
    readonly attempts: number
  ) {
    super(detail);
    this.name = 'HttpUnavailableError';
  }
}

const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  maxDelayMs: 30_000,
  maxTotalMs: 120_000,
  maxBodyBytes: 1024 * 1024
};

export { retryAfterMs } from './retry.js';

export async function getWithRetry(url: string, options: HttpGetOptions = {}): Promise<HttpResult> {
  const policy: RetryPolicy = {
    attempts: Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts),
    baseDelayMs: 500,
    maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
    budgetMs: options.maxTotalMs ?? DEFAULTS.maxTotalMs,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs
  };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const doFetch = options.fetchImpl ?? fetch;

  const result = await withRetries<HttpResult>(
    policy,
    async () => {
      try {
        if (options.signal?.aborted) throw new CallerAbortedError();
        const attemptSignal = AbortSignal.timeout(policy.timeoutMs);
        const response = await doFetch(url, {
          headers: options.headers,
          signal: options.signal ? AbortSignal.any([options.signal, attemptSignal]) : attemptSignal,
          redirect: 'follow'
        });
        const body = await readBounded(response, maxBodyBytes);
        if (!isRetryableStatus(response.status)) return { done: { status: response.status, body } };
        return {
          retry: `HTTP ${response.status}`,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after'))
        };
      } catch (e) {
        if (e instanceof ResponseTooLargeError || e instanceof CallerAbortedError) throw e;
        if (options.signal?.aborted) throw new CallerAbortedError();
        return { retry: describeFetchFailure(e, policy.timeoutMs) };
      }
    },
    options.sleep
  );
  if (result.ok) return result.value;
  throw new HttpUnavailableError(
    `${result.problem} after ${result.attempts} attempts`,
    result.attempts
  );
}

export class ResponseTooLargeError extends Error {
  constructor(limit: number) {
    super(`response larger than ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/** The caller's own signal fired: no further attempt, whatever the policy still allows. */
export class CallerAbortedError extends Error {
  constructor() {
    super('the caller gave up waiting');
    this.name = 'CallerAbortedError';
  }
}

async function readBounded(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(limit);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) throw new ResponseTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFetchFailure(e: unknown, timeoutMs: number): string {
  // Not `instanceof Error`: fetch's DOMException may come from another realm (jest's VM).
  const err =
    typeof e === 'object' && e !== null
      ? (e as { name?: unknown; message?: unknown; cause?: unknown })
      : undefined;
  if (!err) return String(e);
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return `no answer within ${timeoutMs} ms`;
  const message = typeof err.message === 'string' ? err.message : String(e);
  const cause = err.cause as { message?: unknown } | undefined;
  if (cause && typeof cause.message === 'string' && cause.message)
    return `${message} (${cause.message})`;
  return message;
}
