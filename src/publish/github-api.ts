// Every GitHub REST call goes through @actions/github's octokit (proxy-aware fetch, auth,
// GITHUB_API_URL/GHES base URLs) with @octokit/plugin-retry (5xx, 429 and dropped connections,
// backed off) and @octokit/plugin-throttling (GitHub's primary and secondary rate limits:
// x-ratelimit-* and Retry-After). This module only adds what octokit leaves to its caller:
//  - a per-attempt timeout, a bound on the total time of one call (attempts and waits included);
//  - statuses that are an answer rather than a failure (404 "not there yet", 422 "exists");
//  - one ProvenanceError line naming the service, the endpoint, and expected vs found.
import type { Octokit } from '@octokit/core';
import type { OctokitResponse } from '@octokit/types';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { ProvenanceError, describeError, type ErrorCode } from '../errors.js';

export interface GitHubApiOptions {
  /** GITHUB_API_URL on a runner: https://api.github.com, a GHES /api/v3, or the sandbox. */
  baseUrl: string;
  token: string;
  /** Per attempt, milliseconds. */
  timeoutMs?: number;
  /** Attempts per request, the first included (plugin-retry's `retries` + 1). */
  maxAttempts?: number;
  /** No attempt starts once this much time has gone into one request, waits included. */
  maxTotalMs?: number;
  /** plugin-retry's unit: it waits 1, 4, 9 … times this between attempts. */
  baseDelayMs?: number;
  /** plugin-throttling's unit: milliseconds per second of Retry-After / rate-limit reset. */
  retryAfterUnitMs?: number;
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
   * 1 for a POST the caller must check before repeating: a lost answer may hide one that was
   * stored. (Only 1: plugin-retry applies a per-request `retries` to every error, 4xx included.)
   */
  maxAttempts?: 1;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T>(): T;
}

const API_VERSION = '2022-11-28';
/**
 * GitHub ends a request it has not processed within 10 s ("Timeouts", REST API troubleshooting
 * docs); 30 s leaves room for an asset upload on a slow runner before the attempt is retried.
 */
const DEFAULT_TIMEOUT_MS = 30_000;

/** What one logical request has been through so far; shared by its attempts. */
class CallState {
  attempts = 0;
  /** How the last attempt that got no HTTP answer failed. */
  lastNetworkProblem: string | undefined;
  /** Set when GitHub asked us to wait longer than the time left. */
  refusedWait: string | undefined;
  readonly started = Date.now();

  constructor(
    readonly deadline: number,
    private readonly timeoutMs: number,
    private readonly baseFetch: typeof fetch
  ) {}

  /** octokit's fetch for this request: one attempt each call, within the call's time bound. */
  readonly fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    const left = this.deadline - Date.now();
    if (this.attempts > 0 && left <= 0) {
      // Named AbortError: octokit rethrows it as it is and neither plugin retries it.
      throw Object.assign(new Error('the time budget of this request is spent'), {
        name: 'AbortError',
        budgetSpent: true
      });
    }
    this.attempts++;
    const timeoutMs = Math.max(1, Math.min(this.timeoutMs, left));
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await this.baseFetch(url, {
        ...init,
        signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
      });
    } catch (e) {
      this.lastNetworkProblem = timeout.aborted
        ? `no answer within ${timeoutMs} ms`
        : describeNetworkFailure(e);
      // A plain Error: octokit makes it a RequestError (status 500) that plugin-retry retries.
      throw new Error(this.lastNetworkProblem);
    }
  };

  elapsedSeconds(): number {
    return Math.round((Date.now() - this.started) / 1000);
  }
}

function describeNetworkFailure(e: unknown): string {
  const err = e as { message?: unknown; cause?: { message?: unknown; code?: unknown } } | null;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const cause = err?.cause;
  const detail =
    typeof cause?.message === 'string' && cause.message
      ? cause.message
      : typeof cause?.code === 'string'
        ? cause.code
        : '';
  return detail ? `${message} (${detail})` : message;
}

/** GitHub's error body carries `message`; keep it short and printable. */
function serverMessage(data: unknown): string {
  let text =
    typeof data === 'string'
      ? data
      : data instanceof ArrayBuffer
        ? Buffer.from(data).toString('utf8')
        : typeof data === 'object' &&
            data !== null &&
            typeof (data as { message?: unknown }).message === 'string'
          ? (data as { message: string }).message
          : (JSON.stringify(data) ?? '');
  text = text.replace(/[^\x20-\x7e]/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

/** 429 and 5xx are transient; 501 and 505 mean the server will never do it. */
function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** GitHub's rate-limit answers: 403/429 with Retry-After or an exhausted x-ratelimit budget. */
function isRateLimited(status: number, headers: Record<string, unknown>): boolean {
  return (
    (status === 403 || status === 429) &&
    (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0')
  );
}

interface RequestErrorLike {
  status: number;
  response?: {
    status: number;
    headers: Record<string, string | number | undefined>;
    data: unknown;
  };
  name?: string;
  budgetSpent?: boolean;
}

function asRequestError(e: unknown): RequestErrorLike | undefined {
  if (typeof e !== 'object' || e === null || typeof (e as { status?: unknown }).status !== 'number')
    return undefined;
  return e as RequestErrorLike;
}

/**
 * Rate-limit waits are GitHub's to set: wait once when the wait fits into what is left of the
 * request's time budget, otherwise give up now (saying why) rather than wait for nothing.
 */
function rateLimitHandler(kind: string, unitMs: number) {
  return (
    retryAfterSeconds: number,
    options: { request?: Record<string, unknown> },
    _octokit: unknown,
    retryCount: number
  ): boolean => {
    const call = options.request?.isolatedProvenanceCall as CallState | undefined;
    const waitMs = retryAfterSeconds * unitMs;
    if (retryCount >= 1) return false;
    if (call && Date.now() + waitMs > call.deadline) {
      call.refusedWait = `${kind}: GitHub asks to wait ${retryAfterSeconds}s, beyond this request's time budget`;
      return false;
    }
    return true;
  };
}

export class GitHubApi {
  readonly baseUrl: string;
  /** Attempts per request; callers that retry a POST themselves keep to the same count. */
  readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly maxTotalMs: number;
  private octokitPromise: Promise<Octokit> | undefined;

  constructor(private readonly options: GitHubApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxTotalMs = options.maxTotalMs ?? 120_000;
  }

  /**
   * @actions/github is loaded on first use: it reads the runner's event file when imported,
   * which the context stage has parsed (and refused if malformed) before anything calls GitHub.
   */
  private octokit(): Promise<Octokit> {
    this.octokitPromise ??= import('@actions/github')
      .catch((e: unknown) => {
        throw new ProvenanceError(
          'INPUT_INVALID',
          `@actions/github could not load (it parses the event file GITHUB_EVENT_PATH when loaded): ${describeError(e)}`
        );
      })
      .then(({ getOctokit }) => {
        const unitMs = this.options.retryAfterUnitMs ?? 1000;
        return getOctokit(
          this.options.token,
          {
            baseUrl: this.baseUrl,
            userAgent: 'isolated-provenance',
            retry: {
              retries: this.maxAttempts - 1,
              retryAfterBaseValue: this.options.baseDelayMs ?? 1000
            },
            throttle: {
              retryAfterBaseValue: unitMs,
              onRateLimit: rateLimitHandler('rate limit exhausted', unitMs),
              onSecondaryRateLimit: rateLimitHandler('secondary rate limit', unitMs),
              // The plugin spaces writes 1 s apart by default, GitHub's advice for "a large number
              // of" POST/PATCH/PUT/DELETE requests; a run makes a handful, one after another.
              write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
              notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
            }
          },
          retry,
          throttling
        ) as unknown as Octokit;
      });
    return this.octokitPromise;
  }

  /** `path` is relative to the base URL, or an absolute URL (upload_url, asset downloads). */
  async request(method: string, path: string, options: RequestOptions): Promise<ApiResponse> {
    const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.baseUrl + path);
    const endpoint = `GitHub API ${method} ${url.origin}${url.pathname}`;
    const octokit = await this.octokit();
    const baseFetch =
      (octokit.request.endpoint.DEFAULTS.request?.fetch as typeof fetch | undefined) ?? fetch;
    const call = new CallState(Date.now() + this.maxTotalMs, this.timeoutMs, baseFetch);
    const headers: Record<string, string> = {
      accept: options.accept ?? 'application/vnd.github+json',
      'x-github-api-version': API_VERSION
    };
    let data: unknown;
    if (options.json !== undefined) data = options.json;
    else if (options.bytes !== undefined) {
      data = options.bytes;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    }
    try {
      const res = await octokit.request({
        method,
        url: url.href,
        headers,
        ...(data !== undefined ? { data } : {}),
        request: {
          fetch: call.fetch,
          isolatedProvenanceCall: call,
          ...(options.maxAttempts === 1 ? { retries: 0 } : {})
        }
      });
      return answer(res, endpoint, options);
    } catch (e) {
      const err = asRequestError(e);
      const response = err?.response;
      if (response && options.expect.includes(response.status))
        return answer(response, endpoint, options);
      throw failure(e, endpoint, options, call);
    }
  }
}

function failure(
  e: unknown,
  endpoint: string,
  options: RequestOptions,
  call: CallState
): ProvenanceError {
  const err = asRequestError(e);
  const response = err?.response;
  const gaveUp = (problem: string) =>
    new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `${endpoint}: gave up after ${call.attempts} attempt(s) in ${call.elapsedSeconds()}s: ${problem}`,
      { cause: e }
    );
  if (response) {
    const found = `HTTP ${response.status}: ${serverMessage(response.data)}`;
    if (call.refusedWait) return gaveUp(`${found} (${call.refusedWait})`);
    if (isTransientStatus(response.status) || isRateLimited(response.status, response.headers))
      return gaveUp(found);
    return new ProvenanceError(
      options.errorCode ?? 'PUBLISH_FAILED',
      `${endpoint}: expected HTTP ${options.expect.join(' or ')}, found ${found}`,
      { cause: e }
    );
  }
  if (err?.budgetSpent)
    return gaveUp(`${call.lastNetworkProblem ?? 'no answer'} (time budget spent)`);
  if (call.lastNetworkProblem !== undefined) return gaveUp(call.lastNetworkProblem);
  return gaveUp(describeError(e));
}

function answer(
  res: Pick<OctokitResponse<unknown>, 'status' | 'headers' | 'data'>,
  endpoint: string,
  options: RequestOptions
): ApiResponse {
  const { data } = res;
  const body =
    data instanceof ArrayBuffer
      ? Buffer.from(data)
      : typeof data === 'string'
        ? Buffer.from(data, 'utf8')
        : data === undefined || data === null
          ? Buffer.alloc(0)
          : Buffer.from(JSON.stringify(data), 'utf8');
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) headers.set(name, String(value));
  return {
    status: res.status,
    headers,
    body,
    json<T>() {
      if (typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer))
        return data as T;
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
