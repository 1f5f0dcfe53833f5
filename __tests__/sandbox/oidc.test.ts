import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, verifyJwtSignature, type Jwk } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

describe('sandbox OIDC issuer', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      run: { eventName: 'workflow_dispatch', ref: 'refs/heads/release' }
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('publishes discovery and JWKS under its own URL', async () => {
    const config = (await (
      await fetch(`${sandbox.urls.oidc}/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(config.issuer).toBe(sandbox.urls.oidc);
    const jwks = (await (await fetch(config.jwks_uri)).json()) as { keys: Jwk[] };
    const token = sandbox.mintToken();
    expect(verifyJwtSignature(token, jwks.keys).claims.iss).toBe(sandbox.urls.oidc);
  });

  it('serves tokens the way a runner does, only with the request token', async () => {
    const env = sandbox.runnerEnv();
    const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`;
    const denied = await fetch(url, { headers: { authorization: 'Bearer wrong' } });
    expect(denied.status).toBe(401);
    const ok = await fetch(url, {
      headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    });
    const { value } = (await ok.json()) as { value: string };
    const { claims } = decodeJwt(value);
    expect(claims.aud).toBe('sigstore');
    expect(claims).toMatchObject({
      ref: 'refs/heads/release',
      ref_type: 'branch',
      event_name: 'workflow_dispatch',
      repository: env.GITHUB_REPOSITORY,
      repository_id: env.GITHUB_REPOSITORY_ID,
      repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID,
      sha: env.GITHUB_SHA,
      workflow_ref: env.GITHUB_WORKFLOW_REF,
      run_id: env.GITHUB_RUN_ID,
      run_attempt: env.GITHUB_RUN_ATTEMPT,
      runner_environment: env.RUNNER_ENVIRONMENT,
      sub: 'repo:octo-org/octo-app:ref:refs/heads/release'
    });
    for (const claim of [
      'jti',
      'iat',
      'nbf',
      'exp',
      'job_workflow_ref',
      'job_workflow_sha',
      'actor_id',
      'repository_visibility'
    ])
      expect(claims[claim]).toBeDefined();
  });

  it('mints tokens for other scenarios and lets tests drop claims', () => {
    const tag = decodeJwt(
      sandbox.mintToken({ run: { ref: 'refs/tags/v2.0.0', runnerEnvironment: 'self-hosted' } })
    ).claims;
    expect(tag).toMatchObject({ ref_type: 'tag', runner_environment: 'self-hosted' });
    const trimmed = decodeJwt(sandbox.mintToken({ claims: { sha: undefined, extra: 'x' } })).claims;
    expect(trimmed.sha).toBeUndefined();
    expect(trimmed.extra).toBe('x');
  });
});
