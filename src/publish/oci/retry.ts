// Bounded retries for registry calls: a fixed number of attempts AND a time budget, whichever
// runs out first. Only 5xx, 429 and network failures are retried.

export interface RetryPolicy {
  /** Total attempts per request, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts after this much time has passed since the first. */
  budgetMs: number;
  /** One request that has not answered after this long is abandoned (and retried). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  budgetMs: 60_000,
  timeoutMs: 30_000
};

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Exponential backoff, or the server's Retry-After (seconds) when it gave one; both capped. */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null
): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  const wanted = Number.isFinite(seconds)
    ? seconds * 1000
    : policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(Math.max(0, wanted), policy.maxDelayMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
