// The issuer's signing keys: <issuer>/.well-known/openid-configuration → jwks_uri → keys.
// Any failure to get them is the issuer's (SERVICE_UNAVAILABLE), never a reason to skip
// verification.
import { ProvenanceError, describeError } from '../errors.js';
import { getWithRetry, HttpUnavailableError, type HttpGetOptions } from './http.js';
import type { Jwk } from './jwt.js';
import { quote } from './shapes.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_KEYS = 100;

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

function unavailable(issuer: string, detail: string, cause?: unknown): ProvenanceError {
  return new ProvenanceError('SERVICE_UNAVAILABLE', `OIDC issuer ${issuer}: ${detail}`, { cause });
}

async function getJson(issuer: string, url: string, http: HttpGetOptions): Promise<unknown> {
  let result;
  try {
    result = await getWithRetry(url, { ...http, headers: { accept: 'application/json' } });
  } catch (e) {
    const detail = e instanceof HttpUnavailableError ? e.detail : describeError(e);
    throw unavailable(issuer, `GET ${url} failed: ${detail}`, e);
  }
  if (result.status !== 200) throw unavailable(issuer, `GET ${url} answered HTTP ${result.status}`);
  try {
    return JSON.parse(result.body) as unknown;
  } catch {
    throw unavailable(issuer, `GET ${url} did not return JSON`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function fetchIssuerKeys(issuer: string, http: HttpGetOptions = {}): Promise<Jwk[]> {
  const issuerUrl = parseIssuerUrl(issuer);
  const base = issuer.replace(/\/+$/, '');
  const discoveryUrl = `${base}/.well-known/openid-configuration`;
  const discovery = await getJson(issuer, discoveryUrl, http);
  if (!isRecord(discovery)) throw unavailable(issuer, 'openid-configuration is not a JSON object');
  // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
  if (discovery.issuer !== issuer)
    throw unavailable(
      issuer,
      `openid-configuration names issuer ${quote(discovery.issuer)}, expected ${quote(issuer)}`
    );
  const jwksUri = discovery.jwks_uri;
  if (typeof jwksUri !== 'string')
    throw unavailable(issuer, 'openid-configuration has no jwks_uri');
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(jwksUri);
  } catch {
    throw unavailable(issuer, `jwks_uri ${quote(jwksUri)} is not a URL`);
  }
  if (issuerUrl.protocol === 'https:' && jwksUrl.protocol !== 'https:')
    throw unavailable(issuer, `jwks_uri ${quote(jwksUri)} is not https`);

  const jwks = await getJson(issuer, jwksUrl.href, http);
  if (!isRecord(jwks) || !Array.isArray(jwks.keys))
    throw unavailable(issuer, 'the JWKS has no "keys" array');
  const keys = jwks.keys.filter(isRecord).slice(0, MAX_KEYS) as Jwk[];
  if (keys.length === 0) throw unavailable(issuer, 'the JWKS holds no keys');
  return keys;
}
