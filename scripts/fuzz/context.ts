// Fuzz targets for the context stage's untrusted input: the OIDC token (JWT compact form, its
// JSON segments, the issuer's JWKS keys), the token's claims, and the REST run-attempt answer.
import fc from 'fast-check';
import { generateKeyPairSync, sign } from 'node:crypto';
import { parseGitHubClaims } from '../../src/context/claims.js';
import type { JWK } from 'jose';
import { verifyOidcToken } from '../../src/context/oidc.js';
import { parseRunAttempt } from '../../src/context/run.js';
import { bytesNear, jsonValueArb, mutatedArb, untrustedJsonArb } from './json-mutation.js';
import { asyncFuzzTarget, fuzzTarget, invariant } from './target.js';

const SHA = 'a'.repeat(40);
const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  aud: 'sigstore',
  iat: 1_700_000_000,
  exp: 1_700_000_600,
  repository: 'octo-org/octo-app',
  repository_id: '123',
  repository_owner_id: '456',
  repository_visibility: 'public',
  ref: 'refs/tags/v1.2.3',
  sha: SHA,
  workflow_ref: 'octo-org/octo-app/.github/workflows/release.yml@refs/tags/v1.2.3',
  job_workflow_ref:
    'isolated-provenance/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0',
  job_workflow_sha: 'b'.repeat(40),
  event_name: 'push',
  run_id: '789',
  run_attempt: '1',
  runner_environment: 'github-hosted'
};

const RUN = {
  id: 789,
  run_attempt: 1,
  run_started_at: '2026-01-02T03:04:05Z',
  path: '.github/workflows/release.yml',
  head_sha: SHA,
  head_branch: 'v1.2.3',
  event: 'push',
  html_url: 'https://github.com/octo-org/octo-app/actions/runs/789/attempts/1',
  repository: { id: 123, full_name: 'octo-org/octo-app', owner: { id: 456, login: 'octo-org' } }
};

// One real ES256 key: tokens signed with it must verify, everything else must be refused.
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const OUR_JWK: JWK = {
  ...(publicKey.export({ format: 'jwk' }) as JWK),
  kid: 'k1',
  alg: 'ES256',
  use: 'sig'
};

const b64url = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function signed(header: unknown, payload: unknown): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${sig.toString('base64url')}`;
}

const VALID_TOKEN = signed({ alg: 'ES256', kid: 'k1', typ: 'JWT' }, CLAIMS);

/** Tokens: signed with mutated header/payload, segments swapped for noise, raw strings. */
const tokenArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(mutatedArb({ alg: 'ES256', kid: 'k1', typ: 'JWT' }), mutatedArb(CLAIMS))
      .map(([h, p]) => signed(h, p))
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.nat(2),
        fc.oneof(
          fc.string(),
          jsonValueArb.map((v) => b64url(JSON.stringify(v) ?? ''))
        )
      )
      .map(([i, seg]) => {
        const parts = VALID_TOKEN.split('.');
        parts[i] = seg;
        return parts.join('.');
      })
  },
  { weight: 2, arbitrary: bytesNear(VALID_TOKEN).map((b) => b.toString('latin1')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant(VALID_TOKEN) }
);

/** JWKS keys as an issuer might serve them: ours mutated, or any JSON. */
const keysArb: fc.Arbitrary<JWK[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map(() => [OUR_JWK]) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(mutatedArb(OUR_JWK), jsonValueArb), {
      maxLength: 3
    }) as fc.Arbitrary<JWK[]>
  }
);

export const contextTargets = [
  fuzzTarget('oidc-claims', untrustedJsonArb(CLAIMS), (payload) => {
    // decodeJwt hands over JSON objects only (its own check, fuzzed in oidc-jwt).
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return;
    const claims = parseGitHubClaims(payload as Record<string, unknown>);
    invariant(typeof claims.repository === 'string', 'claims without a repository');
    invariant(/^[0-9a-f]{40}$/.test(claims.job_workflow_sha), 'claims with a bad job_workflow_sha');
  }),
  // The token as the action verifies it (jose, RS256/ES256, kid required, claims parsed), against
  // a key set handed over instead of fetched.
  asyncFuzzTarget('oidc-jwt', fc.tuple(tokenArb, keysArb), async ([token, keys]) => {
    const claims = await verifyOidcToken(token, {
      issuer: CLAIMS.iss,
      keys: { keys },
      now: () => CLAIMS.iat + 10
    });
    invariant(claims.repository.length > 0, 'claims without a repository');
    // Only our key signs: an accepted token was signed by it over exactly these bytes.
    invariant(
      keys.some(
        (k) => k !== null && typeof k === 'object' && k.x === OUR_JWK.x && k.y === OUR_JWK.y
      ),
      'verified without our key'
    );
    const alg = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as {
      alg?: unknown;
    };
    invariant(alg.alg === 'ES256' || alg.alg === 'RS256', 'accepted another alg');
  }),
  fuzzTarget('rest-run-attempt', untrustedJsonArb(RUN), (body) => {
    const run = parseRunAttempt(body);
    invariant(Number.isSafeInteger(Number(run.runId)), 'run id is not a number');
  })
];
