// One run description, many readers: the OIDC claims, the runner env and the GitHub REST
// run-attempt answer must agree, or the action's cross-checks would be testing nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

describe('sandbox platform', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      run: { ref: 'refs/heads/main', runId: '777', runAttempt: '3', eventName: 'workflow_dispatch' }
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('answers the run-attempt lookup with what the token claims', async () => {
    const env = sandbox.runnerEnv();
    const claims = decodeJwt(sandbox.mintToken()).claims;
    const res = await fetch(
      `${env.GITHUB_API_URL}/repos/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT}`,
      {
        headers: {
          authorization: `Bearer ${sandbox.githubToken}`,
          accept: 'application/vnd.github+json'
        }
      }
    );
    expect(res.status).toBe(200);
    const attempt = (await res.json()) as Record<string, unknown>;
    expect(attempt).toMatchObject({
      id: Number(claims.run_id),
      run_attempt: Number(claims.run_attempt),
      head_sha: claims.sha,
      event: claims.event_name,
      path: sandbox.run.workflowPath
    });
    expect(String(claims.workflow_ref)).toBe(
      `${claims.repository}/${String(attempt.path)}@${claims.ref}`
    );
  });

  it('applies the github fault plan to the REST stand-in', async () => {
    const faulty = await startSandbox({ faults: 'github=502x1' });
    try {
      const url = `${faulty.urls.github}/repos/${faulty.run.repository}/actions/runs/${faulty.run.runId}/attempts/1`;
      const headers = { authorization: `Bearer ${faulty.githubToken}` };
      expect((await fetch(url, { headers })).status).toBe(502);
      expect((await fetch(url, { headers })).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it('hands out action inputs and env that point at this sandbox only', () => {
    const env = sandbox.runnerEnv({ EXTRA: '1' });
    expect(env.ACTIONS_ID_TOKEN_REQUEST_URL).toContain(`${sandbox.urls.oidc}/`);
    expect(env.ACTIONS_ID_TOKEN_REQUEST_URL).toContain('?');
    expect(env.EXTRA).toBe('1');
    expect(sandbox.actionInputs).toMatchObject({
      'fulcio-url': sandbox.urls.fulcio,
      'rekor-url': sandbox.urls.rekor,
      'tsa-url': sandbox.urls.tsa,
      'oidc-issuer': sandbox.urls.oidc
    });
    expect(env.ACTIONS_RESULTS_URL).toBeUndefined();
  });

  it('starts artifact storage on request and gives the runner its URL and token', async () => {
    const withArtifacts = await startSandbox({ artifacts: true });
    try {
      const env = withArtifacts.runnerEnv();
      expect(env.ACTIONS_RESULTS_URL).toBe(`${withArtifacts.urls.results}/`);
      expect(env.ACTIONS_RUNTIME_TOKEN).toBe(withArtifacts.artifacts?.runtimeToken);
      expect(withArtifacts.urls.blob).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    } finally {
      await withArtifacts.close();
    }
  });
});
