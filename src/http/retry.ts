// One retry policy for every network edge (OIDC/JWKS and run lookup, the GitHub REST API, OCI
// registries): a bounded number of attempts AND a total time budget, whichever runs out first;
// exponential backoff unless the server says Retry-After; one rule for what is worth retrying.
// Callers keep their own requests and error messages: this module only decides when to wait.

export interface RetryPolicy {
  /** Total attempts per request, the first included. */
  attempts: number;
  /** First backoff delay; doubles with every attempt. */
  baseDelayMs: number;
  /** Cap on any single wait, Retry-After included (Infinity: honour the server fully). */
  maxDelayMs: number;
  /** No new attempt starts when the time spent plus the next wait would exceed this. */
  budgetMs: number;
  /** One attempt that has not answered after this long is abandoned (and retried). */
  timeoutMs: number;
}

/** 429 and 5xx are transient; 501 and 505 mean the server will never do it, so never retried. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** Retry-After as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(
  header: string | null | undefined,
  now = Date.now()
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[A-Za-z]/.test(trimmed)) return undefined; // "1.5" is no date, whatever Date.parse thinks
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before attempt `attempt + 1`: the server's hint if it gave one, else backoff; capped. */
export function backoffMs(policy: RetryPolicy, attempt: number, hintedMs?: number): number {
  const wanted = hintedMs ?? policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(Math.max(0, wanted), policy.maxDelayMs);
}

/** What one attempt came to: an answer, or a transient failure described for the final message. */
export type AttemptOutcome<T> = { done: T } | { retry: string; retryAfterMs?: number | undefined };

export type RetryResult<T> =
  { ok: true; value: T } | { ok: false; problem: string; attempts: number; elapsedMs: number };

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `attempt` until it is done or the policy is spent. Errors thrown by `attempt` are final
 * (not retried); transient failures are reported back as `{ ok: false }` for the caller to word.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<AttemptOutcome<T>>,
  wait: (ms: number) => Promise<void> = sleep
): Promise<RetryResult<T>> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if ('done' in outcome) return { ok: true, value: outcome.done };
    const delay = backoffMs(policy, n, outcome.retryAfterMs);
    const elapsedMs = Date.now() - started;
    if (n >= policy.attempts || elapsedMs + delay > policy.budgetMs)
      return { ok: false, problem: outcome.retry, attempts: n, elapsedMs };
    await wait(delay);
  }
}
