// Compact JWS verification for the job's OIDC token: RS256 and ES256 only, keys from the
// issuer's JWKS. Everything else (alg none, HMAC, unknown kid) is refused before any claim
// is read. node:crypto does the maths; no JWT library is involved.
import { createPublicKey, verify, constants, type KeyObject, type JsonWebKey } from 'node:crypto';
import { ProvenanceError } from '../errors.js';
import { quote } from './shapes.js';

export type JwtAlgorithm = 'RS256' | 'ES256';
const ALLOWED_ALGORITHMS: readonly string[] = ['RS256', 'ES256'];
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const MAX_TOKEN_LENGTH = 16 * 1024;

export interface DecodedJwt {
  header: { alg: JwtAlgorithm; kid?: string };
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

function invalid(message: string): ProvenanceError {
  return new ProvenanceError('OIDC_INVALID', `OIDC token: ${message}`);
}

function decodeJsonSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw invalid(`${what} is not base64url-encoded JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** Splits and decodes a compact JWS without trusting anything in it yet. */
export function decodeJwt(token: string): DecodedJwt {
  if (typeof token !== 'string' || token.length === 0) throw invalid('empty token');
  if (token.length > MAX_TOKEN_LENGTH) throw invalid(`longer than ${MAX_TOKEN_LENGTH} characters`);
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid(`expected 3 dot-separated parts, found ${parts.length}`);
  const [h = '', p = '', s = ''] = parts;
  if (![h, p, s].every((x) => BASE64URL.test(x))) throw invalid('a part is not base64url');
  const header = decodeJsonSegment(h, 'header');
  const alg = header.alg;
  if (typeof alg !== 'string' || !ALLOWED_ALGORITHMS.includes(alg))
    throw invalid(`signature algorithm ${quote(alg)} is not allowed (expected RS256 or ES256)`);
  if (header.crit !== undefined) throw invalid('the header has critical extensions we do not know');
  const kid = header.kid;
  if (kid !== undefined && typeof kid !== 'string') throw invalid('header kid is not a string');
  if (s.length === 0) throw invalid('the signature is empty');
  return {
    header: { alg: alg as JwtAlgorithm, ...(kid !== undefined ? { kid } : {}) },
    payload: decodeJsonSegment(p, 'payload'),
    signingInput: Buffer.from(`${h}.${p}`, 'ascii'),
    signature: Buffer.from(s, 'base64url')
  };
}

export interface Jwk extends JsonWebKey {
  kid?: string;
  alg?: string;
  use?: string;
}

function keyFits(jwk: Jwk, alg: JwtAlgorithm): boolean {
  if (jwk.use !== undefined && jwk.use !== 'sig') return false;
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  if (alg === 'RS256') return jwk.kty === 'RSA';
  return jwk.kty === 'EC' && jwk.crv === 'P-256';
}

function importKey(jwk: Jwk): KeyObject | undefined {
  try {
    // Only the public members are handed over: a JWKS that leaks `d` must not make us import a private key.
    const { kty, n, e, crv, x, y } = jwk;
    const key = createPublicKey({ key: { kty, n, e, crv, x, y } as JsonWebKey, format: 'jwk' });
    if (key.asymmetricKeyType === 'rsa') {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits < 2048) return undefined;
    }
    return key;
  } catch {
    return undefined;
  }
}

function signatureValid(jwt: DecodedJwt, key: KeyObject): boolean {
  if (jwt.header.alg === 'ES256') {
    if (jwt.signature.length !== 64) return false;
    return verify('sha256', jwt.signingInput, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
  }
  return verify(
    'sha256',
    jwt.signingInput,
    { key, padding: constants.RSA_PKCS1_PADDING },
    jwt.signature
  );
}

/**
 * Checks the signature against the issuer's keys. With a `kid`, only that key is tried;
 * without one, every key of the right type is (GitHub always sends a kid).
 */
export function verifyJwtSignature(jwt: DecodedJwt, keys: readonly Jwk[], issuer: string): void {
  const { alg, kid } = jwt.header;
  // The JWKS is the issuer's JSON: an entry may be anything, not just a key object.
  const candidates = keys.filter(
    (k) =>
      typeof k === 'object' &&
      k !== null &&
      !Array.isArray(k) &&
      (kid === undefined || k.kid === kid) &&
      keyFits(k, alg)
  );
  if (candidates.length === 0)
    throw invalid(
      `no ${alg} key${kid !== undefined ? ` with kid ${quote(kid)}` : ''} in the JWKS of ${issuer}`
    );
  for (const jwk of candidates) {
    const key = importKey(jwk);
    if (key && signatureValid(jwt, key)) return;
  }
  throw invalid(`the signature does not verify with the ${alg} key(s) of ${issuer}`);
}
