// Obtain the job's OIDC token and prove it genuine before a single claim is believed:
// signature against the expected issuer's JWKS, exact issuer, audience, and time window.
import { ProvenanceError, describeError } from '../errors.js';
import { parseGitHubClaims, type GitHubClaims } from './claims.js';
import type { HttpGetOptions } from './http.js';
import { fetchIssuerKeys } from './jwks.js';
import { decodeJwt, verifyJwtSignature, type Jwk } from './jwt.js';
import { quote } from './shapes.js';

export const SIGSTORE_AUDIENCE = 'sigstore';
const DEFAULT_CLOCK_SKEW_SECONDS = 60;

export interface VerifyTokenOptions {
  /** The issuer the token must come from (GitHub: https://token.actions.githubusercontent.com). */
  issuer: string;
  audience?: string;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
  clockSkewSeconds?: number;
  http?: HttpGetOptions;
  /** Keys already fetched (tests, or a caller verifying several tokens). */
  keys?: readonly Jwk[];
}

export interface ObtainTokenOptions extends VerifyTokenOptions {
  /** `@actions/core`'s getIDToken, or the sandbox's equivalent. */
  getToken: (audience: string) => Promise<string>;
  env?: NodeJS.ProcessEnv;
  /** Attempts at getToken when it fails transiently (default 4); waits double from 500 ms. */
  tokenAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * getIDToken retries only 502/503/504 itself; a 500, a 429 or a dropped connection reaches us.
 * A 4xx other than 429 (no permission, bad request token) will not get better by asking again.
 */
export function isTransientTokenFailure(e: unknown): boolean {
  const code = /Error Code\s*:\s*(\d{3})/.exec(describeError(e))?.[1];
  return code === undefined || code === '429' || code.startsWith('5');
}

export interface VerifiedToken {
  /** The raw token: hand exactly this one to Fulcio so the certificate matches the claims. */
  token: string;
  claims: GitHubClaims;
}

function invalid(message: string): ProvenanceError {
  return new ProvenanceError('OIDC_INVALID', `OIDC token: ${message}`);
}

function checkTime(payload: Record<string, unknown>, now: number, skew: number): void {
  const { exp, iat, nbf } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    throw invalid('exp is missing or not a number');
  if (typeof iat !== 'number' || !Number.isFinite(iat))
    throw invalid('iat is missing or not a number');
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf)))
    throw invalid('nbf is not a number');
  if (exp + skew <= now)
    throw invalid(
      `expired at ${new Date(exp * 1000).toISOString()} (now ${new Date(now * 1000).toISOString()})`
    );
  if (iat - skew > now)
    throw invalid(`issued in the future (iat ${new Date(iat * 1000).toISOString()})`);
  if (nbf !== undefined && nbf - skew > now)
    throw invalid(`not valid before ${new Date(nbf * 1000).toISOString()}`);
}

function checkAudience(aud: unknown, expected: string): void {
  const ok =
    aud === expected ||
    (Array.isArray(aud) &&
      aud.length > 0 &&
      aud.every((a) => typeof a === 'string') &&
      aud.includes(expected));
  if (!ok)
    throw invalid(
      `audience ${quote(Array.isArray(aud) ? aud.join(',') : aud)} is not ${quote(expected)}`
    );
}

/** Verifies a token and returns its claims; throws OIDC_INVALID naming the first problem. */
export async function verifyOidcToken(
  token: string,
  options: VerifyTokenOptions
): Promise<GitHubClaims> {
  const jwt = decodeJwt(token);
  const { payload } = jwt;
  // Checked before fetching keys so a token from another issuer gets this message, not a
  // network error from the expected issuer; the signature check below still binds it.
  if (payload.iss !== options.issuer)
    throw invalid(`issuer is ${quote(payload.iss)}, expected ${quote(options.issuer)}`);
  const keys = options.keys ?? (await fetchIssuerKeys(options.issuer, options.http));
  verifyJwtSignature(jwt, keys, options.issuer);
  checkAudience(payload.aud, options.audience ?? SIGSTORE_AUDIENCE);
  const now = options.now ? options.now() : Math.floor(Date.now() / 1000);
  checkTime(payload, now, options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS);
  return parseGitHubClaims(payload);
}

/** Asks the runner for a token (audience sigstore) and verifies it. */
export async function obtainVerifiedToken(options: ObtainTokenOptions): Promise<VerifiedToken> {
  const env = options.env ?? process.env;
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    throw new ProvenanceError(
      'OIDC_UNAVAILABLE',
      'this job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): add `permissions: id-token: write` to the job that runs this action'
    );
  const audience = options.audience ?? SIGSTORE_AUDIENCE;
  const attempts = Math.max(1, options.tokenAttempts ?? 4);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let token: string | undefined;
  for (let attempt = 1; token === undefined; attempt++) {
    try {
      token = await options.getToken(audience);
    } catch (e) {
      if (attempt >= attempts || !isTransientTokenFailure(e))
        throw new ProvenanceError(
          'OIDC_UNAVAILABLE',
          `could not obtain the job's OIDC token from the runner's token service (${attempt} attempt(s)): ${describeError(e).replace(/\s+/g, ' ')}`,
          { cause: e }
        );
      await sleep(500 * 2 ** (attempt - 1));
    }
  }
  const claims = await verifyOidcToken(token, { ...options, audience });
  return { token, claims };
}
