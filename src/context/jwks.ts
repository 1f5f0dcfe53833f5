// The issuer's signing keys for jose: <issuer>/.well-known/openid-configuration is fetched once
// and names jwks_uri; jose's createRemoteJWKSet then fetches that key set through our retrying
// GET (src/http/get.ts) and picks the key by kid. Any failure to get the keys is the issuer's
// (SERVICE_UNAVAILABLE), never a reason to skip verification.
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { ProvenanceError, describeError } from '../errors.js';
import {
  CallerAbortedError,
  getWithRetry,
  HttpUnavailableError,
  type HttpGetOptions,
  type HttpResult
} from '../http/get.js';
import { quote } from './shapes.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** jose's own limit on one key set fetch; our GET below bounds attempts and time first. */
const JWKS_FETCH_LIMIT_MS = 180_000;

/** https, or http on loopback only (the sandbox issuer); no credentials, query or fragment. */
export function parseIssuerUrl(issuer: string): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ProvenanceError('INPUT_INVALID', `OIDC issuer ${quote(issuer)} is not a URL`);
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `OIDC issuer ${quote(issuer)} must use https (plain http is only accepted on loopback)`
    );
  if (url.username || url.password || url.search || url.hash)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `OIDC issuer ${quote(issuer)} must not carry credentials, a query or a fragment`
    );
  return url;
}

export function issuerUnavailable(
  issuer: string,
  detail: string,
  cause?: unknown
): ProvenanceError {
  return new ProvenanceError('SERVICE_UNAVAILABLE', `OIDC issuer ${issuer}: ${detail}`, { cause });
}

/** One GET of an issuer document; anything but HTTP 200 is the issuer failing. */
async function getDocument(
  issuer: string,
  url: string,
  http: HttpGetOptions,
  signal?: AbortSignal
): Promise<HttpResult> {
  let result: HttpResult;
  try {
    result = await getWithRetry(url, {
      ...http,
      headers: { accept: 'application/json' },
      ...(signal ? { signal } : {})
    });
  } catch (e) {
    const detail =
      e instanceof HttpUnavailableError
        ? e.detail
        : e instanceof CallerAbortedError
          ? `no answer within ${JWKS_FETCH_LIMIT_MS} ms`
          : describeError(e);
    throw issuerUnavailable(issuer, `GET ${url} failed: ${detail}`, e);
  }
  if (result.status !== 200)
    throw issuerUnavailable(issuer, `GET ${url} answered HTTP ${result.status}`);
  return result;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** OpenID Connect Discovery 1.0 §4: the document at the well-known path, naming the jwks_uri. */
export async function discoverJwksUri(issuer: string, http: HttpGetOptions = {}): Promise<URL> {
  const issuerUrl = parseIssuerUrl(issuer);
  const discoveryUrl = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const { body } = await getDocument(issuer, discoveryUrl, http);
  let discovery: unknown;
  try {
    discovery = JSON.parse(body);
  } catch {
    throw issuerUnavailable(issuer, `GET ${discoveryUrl} did not return JSON`);
  }
  if (!isRecord(discovery))
    throw issuerUnavailable(issuer, 'openid-configuration is not a JSON object');
  // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
  if (discovery.issuer !== issuer)
    throw issuerUnavailable(
      issuer,
      `openid-configuration names issuer ${quote(discovery.issuer)}, expected ${quote(issuer)}`
    );
  const jwksUri = discovery.jwks_uri;
  if (typeof jwksUri !== 'string')
    throw issuerUnavailable(issuer, 'openid-configuration has no jwks_uri');
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(jwksUri);
  } catch {
    throw issuerUnavailable(issuer, `jwks_uri ${quote(jwksUri)} is not a URL`);
  }
  if (issuerUrl.protocol === 'https:' && jwksUrl.protocol !== 'https:')
    throw issuerUnavailable(issuer, `jwks_uri ${quote(jwksUri)} is not https`);
  return jwksUrl;
}

/** One key set per issuer for the life of the process: a run verifies its token, and maybe a
 * fresh one later for a second Fulcio certificate, against the same discovery answer. */
const keySets = new Map<string, Promise<JWTVerifyGetKey>>();

/**
 * The issuer's key set as jose consumes it: discovery once, then the JWKS (and again on
 * an unknown kid once jose's cool-down has passed: key rotation). jose fetches through our GET,
 * so the key set gets the same retries, timeouts and size limit as every other issuer document.
 * A failed discovery is not remembered: the next verification asks again.
 */
export function issuerKeySet(issuer: string, http: HttpGetOptions = {}): Promise<JWTVerifyGetKey> {
  let keySet = keySets.get(issuer);
  if (!keySet) {
    keySet = discoverJwksUri(issuer, http).then(async (jwksUrl) => {
      const remote = createRemoteJWKSet(jwksUrl, {
        timeoutDuration: JWKS_FETCH_LIMIT_MS,
        [customFetch]: async (url: string, init: RequestInit) => {
          const { body } = await getDocument(issuer, url, http, init.signal ?? undefined);
          return new Response(body, {
            status: 200,
            headers: { 'content-type': 'application/json' }
          });
        }
      });
      // The key set right away rather than on first use: the caller starts this while the token
      // is still being minted, so both documents arrive off the critical path.
      await remote.reload();
      return remote;
    });
    keySets.set(issuer, keySet);
    keySet.catch(() => keySets.delete(issuer));
  }
  return keySet;
}

/** Tests only: forget every issuer's key set (each test serves its own documents). */
export function forgetIssuerKeySets(): void {
  keySets.clear();
}
