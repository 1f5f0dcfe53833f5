import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
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
      // Immutable subject claims (changelog 2026-04-23): owner and repository carry their ids.
      sub: `repo:octo-org@${env.GITHUB_REPOSITORY_OWNER_ID}/octo-app@${env.GITHUB_REPOSITORY_ID}:ref:refs/heads/release`
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

  it('signs like GitHub: RS256 with typ, alg, x5t and kid; the JWKS key carries its certificate', async () => {
    const token = sandbox.mintToken();
    const header = decodeProtectedHeader(token);
    expect(Object.keys(header)).toEqual(['typ', 'alg', 'x5t', 'kid']);
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    const jwks = (await (await fetch(`${sandbox.urls.oidc}/.well-known/jwks`)).json()) as {
      keys: (Jwk & { x5c: string[]; x5t: string; n: string; e: string })[];
    };
    const [key] = jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: header.kid, e: 'AQAB' });
    const der = Buffer.from(key!.x5c[0]!, 'base64');
    expect(key!.x5t).toBe(createHash('sha1').update(der).digest('base64url'));
    expect(header.x5t).toBe(key!.x5t);
    const certificate = new X509Certificate(der);
    expect(certificate.publicKey.export({ format: 'jwk' })).toMatchObject({ n: key!.n, e: key!.e });
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    // An independent JOSE implementation accepts it against the published key set.
    const { payload } = await jwtVerify(
      token,
      createLocalJWKSet(jwks as unknown as JSONWebKeySet),
      { issuer: sandbox.urls.oidc, algorithms: ['RS256'] }
    );
    expect(payload.sub).toMatch(/^repo:octo-org@\d+\/octo-app@\d+:/);
  });

  it('times tokens like GitHub: nbf ten minutes before iat, exp five minutes after', () => {
    const before = Math.floor(Date.now() / 1000);
    const { claims } = decodeJwt(sandbox.mintToken());
    const iat = claims.iat as number;
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(claims.nbf).toBe(iat - 600);
    expect(claims.exp).toBe(iat + 300);
    // A token with 60 s left was issued four minutes ago.
    const late = decodeJwt(sandbox.mintToken({ lifetimeSeconds: 60 })).claims;
    expect((late.exp as number) - (late.iat as number)).toBe(300);
  });

  it('carries check_run_id, ref_protected and repo_property_* claims', async () => {
    const other = await startSandbox({
      run: {
        refProtected: true,
        repositoryProperties: { tier: 'production' },
        immutableSubject: false
      },
      oidcAlgorithm: 'ES256'
    });
    try {
      const token = other.mintToken();
      expect(decodeProtectedHeader(token).alg).toBe('ES256');
      expect(decodeJwt(token).claims).toMatchObject({
        check_run_id: other.run.checkRunId,
        ref_protected: 'true',
        repo_property_tier: 'production',
        // A repository from before July 2026 keeps the name-only subject.
        sub: `repo:${other.run.repository}:ref:${other.run.ref}`
      });
    } finally {
      await other.close();
    }
  });
});
