import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import {
  getWithRetry,
  retryAfterMs,
  ResponseTooLargeError,
  HttpUnavailableError
} from '../../src/http/get.js';
import { serveService, type RunningService } from '../../sandbox/http.js';

let server: RunningService;
let hits = 0;

beforeAll(async () => {
  server = await serveService({
    name: 'test-http',
    handle(req, res) {
      hits++;
      if (req.url.pathname === '/big') {
        res.writeHead(200, { 'content-type': 'application/json' }); // no content-length: streamed
        res.end('x'.repeat(5000));
      } else if (req.url.pathname === '/reset') {
        req.raw.socket.destroy();
      }
    }
  });
});
afterAll(async () => server.close());

describe('getWithRetry', () => {
  it('refuses an oversized body, declared or streamed, without retrying', async () => {
    hits = 0;
    await expect(getWithRetry(`${server.url}/big`, { maxBodyBytes: 1000 })).rejects.toBeInstanceOf(
      ResponseTooLargeError
    );
    expect(hits).toBe(1);
  });

  it('retries connection resets a bounded number of times', async () => {
    hits = 0;
    const e = await getWithRetry(`${server.url}/reset`, {
      maxAttempts: 3,
      sleep: async () => undefined
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpUnavailableError);
    expect((e as HttpUnavailableError).detail).toMatch(/after 3 attempts$/);
    expect(hits).toBe(3);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Sun, 22 Nov 2026 03:00:10 GMT', Date.parse('2026-11-22T03:00:00Z'))).toBe(
      10_000
    );
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
