import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serveService } from '../../sandbox/http.js';
import { operationContract, validateSchema } from '../../sandbox/github/openapi.js';
import { createGitHubService } from '../../sandbox/github/service.js';
import { RUN, TOKEN, startGitHub } from './helpers.js';

type Started = Awaited<ReturnType<typeof startGitHub>>;

describe('OpenAPI validation', () => {
  it('accepts a well-formed create-release body and rejects malformed ones with the failing path', () => {
    const schema = operationContract('/repos/{owner}/{repo}/releases', 'post').request!;
    expect(validateSchema(schema, { tag_name: 'v1', draft: true })).toBeUndefined();
    expect(validateSchema(schema, { draft: true })).toBe(
      '$.tag_name: required property is missing'
    );
    expect(validateSchema(schema, { tag_name: 7 })).toBe(
      '$.tag_name: expected string, found integer'
    );
    expect(validateSchema(schema, { tag_name: 'v1', make_latest: 'yes' })).toMatch(
      /^\$\.make_latest: expected one of/
    );
  });

  it('follows $ref and nullable into components (release-asset.uploader)', () => {
    const schema = operationContract(
      '/repos/{owner}/{repo}/releases/assets/{asset_id}',
      'get'
    ).response(200)!;
    const failure = validateSchema(schema, { id: 1 });
    expect(failure).toMatch(/required property is missing/);
  });
});

describe('sandbox GitHub service', () => {
  let gh: Started;
  beforeAll(async () => {
    gh = await startGitHub();
  });
  afterAll(async () => {
    await gh.running.close();
  });

  const call = (method: string, path: string, body?: unknown, token = TOKEN) =>
    fetch(gh.running.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {})
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });

  it('requires the token (Bearer or token scheme)', async () => {
    const path = `/repos/${RUN.repository}/releases/tags/none`;
    expect((await call('GET', path, undefined, '')).status).toBe(401);
    expect((await call('GET', path, undefined, 'wrong')).status).toBe(401);
    const legacy = await fetch(gh.running.url + path, {
      headers: { authorization: `token ${TOKEN}` }
    });
    expect(legacy.status).toBe(404);
  });

  it('serves the run attempt from the run description (schema-checked)', async () => {
    const res = await call(
      'GET',
      `/repos/${RUN.repository}/actions/runs/${RUN.runId}/attempts/${RUN.runAttempt}`
    );
    expect(res.status).toBe(200);
    const run = (await res.json()) as Record<string, unknown>;
    expect(run).toMatchObject({
      id: RUN.runId,
      run_attempt: 2,
      run_started_at: RUN.startedAt,
      path: RUN.workflowPath,
      head_sha: RUN.sha,
      head_branch: 'v1.2.3',
      event: 'push',
      repository: { full_name: RUN.repository, id: 123456, owner: { id: 654321 } }
    });
    expect(
      (await call('GET', `/repos/${RUN.repository}/actions/runs/${RUN.runId}/attempts/1`)).status
    ).toBe(404);
    expect(
      (await call('GET', `/repos/other/repo/actions/runs/${RUN.runId}/attempts/2`)).status
    ).toBe(404);
  });

  it('rejects a malformed request body with 422 naming the schema path, and stores nothing', async () => {
    const res = await call('POST', `/repos/${RUN.repository}/releases`, {
      tag_name: 1,
      draft: 'no'
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain(
      '$.tag_name: expected string, found integer'
    );
    const noBundle = await call('POST', `/repos/${RUN.repository}/attestations`, { bundle: 'x' });
    expect(noBundle.status).toBe(422);
    expect(((await noBundle.json()) as { message: string }).message).toContain(
      '$.bundle: expected object'
    );
    expect((await call('POST', `/repos/${RUN.repository}/releases`, '{not json')).status).toBe(400);
    expect(gh.service.state.releases).toHaveLength(0);
    expect(gh.service.state.attestations).toHaveLength(0);
  });

  it('answers 500 when its own response would not match the description (a sandbox bug)', async () => {
    const broken = createGitHubService({ run: { ...RUN, startedAt: 'yesterday' }, token: TOKEN });
    const running = await serveService(broken);
    try {
      const res = await fetch(
        `${running.url}/repos/${RUN.repository}/actions/runs/${RUN.runId}/attempts/${RUN.runAttempt}`,
        {
          headers: { authorization: `Bearer ${TOKEN}` }
        }
      );
      expect(res.status).toBe(500);
      expect(((await res.json()) as { message: string }).message).toBe(
        'sandbox bug: response to actions/get-workflow-run-attempt does not match GitHub\'s OpenAPI description: $.created_at: expected an RFC 3339 date-time, found "yesterday"'
      );
    } finally {
      await running.close();
    }
  });
});
