import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { obtainVerifiedToken, verifyOidcToken } from '../../src/context/oidc.js';
import { discoverJwksUri, forgetIssuerKeySets, parseIssuerUrl } from '../../src/context/jwks.js';
import { ProvenanceError } from '../../src/errors.js';
import {
  NOW,
  githubClaims,
  makeKey,
  signHs256,
  signJwt,
  startIssuer,
  unsigned,
  type TestIssuer
} from './oidc-fixtures.js';

const es = makeKey('ES256', 'es-key');
const rs = makeKey('RS256', 'rs-key');
const stranger = makeKey('ES256', 'es-key'); // same kid, different key pair
let issuer: TestIssuer;
const noWait = { sleep: async () => undefined, timeoutMs: 2000 };

beforeAll(async () => {
  issuer = await startIssuer([es, rs]);
});
afterAll(async () => issuer.close());
beforeEach(() => {
  issuer.behaviour = undefined;
  issuer.hits.clear();
  forgetIssuerKeySets();
});

const verify = (token: string, extra: Record<string, unknown> = {}) =>
  verifyOidcToken(token, { issuer: issuer.url, now: () => NOW, http: noWait, ...extra });

async function rejection(p: Promise<unknown>): Promise<ProvenanceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    return e as ProvenanceError;
  }
  throw new Error('expected a rejection');
}

describe('verifyOidcToken: genuine tokens', () => {
  it('accepts an ES256 token from the issuer and returns only the known claims', async () => {
    const claims = await verify(signJwt(es, githubClaims(issuer.url)));
    expect(claims.repository).toBe('octo-org/octo-repo');
    expect(claims.job_workflow_sha).toBe('b'.repeat(40));
    expect(claims.iat).toBe(NOW - 30);
    expect(claims).not.toHaveProperty('sub');
    expect(issuer.hits.get('/.well-known/jwks')).toBe(1);
  });

  it('accepts an RS256 token', async () => {
    const claims = await verify(signJwt(rs, githubClaims(issuer.url)));
    expect(claims.run_id).toBe('4242424242');
  });

  it('accepts an audience array that contains sigstore', async () => {
    const claims = await verify(
      signJwt(es, githubClaims(issuer.url, { aud: ['other', 'sigstore'] }))
    );
    expect(claims.sha).toBe('a'.repeat(40));
  });
});

describe('verifyOidcToken: forged or unusable tokens', () => {
  it('refuses a token signed by a different key under the same kid', async () => {
    const e = await rejection(verify(signJwt(stranger, githubClaims(issuer.url))));
    expect(e.code).toBe('OIDC_INVALID');
    expect(e.message).toMatch(/signature does not verify/);
  });

  it('refuses a token from another issuer even when its signature is good', async () => {
    const e = await rejection(
      verify(signJwt(es, githubClaims('https://token.actions.githubusercontent.com')))
    );
    expect(e.message).toContain(
      `issuer is "https://token.actions.githubusercontent.com", expected "${issuer.url}"`
    );
  });

  it('refuses an expired token (beyond the clock skew) and accepts it within the skew', async () => {
    const expired = signJwt(es, githubClaims(issuer.url, { exp: NOW - 61 }));
    expect((await rejection(verify(expired))).message).toMatch(/expired at/);
    const justExpired = signJwt(es, githubClaims(issuer.url, { exp: NOW - 30 }));
    await expect(verify(justExpired)).resolves.toBeDefined();
  });

  it('refuses tokens not yet valid or issued in the future', async () => {
    expect(
      (await rejection(verify(signJwt(es, githubClaims(issuer.url, { nbf: NOW + 120 }))))).message
    ).toMatch(/not valid before/);
    expect(
      (await rejection(verify(signJwt(es, githubClaims(issuer.url, { iat: NOW + 120 }))))).message
    ).toMatch(/issued in the future/);
  });

  it('refuses alg none', async () => {
    const e = await rejection(verify(unsigned(githubClaims(issuer.url))));
    expect(e.message).toMatch(/algorithm "none" is not allowed/);
  });

  it('refuses HS256 keyed with the public key (algorithm confusion)', async () => {
    const e = await rejection(verify(signHs256(es, githubClaims(issuer.url))));
    expect(e.message).toMatch(/algorithm "HS256" is not allowed/);
  });

  it('refuses a tampered payload', async () => {
    const [h, , s] = signJwt(es, githubClaims(issuer.url)).split('.');
    const forged = Buffer.from(
      JSON.stringify(githubClaims(issuer.url, { repository: 'evil/repo' }))
    ).toString('base64url');
    const e = await rejection(verify(`${h}.${forged}.${s}`));
    expect(e.message).toMatch(/signature does not verify/);
  });

  it('refuses a wrong audience', async () => {
    const e = await rejection(verify(signJwt(es, githubClaims(issuer.url, { aud: 'nobody' }))));
    expect(e.message).toMatch(/audience "nobody" is not "sigstore"/);
  });

  it('refuses an unknown kid', async () => {
    const e = await rejection(
      verify(signJwt(es, githubClaims(issuer.url), { kid: 'rotated-away' }))
    );
    expect(e.message).toMatch(/no ES256 key with kid "rotated-away"/);
  });

  it('refuses a token without a kid: the key is never searched for by trial', async () => {
    const e = await rejection(verify(signJwt(es, githubClaims(issuer.url), { kid: undefined })));
    expect(e.message).toMatch(/the header names no signing key \(kid is nothing\)/);
    expect(issuer.hits.get('/.well-known/jwks')).toBeUndefined();
  });

  it('refuses an oversized token before parsing it', async () => {
    const e = await rejection(
      verify(signJwt(es, githubClaims(issuer.url, { padding: 'x'.repeat(20_000) })))
    );
    expect(e.message).toMatch(/longer than 16384 characters/);
  });

  it('refuses an RS256 key shorter than 2048 bits', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const key = {
      kid: 'weak',
      alg: 'RS256' as const,
      privateKey: weak.privateKey,
      publicJwk: { ...weak.publicKey.export({ format: 'jwk' }), kid: 'weak', alg: 'RS256' }
    };
    const e = await rejection(
      verify(signJwt(key, githubClaims(issuer.url)), { keys: { keys: [key.publicJwk] } })
    );
    expect(e.code).toBe('OIDC_INVALID');
    expect(e.message).toMatch(/2048 bits/);
  });

  it('refuses a token whose exp or iat is missing', async () => {
    const payload = githubClaims(issuer.url);
    delete payload.exp;
    expect((await rejection(verify(signJwt(es, payload)))).message).toMatch(
      /exp is missing or not a number/
    );
  });

  it('names every missing or ill-typed claim', async () => {
    const payload = githubClaims(issuer.url, { run_attempt: 1, sha: 'A'.repeat(40) });
    delete payload.job_workflow_sha;
    delete payload.runner_environment;
    const e = await rejection(verify(signJwt(es, payload)));
    expect(e.code).toBe('OIDC_INVALID');
    expect(e.message).toContain('job_workflow_sha is missing');
    expect(e.message).toContain('runner_environment is missing');
    expect(e.message).toContain('run_attempt must be a string (a numeric id), found number');
    expect(e.message).toContain(`sha must be 40 lowercase hex digits, found "${'A'.repeat(40)}"`);
  });

  it.each([
    ['repository', 'octo-org/octo repo'],
    ['repository', '../etc'],
    ['repository_id', '0123'],
    ['ref', 'refs/heads/a..b'],
    ['ref', 'main'],
    ['workflow_ref', 'octo-org/octo-repo/.github/workflows/release.yml'],
    ['job_workflow_ref', 'x/y/.github/workflows/../../evil.yml@refs/heads/main'],
    ['run_id', '-1'],
    ['event_name', 'push; rm -rf /'],
    ['runner_environment', 'github-hosted-ish']
  ])('refuses %s = %j', async (claim, value) => {
    const e = await rejection(verify(signJwt(es, githubClaims(issuer.url, { [claim]: value }))));
    expect(e.message).toContain(`${claim} must be`);
  });
});

describe('issuer keys: network behaviour (discovery by our GET, the JWKS by jose through it)', () => {
  const token = () => signJwt(es, githubClaims(issuer.url));

  it('retries 5xx and 429 (with Retry-After) and then verifies', async () => {
    const waits: number[] = [];
    issuer.behaviour = (path, n) => {
      if (path === '/.well-known/openid-configuration' && n === 1) return { status: 503 };
      if (path === '/.well-known/jwks' && n === 1)
        return { status: 429, headers: { 'retry-after': '2' } };
      return undefined;
    };
    const claims = await verify(token(), {
      http: { sleep: async (ms: number) => void waits.push(ms) }
    });
    expect(claims.run_id).toBe('4242424242');
    expect(waits).toEqual([500, 2000]);
    expect(issuer.hits.get('/.well-known/openid-configuration')).toBe(2);
    expect(issuer.hits.get('/.well-known/jwks')).toBe(2);
  });

  it('asks for discovery and the JWKS once for several tokens of the same issuer', async () => {
    await verify(token());
    await verify(signJwt(rs, githubClaims(issuer.url)));
    expect(issuer.hits.get('/.well-known/openid-configuration')).toBe(1);
    expect(issuer.hits.get('/.well-known/jwks')).toBe(1);
  });

  it('gives up after a bounded number of attempts with SERVICE_UNAVAILABLE naming the issuer', async () => {
    issuer.behaviour = () => ({ status: 500 });
    const e = await rejection(verify(token(), { http: { ...noWait, maxAttempts: 3 } }));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toBe(
      `OIDC issuer ${issuer.url}: GET ${issuer.url}/.well-known/openid-configuration failed: HTTP 500 after 3 attempts`
    );
    expect(issuer.hits.get('/.well-known/openid-configuration')).toBe(3);
  });

  it('the JWKS failing persistently is the issuer failing, not a bad token', async () => {
    issuer.behaviour = (path) => (path === '/.well-known/jwks' ? { status: 503 } : undefined);
    const e = await rejection(verify(token(), { http: { ...noWait, maxAttempts: 2 } }));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toBe(
      `OIDC issuer ${issuer.url}: GET ${issuer.url}/.well-known/jwks failed: HTTP 503 after 2 attempts`
    );
  });

  it('times out an issuer that never answers', async () => {
    issuer.behaviour = (path) =>
      path === '/.well-known/jwks' ? { status: 200, hang: true } : undefined;
    const e = await rejection(
      verify(token(), { http: { sleep: async () => undefined, timeoutMs: 200, maxAttempts: 2 } })
    );
    expect(e.message).toMatch(/jwks failed: no answer within 200 ms after 2 attempts/);
  });

  it('does not retry a 404 and refuses a discovery document for another issuer', async () => {
    issuer.behaviour = (path) => (path === '/.well-known/jwks' ? { status: 404 } : undefined);
    expect((await rejection(verify(token()))).message).toMatch(/jwks answered HTTP 404/);
    expect(issuer.hits.get('/.well-known/jwks')).toBe(1);
    issuer.behaviour = (path) =>
      path === '/.well-known/openid-configuration'
        ? {
            status: 200,
            body: { issuer: 'https://evil.example', jwks_uri: `${issuer.url}/.well-known/jwks` }
          }
        : undefined;
    expect((await rejection(discoverJwksUri(issuer.url, noWait))).message).toMatch(
      /names issuer "https:\/\/evil.example"/
    );
  });

  it('refuses a JWKS that is not a key set, or that publishes a private key', async () => {
    issuer.behaviour = (path) =>
      path === '/.well-known/jwks' ? { status: 200, body: { keys: 'none' } } : undefined;
    const e = await rejection(verify(token()));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toMatch(/unusable JWKS: JSON Web Key Set malformed/);

    const leaked = {
      ...es.publicJwk,
      ...(es.privateKey.export({ format: 'jwk' }) as Record<string, unknown>)
    };
    issuer.behaviour = (path) =>
      path === '/.well-known/jwks' ? { status: 200, body: { keys: [leaked] } } : undefined;
    const p = await rejection(verify(token()));
    expect(p.message).toMatch(/unusable JWKS: JSON Web Key Set members must be public keys/);
  });

  it('accepts plain http only on loopback', () => {
    expect(parseIssuerUrl('http://127.0.0.1:8080').hostname).toBe('127.0.0.1');
    expect(() => parseIssuerUrl('http://issuer.example')).toThrow(/must use https/);
    expect(() => parseIssuerUrl('https://u:p@issuer.example')).toThrow(/credentials/);
  });
});

describe('obtainVerifiedToken', () => {
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1/token',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x'
  };

  it('asks for audience sigstore and returns the very token it verified', async () => {
    const token = signJwt(es, githubClaims(issuer.url));
    const asked: string[] = [];
    const result = await obtainVerifiedToken({
      issuer: issuer.url,
      env,
      now: () => NOW,
      getToken: async (aud) => {
        asked.push(aud);
        return token;
      }
    });
    expect(asked).toEqual(['sigstore']);
    expect(result.token).toBe(token);
    expect(result.claims.workflow_ref).toContain('release.yml');
  });

  it('fetches discovery and the key set while the token is being minted, each once', async () => {
    const token = signJwt(es, githubClaims(issuer.url));
    // The token arrives only once the issuer has served its key set (or after 3 s without).
    const keysServedFirst = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const poll = () => {
        if (issuer.hits.get('/.well-known/jwks')) resolve(true);
        else if (Date.now() - started > 3000) resolve(false);
        else setTimeout(poll, 5);
      };
      void obtainVerifiedToken({
        issuer: issuer.url,
        env,
        now: () => NOW,
        getToken: () =>
          new Promise<string>((done) => {
            poll();
            const wait = () =>
              issuer.hits.get('/.well-known/jwks') || Date.now() - started > 3000
                ? done(token)
                : setTimeout(wait, 5);
            wait();
          })
      }).then((r) => expect(r.token).toBe(token));
    });
    expect(keysServedFirst).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(issuer.hits.get('/.well-known/openid-configuration')).toBe(1);
    expect(issuer.hits.get('/.well-known/jwks')).toBe(1);
  });

  it('explains the missing id-token permission', async () => {
    const e = await rejection(
      obtainVerifiedToken({ issuer: issuer.url, env: {}, getToken: async () => 'never called' })
    );
    expect(e.code).toBe('OIDC_UNAVAILABLE');
    expect(e.message).toMatch(/add `permissions: id-token: write`/);
  });

  it('wraps a failing token request', async () => {
    const e = await rejection(
      obtainVerifiedToken({
        issuer: issuer.url,
        env,
        getToken: async () => Promise.reject(new Error('HTTP 500 from runner'))
      })
    );
    expect(e.code).toBe('OIDC_UNAVAILABLE');
    expect(e.message).toContain('HTTP 500 from runner');
  });
});
