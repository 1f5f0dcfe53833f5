import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fetchRunAttempt, parseRunAttempt } from '../../src/context/run.js';
import { ProvenanceError } from '../../src/errors.js';
import {
  serveService,
  sendJson,
  type RunningService,
  type SandboxRequest
} from '../../sandbox/http.js';

// The response body starts from GitHub's own OpenAPI example for `workflow-run`.
const require = createRequire(import.meta.url);
const openapi = JSON.parse(
  readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')
) as { components: { examples: Record<string, { value: Record<string, unknown> }> } };
const example = openapi.components.examples['workflow-run']!.value;

let server: RunningService;
let requests: SandboxRequest[] = [];
let reply: (n: number) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
} = () => ({ status: 200, body: example });

beforeAll(async () => {
  server = await serveService({
    name: 'test-github-rest',
    handle(req, res) {
      requests.push(req);
      const r = reply(requests.length);
      sendJson(res, r.status, r.body ?? { message: 'x' }, r.headers);
    }
  });
});
afterAll(async () => server.close());
beforeEach(() => {
  requests = [];
  reply = () => ({ status: 200, body: example });
});

const lookup = (extra = {}) =>
  fetchRunAttempt({
    apiUrl: server.url,
    repository: 'octo-org/octo-repo',
    runId: '30433642',
    runAttempt: '1',
    token: 'ghs_test',
    client: { baseDelayMs: 1, retryAfterUnitMs: 1 },
    ...extra
  });

async function rejection(p: Promise<unknown>): Promise<ProvenanceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    return e as ProvenanceError;
  }
  throw new Error('expected a rejection');
}

describe('fetchRunAttempt', () => {
  it('GETs the attempt with the token and reads the documented fields', async () => {
    const run = await lookup();
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.url.pathname).toBe('/repos/octo-org/octo-repo/actions/runs/30433642/attempts/1');
    // @actions/github's octokit sends `token …`; GitHub accepts it as it accepts `Bearer …`.
    expect(req.headers.authorization).toBe('token ghs_test');
    expect(req.url.searchParams.get('exclude_pull_requests')).toBe('true');
    expect(req.headers['x-github-api-version']).toBe('2022-11-28');
    expect(run).toEqual({
      runId: '30433642',
      runAttempt: String(example.run_attempt),
      startedAt: example.run_started_at,
      path: '.github/workflows/build.yml@main',
      headSha: 'acb5820ced9479c074f688cc328bf03f341a511d',
      headBranch: 'main',
      event: 'push',
      repositoryId: String((example.repository as { id: number }).id),
      repositoryFullName: 'octocat/Hello-World',
      repositoryOwnerId: '1',
      htmlUrl: 'https://github.com/octo-org/octo-repo/actions/runs/30433642'
    });
  });

  it('retries 502 and 429 through octokit, bounded', async () => {
    reply = (n) =>
      n === 1
        ? { status: 502 }
        : n === 2
          ? { status: 429, headers: { 'retry-after': '1' } }
          : { status: 200, body: example };
    await expect(lookup()).resolves.toMatchObject({ runId: '30433642' });
    expect(requests).toHaveLength(3);

    requests = [];
    reply = () => ({ status: 503 });
    const e = await rejection(
      lookup({ client: { baseDelayMs: 1, retryAfterUnitMs: 1, maxAttempts: 3 } })
    );
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toMatch(
      new RegExp(
        `^GitHub API GET ${server.url.replace(/\./g, '\\.')}/repos/octo-org/octo-repo/actions/runs/30433642/attempts/1: gave up after 3 attempt\\(s\\) in \\d+s: HTTP 503: x$`
      )
    );
    expect(requests).toHaveLength(3);
  });

  it('answers an unexpected client error without retrying, naming the endpoint', async () => {
    reply = () => ({ status: 410, body: { message: 'Gone' } });
    const e = await rejection(lookup());
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toMatch(
      /attempts\/1: expected HTTP 200 or 401 or 403 or 404, found HTTP 410: Gone$/
    );
    expect(requests).toHaveLength(1);
  });

  it('explains a 404/403 as a token permission problem without retrying', async () => {
    reply = () => ({ status: 404 });
    const e = await rejection(lookup());
    expect(e.code).toBe('INPUT_INVALID');
    expect(e.message).toMatch(/permissions: actions: read/);
    expect(requests).toHaveLength(1);
  });

  it('refuses a response whose fields have the wrong shape, naming the field', () => {
    expect(() => parseRunAttempt({ ...example, head_sha: 'nope' })).toThrow(
      'REST API run attempt: head_sha must be 40 lowercase hex digits, found "nope"'
    );
    expect(() => parseRunAttempt({ ...example, id: '30433642' })).toThrow(
      /id must be a positive integer/
    );
    expect(() => parseRunAttempt({ ...example, id: 2 ** 60 })).toThrow(
      /id must be a positive integer/
    );
    expect(() => parseRunAttempt({ ...example, run_started_at: 'yesterday' })).toThrow(
      /run_started_at must be an RFC 3339 time/
    );
    expect(() => parseRunAttempt({ ...example, repository: null })).toThrow(
      /repository must be an object/
    );
  });
});
