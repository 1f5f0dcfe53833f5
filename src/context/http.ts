// One GET with a per-attempt timeout and bounded retries. Used for the OIDC discovery/JWKS
// documents and the REST run lookup: the two network edges of the context stage.

export interface HttpGetOptions {
  headers?: Record<string, string>;
  /** Per attempt, milliseconds. */
  timeoutMs?: number;
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** Upper bound for any single wait (also caps Retry-After). */
  maxDelayMs?: number;
  /** Responses larger than this are refused: none of our documents is big. */
  maxBodyBytes?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
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
  maxBodyBytes: 1024 * 1024
};

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function getWithRetry(url: string, options: HttpGetOptions = {}): Promise<HttpResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts);
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const doFetch = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? realSleep;

  let lastFailure = 'no attempt made';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let wait = Math.min(maxDelayMs, 500 * 2 ** (attempt - 1));
    try {
      const response = await doFetch(url, {
        headers: options.headers,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow'
      });
      const body = await readBounded(response, maxBodyBytes);
      if (!isRetryableStatus(response.status)) return { status: response.status, body };
      lastFailure = `HTTP ${response.status}`;
      const hinted = retryAfterMs(response.headers.get('retry-after'));
      if (hinted !== undefined) wait = Math.min(maxDelayMs, hinted);
    } catch (e) {
      if (e instanceof ResponseTooLargeError) throw e;
      lastFailure = describeFetchFailure(e, timeoutMs);
    }
    if (attempt < maxAttempts) await sleep(wait);
  }
  throw new HttpUnavailableError(`${lastFailure} after ${maxAttempts} attempts`, maxAttempts);
}

export class ResponseTooLargeError extends Error {
  constructor(limit: number) {
    super(`response larger than ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
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
