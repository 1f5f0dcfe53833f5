import { afterEach, describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import { GitHubApi, parseRetryAfter, splitRepository } from '../../src/publish/github-api.js';
import { RUN, TOKEN, failFirst, startGitHub } from './helpers.js';

let started: Awaited<ReturnType<typeof startGitHub>> | undefined;
afterEach(async () => {
  await started?.running.close();
  started = undefined;
});

const tagPath = `/repos/${RUN.repository}/releases/tags/v9`;
const isTagLookup = (req: { url: URL }) => req.url.pathname === tagPath;

describe('GitHubApi', () => {
  it('honours Retry-After on 429 instead of its own backoff', async () => {
    started = await startGitHub(failFirst(isTagLookup, 2, 429, '2'));
    const waits: number[] = [];
    const api = new GitHubApi({
      baseUrl: started.running.url,
      token: TOKEN,
      baseDelayMs: 1,
      sleep: async (ms) => {
        waits.push(ms);
      }
    });
    const res = await api.request('GET', tagPath, { expect: [200, 404] });
    expect(res.status).toBe(404);
    expect(waits).toEqual([2000, 2000]);
  });

  it('stops when the next wait would exceed the total time budget', async () => {
    started = await startGitHub(failFirst(isTagLookup, 10, 503, '600'));
    const api = new GitHubApi({
      baseUrl: started.running.url,
      token: TOKEN,
      maxAttempts: 10,
      maxTotalMs: 30_000
    });
    const err = await api.request('GET', tagPath, { expect: [200] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
    expect((err as ProvenanceError).message).toContain('gave up after 1 attempt(s)');
  });

  it('does not retry a client error and reports expected vs found', async () => {
    started = await startGitHub();
    const api = new GitHubApi({
      baseUrl: started.running.url,
      token: 'not-the-token',
      baseDelayMs: 1
    });
    const err = await api.request('GET', tagPath, { expect: [200, 404] }).catch((e: unknown) => e);
    expect((err as ProvenanceError).code).toBe('PUBLISH_FAILED');
    expect((err as ProvenanceError).message).toMatch(
      /expected HTTP 200 or 404, found HTTP 401: Bad credentials$/
    );
    expect(started.service.state.requests).toHaveLength(1);
  });

  it('treats a refused connection as unavailable after bounded attempts', async () => {
    started = await startGitHub();
    const url = started.running.url;
    await started.running.close();
    started = undefined;
    const api = new GitHubApi({ baseUrl: url, token: TOKEN, baseDelayMs: 1, maxAttempts: 2 });
    const err = await api.request('GET', tagPath, { expect: [200] }).catch((e: unknown) => e);
    expect((err as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
    expect((err as ProvenanceError).message).toContain('gave up after 2 attempt(s)');
  });

  it('parses both Retry-After forms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('checks the repository shape', () => {
    expect(splitRepository('a-b/c.d_e')).toEqual({ owner: 'a-b', repo: 'c.d_e' });
    expect(() => splitRepository('a/b/../c')).toThrow('expected "owner/name"');
  });
});
