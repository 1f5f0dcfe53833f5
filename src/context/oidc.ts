// Obtain the job's OIDC token and prove it genuine before a single claim is believed: jose
// checks the signature against the expected issuer's JWKS (RS256 or ES256 only, the key named
// by a required kid), the exact issuer, the audience and the time window; every refusal is
// worded as one OIDC_INVALID line.
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey
} from 'jose';
import { ProvenanceError, describeError, isProvenanceError } from '../errors.js';
import type { HttpGetOptions } from '../http/get.js';
import { parseGitHubClaims, type GitHubClaims } from './claims.js';
import { issuerKeySet, issuerUnavailable } from './jwks.js';
import { quote } from './shapes.js';

export const SIGSTORE_AUDIENCE = 'sigstore';
const DEFAULT_CLOCK_SKEW_SECONDS = 60;
/** The signing algorithms GitHub's issuer uses (RS256) and the sandbox's (ES256); no others. */
const ALGORITHMS = ['RS256', 'ES256'];
/** A GitHub token is about 1 KB: anything this long is not one, and is not parsed. */
const MAX_TOKEN_LENGTH = 16 * 1024;

export interface VerifyTokenOptions {
  /** The issuer the token must come from (GitHub: https://token.actions.githubusercontent.com). */
  issuer: string;
  audience?: string;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
  clockSkewSeconds?: number;
  http?: HttpGetOptions;
  /** A key set already at hand (tests, fuzzing): then the issuer is not asked for one. */
  keys?: JSONWebKeySet;
  /** The issuer's key set, already being fetched (obtainVerifiedToken starts it early). */
  keySet?: Promise<JWTVerifyGetKey>;
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

const iso = (seconds: unknown) =>
  typeof seconds === 'number' && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : quote(seconds);

interface Unverified {
  alg: string;
  kid: string;
  payload: JWTPayload;
}

/**
 * Reads header and payload without trusting them, only to refuse early with a precise message:
 * jose decides again on the verified token. The kid is required (GitHub always sends one), so a
 * key set with several keys is never searched by trial.
 */
function readUnverified(token: string): Unverified {
  if (typeof token !== 'string' || token.length === 0) throw invalid('empty token');
  if (token.length > MAX_TOKEN_LENGTH) throw invalid(`longer than ${MAX_TOKEN_LENGTH} characters`);
  const parts = token.split('.').length;
  if (parts !== 3) throw invalid(`expected 3 dot-separated parts, found ${parts}`);
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch (e) {
    throw invalid(`not a JSON Web Token (${describeError(e)})`);
  }
  const { alg, kid } = header;
  if (typeof alg !== 'string' || !ALGORITHMS.includes(alg))
    throw invalid(`signature algorithm ${quote(alg)} is not allowed (expected RS256 or ES256)`);
  if (typeof kid !== 'string' || kid === '')
    throw invalid(`the header names no signing key (kid is ${quote(kid)})`);
  return { alg, kid, payload };
}

/** jose's refusal as our one line; the issuer's failures keep their SERVICE_UNAVAILABLE. */
function refusal(e: unknown, token: Unverified, options: VerifyTokenOptions, now: number): Error {
  if (isProvenanceError(e)) return e;
  const code = (e as { code?: unknown } | undefined)?.code;
  const claim = (e as { claim?: unknown } | undefined)?.claim;
  const reason = (e as { reason?: unknown } | undefined)?.reason;
  const { payload, alg, kid } = token;
  switch (code) {
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return invalid(`no ${alg} key with kid ${quote(kid)} in the JWKS of ${options.issuer}`);
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return invalid(
        `the JWKS of ${options.issuer} holds several ${alg} keys with kid ${quote(kid)}`
      );
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return invalid(`the signature does not verify with the ${alg} key(s) of ${options.issuer}`);
    case 'ERR_JWKS_INVALID':
    case 'ERR_JWKS_TIMEOUT':
      return issuerUnavailable(options.issuer, `unusable JWKS: ${describeError(e)}`, e);
    case 'ERR_JWT_EXPIRED':
      return invalid(`expired at ${iso(payload.exp)} (now ${iso(now)})`);
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing' || reason === 'invalid')
        return invalid(`${String(claim)} is missing or not a number`);
      if (claim === 'nbf') return invalid(`not valid before ${iso(payload.nbf)}`);
      if (claim === 'iss')
        return invalid(`issuer is ${quote(payload.iss)}, expected ${quote(options.issuer)}`);
      if (claim === 'aud')
        return invalid(
          `audience ${quote(Array.isArray(payload.aud) ? payload.aud.join(',') : payload.aud)} is not ${quote(options.audience ?? SIGSTORE_AUDIENCE)}`
        );
      return invalid(`claim ${String(claim)} refused: ${describeError(e)}`);
    default:
      // Unsupported key (too short an RSA modulus, wrong curve), malformed JWS or claims set.
      return invalid(`refused: ${describeError(e).replace(/\s+/g, ' ')}`);
  }
}

/** Verifies a token and returns its claims; throws OIDC_INVALID naming the first problem. */
export async function verifyOidcToken(
  token: string,
  options: VerifyTokenOptions
): Promise<GitHubClaims> {
  const unverified = readUnverified(token);
  // Checked before fetching keys so a token from another issuer gets this message, not a
  // network error from the expected issuer; jose checks the issuer again after the signature.
  if (unverified.payload.iss !== options.issuer)
    throw invalid(`issuer is ${quote(unverified.payload.iss)}, expected ${quote(options.issuer)}`);
  const now = options.now ? options.now() : Math.floor(Date.now() / 1000);
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  let payload: JWTPayload;
  try {
    const keys: JWTVerifyGetKey = options.keys
      ? createLocalJWKSet(options.keys)
      : await (options.keySet ?? issuerKeySet(options.issuer, options.http));
    ({ payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience ?? SIGSTORE_AUDIENCE,
      algorithms: ALGORITHMS,
      clockTolerance: skew,
      currentDate: new Date(now * 1000),
      requiredClaims: ['exp', 'iat']
    }));
  } catch (e) {
    throw refusal(e, unverified, options, now);
  }
  // jose checks iat's type but not that it lies in the past (only with maxTokenAge).
  if ((payload.iat as number) - skew > now)
    throw invalid(`issued in the future (iat ${iso(payload.iat)})`);
  return parseGitHubClaims(payload as Record<string, unknown>);
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
  // The issuer's discovery document and key set do not depend on the token: fetch them while the
  // runner mints it (two round trips off the critical path). The verification below waits for this
  // same attempt, so a failing issuer is retried once, not twice, and reported there.
  const keySet = options.keys ? undefined : issuerKeySet(options.issuer, options.http);
  keySet?.catch(() => undefined);
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
  const claims = await verifyOidcToken(token, {
    ...options,
    audience,
    ...(keySet ? { keySet } : {})
  });
  return { token, claims };
}
