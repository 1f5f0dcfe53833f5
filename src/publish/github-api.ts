// A small GitHub REST client on fetch: per-request timeouts, bounded retries on 5xx/429 (and
// GitHub's secondary rate limit, a 403 with Retry-After) honouring Retry-After, and one clear
// ProvenanceError naming the service and endpoint when it gives up. When to retry is the shared
// policy in src/http/retry.ts. The base URL comes from the caller (GITHUB_API_URL on a runner), so
// the same code talks to api.github.com or the sandbox.
import { ProvenanceError, describeError, type ErrorCode } from '../errors.js';
import { isRetryableStatus, retryAfterMs, withRetries, type RetryPolicy } from '../http/retry.js';

export interface GitHubApiOptions {
  baseUrl: string;
  token: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** Upper bound on the time spent retrying one request, waits included. */
  maxTotalMs?: number;
  /** First backoff delay; doubles per attempt unless the server says Retry-After. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  /** JSON body (serialised) or raw bytes. */
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  accept?: string;
  /** Statuses that are an answer rather than a failure (e.g. 404 for "not there yet"). */
  expect: readonly number[];
  /** What a non-retryable unexpected status means for the caller. */
  errorCode?: ErrorCode;
  /**
   * Attempts for this request (default: the client's). 1 for a POST the caller must check
   * before repeating: a lost answer may hide one that was stored.
   */
  maxAttempts?: number;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T>(): T;
}

/** Retry-After is either delay-seconds or an HTTP date. */
export { retryAfterMs as parseRetryAfter } from '../http/retry.js';

/** GitHub's error body carries `message`; keep it short and printable. */
function serverMessage(body: Buffer): string {
  let text = body.toString('utf8');
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') text = parsed.message;
  } catch {
    // not JSON: use the text itself
  }
  text = text.replace(/[^\x20-\x7e]/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

export class GitHubApi {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  /** Attempts per request; callers that retry a POST themselves keep to the same count. */
  readonly maxAttempts: number;
  private readonly maxTotalMs: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: GitHubApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.maxTotalMs = options.maxTotalMs ?? 120_000;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** `path` is relative to the base URL, or an absolute URL (upload_url, asset downloads). */
  async request(method: string, path: string, options: RequestOptions): Promise<ApiResponse> {
    const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.baseUrl + path);
    const endpoint = `GitHub API ${method} ${url.origin}${url.pathname}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: options.accept ?? 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'isolated-provenance'
    };
    let payload: Uint8Array | string | undefined;
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.bytes !== undefined) {
      payload = options.bytes;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    }

    const policy: RetryPolicy = {
      attempts: options.maxAttempts ?? this.maxAttempts,
      baseDelayMs: this.baseDelayMs,
      maxDelayMs: Infinity, // Retry-After is honoured in full; the total budget still bounds it
      budgetMs: this.maxTotalMs,
      timeoutMs: this.timeoutMs
    };
    const result = await withRetries<ApiResponse>(
      policy,
      async () => {
        let response: Response;
        let body: Buffer;
        try {
          response = await fetch(url, {
            method,
            headers,
            body: payload,
            signal: AbortSignal.timeout(policy.timeoutMs)
          });
          body = Buffer.from(await response.arrayBuffer());
        } catch (e) {
          // Network failure or per-attempt timeout: worth another try.
          return { retry: describeError(e) };
        }
        const status = response.status;
        if (options.expect.includes(status))
          return { done: apiResponse(status, response.headers, body, endpoint, options) };
        const secondaryLimit = status === 403 && response.headers.has('retry-after');
        const problem = `HTTP ${status}: ${serverMessage(body)}`;
        if (!isRetryableStatus(status) && !secondaryLimit) {
          throw new ProvenanceError(
            options.errorCode ?? 'PUBLISH_FAILED',
            `${endpoint}: expected HTTP ${options.expect.join(' or ')}, found ${problem}`
          );
        }
        return { retry: problem, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
      },
      this.sleep
    );
    if (result.ok) return result.value;
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `${endpoint}: gave up after ${result.attempts} attempt(s) in ${Math.round(result.elapsedMs / 1000)}s: ${result.problem}`
    );
  }
}

function apiResponse(
  status: number,
  headers: Headers,
  body: Buffer,
  endpoint: string,
  options: RequestOptions
): ApiResponse {
  return {
    status,
    headers,
    body,
    json<T>() {
      try {
        return JSON.parse(body.toString('utf8')) as T;
      } catch (e) {
        throw new ProvenanceError(
          options.errorCode ?? 'PUBLISH_FAILED',
          `${endpoint}: expected a JSON answer, found unparsable body (${describeError(e)})`
        );
      }
    }
  };
}

/** Splits "owner/name" and checks it is one. */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
  if (!m) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `repository: expected "owner/name", found "${repository.replace(/[^\x20-\x7e]/g, '?')}"`
    );
  }
  return { owner: m[1]!, repo: m[2]! };
}

/** The client's "gave up after 1 attempt(s)" for a POST this module tried `attempts` times. */
export function attemptsSoFar(e: ProvenanceError, attempts: number): ProvenanceError {
  return new ProvenanceError(
    e.code,
    e.message.replace(/gave up after 1 attempt\(s\)/, `gave up after ${attempts} attempt(s)`),
    { cause: e }
  );
}
