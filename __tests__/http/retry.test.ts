// The one retry policy every network edge uses (context GETs, GitHub REST, OCI registries).
import { describe, expect, it } from '@jest/globals';
import {
  backoffMs,
  isRetryableStatus,
  retryAfterMs,
  withRetries,
  type RetryPolicy
} from '../../src/http/retry.js';

const policy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  budgetMs: 10_000,
  timeoutMs: 1_000
};

describe('isRetryableStatus', () => {
  it.each([429, 500, 502, 503, 504, 520])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });
  it.each([200, 201, 301, 400, 401, 403, 404, 409, 501, 505])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(' 0 ')).toBe(0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('1.5')).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles from the base delay, prefers the server hint, and caps both', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffMs(policy, 1, 700)).toBe(700);
    expect(backoffMs(policy, 1, 60_000)).toBe(1000);
    expect(backoffMs({ ...policy, maxDelayMs: Infinity }, 1, 60_000)).toBe(60_000);
  });
});

describe('withRetries', () => {
  it('stops after the attempt limit and reports the last problem', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      policy,
      async (n) => {
        calls++;
        return { retry: `failure ${n}` };
      },
      async (ms) => void waits.push(ms)
    );
    expect(result).toMatchObject({ ok: false, problem: 'failure 4', attempts: 4 });
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('stops early when the next wait would exceed the total time budget', async () => {
    let calls = 0;
    const result = await withRetries(
      { ...policy, maxDelayMs: Infinity, budgetMs: 5_000 },
      async () => {
        calls++;
        return { retry: 'HTTP 503', retryAfterMs: 60_000 };
      },
      async () => {
        throw new Error('must not wait');
      }
    );
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('returns the first answer, honours Retry-After, and never retries a thrown error', async () => {
    const waits: number[] = [];
    const outcomes = [{ retry: 'HTTP 429', retryAfterMs: 250 }, { done: 'answer' }];
    const result = await withRetries(
      policy,
      async () => outcomes.shift() ?? { done: 'unexpected' },
      async (ms) => void waits.push(ms)
    );
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(waits).toEqual([250]);

    let calls = 0;
    await expect(
      withRetries(policy, async () => {
        calls++;
        throw new Error('final');
      })
    ).rejects.toThrow('final');
    expect(calls).toBe(1);
  });
});
