// The GitHub client is @actions/github's octokit with plugin-retry and plugin-throttling; these
// tests pin what we add around it (time bounds, expected statuses, one error line) and that the
// libraries' retry and rate-limit handling is really switched on, against the sandbox GitHub.
// Rate-limit answers are shaped as GitHub documents them ("Rate limits for the REST API",
// docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api): 403/429 with
// x-ratelimit-remaining: 0 and x-ratelimit-reset, or a "secondary rate limit" message with
// Retry-After.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import { GitHubApi, splitRepository } from '../../src/publish/github-api.js';
import { sendJson, serveService, type SandboxRequest } from '../../sandbox/http.js';
import { RUN, TOKEN, failFirst, startGitHub } from './helpers.js';

let started: Awaited<ReturnType<typeof startGitHub>> | undefined;
afterEach(async () => {
  await started?.running.close();
  started = undefined;
});

const tagPath = `/repos/${RUN.repository}/releases/tags/v9`;
const isTagLookup = (req: { url: URL }) => req.url.pathname === tagPath;
const fast = { baseDelayMs: 1, retryAfterUnitMs: 1 };

async function rejection(p: Promise<unknown>): Promise<ProvenanceError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x
  );
  expect(e).toBeInstanceOf(ProvenanceError);
  return e as ProvenanceError;
}

/** Answers the first `count` tag lookups the way GitHub answers a rate-limited request. */
function rateLimited(
  count: number,
  status: 403 | 429,
  headers: Record<string, string>,
  message: string
) {
  let hits = 0;
  const layer = (req: SandboxRequest, res: ServerResponse) => {
    if (!isTagLookup(req) || hits >= count) return false;
    hits++;
    sendJson(res, status, { message, documentation_url: 'https://docs.github.com/rest' }, headers);
    return true;
  };
  return { layer, hits: () => hits };
}

describe('GitHubApi over octokit', () => {
  it('retries a 5xx (plugin-retry) and answers with the expected 404', async () => {
    const fault = failFirst(isTagLookup, 2, 503);
    started = await startGitHub(fault);
    const api = new GitHubApi({ baseUrl: started.running.url, token: TOKEN, ...fast });
    const res = await api.request('GET', tagPath, { expect: [200, 404] });
    expect(res.status).toBe(404);
    expect(fault.hits).toBe(2);
  });

  it('sends the token, the REST API version and our user agent', async () => {
    const seen: SandboxRequest[] = [];
    started = await startGitHub((req) => {
      seen.push(req);
      return false;
    });
    const api = new GitHubApi({ baseUrl: started.running.url, token: TOKEN, ...fast });
    await api.request('GET', tagPath, { expect: [200, 404] });
    const req = seen[0]!;
    expect(req.headers.authorization).toBe(`token ${TOKEN}`);
    expect(req.headers['x-github-api-version']).toBe('2022-11-28');
    expect(req.headers['user-agent']).toMatch(/^isolated-provenance /);
  });

  it('waits out a secondary rate limit for its Retry-After (plugin-throttling), then succeeds', async () => {
    const limit = rateLimited(
      1,
      403,
      { 'retry-after': '3' },
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    );
    started = await startGitHub(limit.layer);
    const api = new GitHubApi({ baseUrl: started.running.url, token: TOKEN, ...fast });
    const res = await api.request('GET', tagPath, { expect: [200, 404] });
    expect(res.status).toBe(404);
    expect(limit.hits()).toBe(1);
  });

  it('gives up at once when GitHub asks to wait beyond the time budget, and says so', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const limit = rateLimited(
      10,
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      'API rate limit exceeded for installation ID 1.'
    );
    started = await startGitHub(limit.layer);
    const api = new GitHubApi({
      baseUrl: started.running.url,
      token: TOKEN,
      baseDelayMs: 1,
      maxTotalMs: 30_000
    });
    const e = await rejection(api.request('GET', tagPath, { expect: [200, 404] }));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toMatch(
      /^GitHub API GET http:\/\/127\.0\.0\.1:\d+\/repos\/octo-org\/octo-repo\/releases\/tags\/v9: gave up after 1 attempt\(s\) in \d+s: HTTP 403: API rate limit exceeded for installation ID 1\. \(rate limit exhausted: GitHub asks to wait \d+s, beyond this request's time budget\)$/
    );
    expect(limit.hits()).toBe(1);
  });

  it('does not retry a client error and reports expected vs found in one line', async () => {
    started = await startGitHub();
    const api = new GitHubApi({ baseUrl: started.running.url, token: 'not-the-token', ...fast });
    const e = await rejection(api.request('GET', tagPath, { expect: [200, 404] }));
    expect(e.code).toBe('PUBLISH_FAILED');
    expect(e.message).toMatch(/expected HTTP 200 or 404, found HTTP 401: Bad credentials$/);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(started.service.state.requests).toHaveLength(1);
  });

  it('gives up on persistent 5xx after the bounded number of attempts', async () => {
    const fault = failFirst(isTagLookup, 100, 502);
    started = await startGitHub(fault);
    const api = new GitHubApi({
      baseUrl: started.running.url,
      token: TOKEN,
      ...fast,
      maxAttempts: 3
    });
    const e = await rejection(api.request('GET', tagPath, { expect: [200] }));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toMatch(/gave up after 3 attempt\(s\) in \d+s: HTTP 502: injected fault$/);
    expect(fault.hits).toBe(3);
  });

  it('tries a request the caller must check before repeating only once', async () => {
    const fault = failFirst((req) => req.method === 'POST', 100, 502);
    started = await startGitHub(fault);
    const api = new GitHubApi({ baseUrl: started.running.url, token: TOKEN, ...fast });
    const e = await rejection(
      api.request('POST', `/repos/${RUN.repository}/releases`, {
        json: { tag_name: 'v9', name: 'v9', draft: true },
        expect: [201],
        maxAttempts: 1
      })
    );
    expect(e.message).toContain('gave up after 1 attempt(s)');
    expect(fault.hits).toBe(1);
  });

  it('treats a refused connection as unavailable after bounded attempts', async () => {
    started = await startGitHub();
    const url = started.running.url;
    await started.running.close();
    started = undefined;
    const api = new GitHubApi({ baseUrl: url, token: TOKEN, ...fast, maxAttempts: 2 });
    const e = await rejection(api.request('GET', tagPath, { expect: [200] }));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toMatch(/gave up after 2 attempt\(s\) in \d+s: .*ECONNREFUSED/);
  });

  it('abandons an attempt that does not answer in time, and stops when the time budget is spent', async () => {
    let hits = 0;
    const silent = await serveService({
      name: 'silent-github',
      handle: () => {
        hits++;
        return new Promise<void>(() => undefined);
      }
    });
    try {
      const perAttempt = new GitHubApi({
        baseUrl: silent.url,
        token: TOKEN,
        ...fast,
        timeoutMs: 100,
        maxAttempts: 2
      });
      const e = await rejection(perAttempt.request('GET', tagPath, { expect: [200] }));
      expect(e.message).toMatch(/gave up after 2 attempt\(s\) in \d+s: no answer within 100 ms$/);
      expect(hits).toBe(2);

      hits = 0;
      const budgeted = new GitHubApi({
        baseUrl: silent.url,
        token: TOKEN,
        ...fast,
        timeoutMs: 10_000,
        maxTotalMs: 300,
        maxAttempts: 10
      });
      const spent = await rejection(budgeted.request('GET', tagPath, { expect: [200] }));
      expect(spent.message).toMatch(
        /gave up after 1 attempt\(s\) in \d+s: no answer within \d+ ms \(time budget spent\)$/
      );
      expect(hits).toBe(1);
    } finally {
      await silent.close();
    }
  });

  it('checks the repository shape', () => {
    expect(splitRepository('a-b/c.d_e')).toEqual({ owner: 'a-b', repo: 'c.d_e' });
    expect(() => splitRepository('a/b/../c')).toThrow('expected "owner/name"');
  });
});
