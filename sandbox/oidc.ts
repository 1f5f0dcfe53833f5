// The sandbox OIDC issuer: GitHub Actions' token service on loopback. Discovery document and
// JWKS like token.actions.githubusercontent.com, and the runner's token endpoint
// (`GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=...` with `Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`).
// Tokens are shaped like GitHub's (docs.github.com/en/actions/reference/security/oidc and the
// example token in docs "OpenID Connect"): RS256, header {typ, alg, x5t, kid}; `nbf` ten minutes
// before `iat`, `exp` five minutes after it. ES256 stays available for tests.
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson, type SandboxRequest, type SandboxService } from './http.js';
import { issuerJwk, jwkThumbprint, signIssuerJwt, type IssuerKey, type Jwk } from './jwt.js';
import { selfSignedRsaCertificate, x5tOf } from './oidc-certificate.js';
import { repositoryOwner, resolveRun, runClaims, type RunDescription } from './run.js';

export const OIDC_TOKEN_PATH = '/_apis/actiontoken/idtoken';
export const OIDC_JWKS_PATH = '/.well-known/jwks';

export interface TokenOverrides {
  /** Changes to the run the claims are derived from (tag vs branch, self-hosted, ...). */
  run?: Partial<RunDescription>;
  /** Claim-level edits applied last; `undefined` removes a claim. */
  claims?: Record<string, unknown>;
  audience?: string;
  /**
   * Seconds the token has left (default GitHub's 300). Below 300 the token was issued that much
   * earlier; negative values mint an already-expired token.
   */
  lifetimeSeconds?: number;
}

/** GitHub's token lifetime and how far `nbf` precedes `iat` (the docs' example token). */
export const GITHUB_TOKEN_LIFETIME_SECONDS = 300;
export const GITHUB_NBF_LEAD_SECONDS = 600;

export interface OidcIssuerOptions {
  /** RS256 like GitHub (default), or ES256. */
  algorithm?: 'RS256' | 'ES256';
  /** The issuer's clock in ms (default Date.now): tests move it to age tokens. */
  now?: () => number;
}

function createIssuerKey(algorithm: 'RS256' | 'ES256', notBefore: Date): IssuerKey {
  if (algorithm === 'ES256') {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return { alg: 'ES256', privateKey, publicKey, kid: jwkThumbprint(publicKey) };
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificate = selfSignedRsaCertificate(
    privateKey,
    publicKey,
    'actions.self-signed.sandbox',
    randomBytes(16),
    notBefore,
    365
  );
  return {
    alg: 'RS256',
    privateKey,
    publicKey,
    kid: randomUUID(),
    x5c: [certificate.toString('base64')],
    x5t: x5tOf(certificate)
  };
}

export interface OidcIssuer {
  readonly service: SandboxService;
  /** The issuer URL (`iss`), known once the service listens. */
  readonly url: string;
  bind(url: string): void;
  /** The secret a runner passes as ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly requestToken: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL: already carries a query, since clients append `&audience=`. */
  readonly requestUrl: string;
  jwks(): { keys: Jwk[] };
  mint(overrides?: TokenOverrides): string;
}

export function createOidcIssuer(
  getRun: () => RunDescription,
  options: OidcIssuerOptions = {}
): OidcIssuer {
  const clock = options.now ?? Date.now;
  const key = createIssuerKey(options.algorithm ?? 'RS256', new Date(clock() - 86_400_000));
  const requestToken = randomBytes(24).toString('hex');
  let issuerUrl = '';

  const mint = (overrides: TokenOverrides = {}): string => {
    if (!issuerUrl) throw new Error('oidc: issuer URL not bound yet');
    const run = resolveRun({ ...getRun(), ...overrides.run });
    const now = Math.floor(clock() / 1000);
    const exp = now + (overrides.lifetimeSeconds ?? GITHUB_TOKEN_LIFETIME_SECONDS);
    const iat = Math.min(now, exp - GITHUB_TOKEN_LIFETIME_SECONDS);
    const claims: Record<string, unknown> = {
      jti: randomUUID(),
      ...runClaims(run),
      aud: overrides.audience ?? `${run.serverUrl}/${repositoryOwner(run)}`,
      iss: issuerUrl,
      nbf: iat - GITHUB_NBF_LEAD_SECONDS,
      exp,
      iat
    };
    for (const [name, value] of Object.entries(overrides.claims ?? {})) {
      if (value === undefined) delete claims[name];
      else claims[name] = value;
    }
    return signIssuerJwt(claims, key);
  };

  const service: SandboxService = {
    name: 'oidc',
    handle(req: SandboxRequest, res: ServerResponse) {
      const path = req.url.pathname;
      if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
        sendJson(res, 200, {
          issuer: issuerUrl,
          jwks_uri: `${issuerUrl}${OIDC_JWKS_PATH}`,
          subject_types_supported: ['public', 'pairwise'],
          response_types_supported: ['id_token'],
          claims_supported: [
            'sub',
            'aud',
            'exp',
            'iat',
            'iss',
            'jti',
            'nbf',
            ...Object.keys(runClaims(getRun()))
          ],
          id_token_signing_alg_values_supported: [key.alg],
          scopes_supported: ['openid']
        });
        return;
      }
      if (req.method === 'GET' && path === OIDC_JWKS_PATH) {
        sendJson(res, 200, { keys: [issuerJwk(key)] });
        return;
      }
      if (req.method === 'GET' && path === OIDC_TOKEN_PATH) {
        if (!hasBearer(req.headers.authorization, requestToken)) {
          sendJson(res, 401, {
            message: 'oidc: missing or wrong bearer token (ACTIONS_ID_TOKEN_REQUEST_TOKEN)'
          });
          return;
        }
        const audience = req.url.searchParams.get('audience') ?? undefined;
        sendJson(res, 200, { count: 1, value: mint({ audience }) });
      }
    }
  };

  return {
    service,
    get url() {
      return issuerUrl;
    },
    bind(url: string) {
      issuerUrl = url;
    },
    requestToken,
    get requestUrl() {
      return `${issuerUrl}${OIDC_TOKEN_PATH}?api-version=2.0`;
    },
    jwks: () => ({ keys: [issuerJwk(key)] }),
    mint
  };
}

function hasBearer(header: string | undefined, expected: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}
