// ES256 JSON Web Tokens with node:crypto only: what the sandbox OIDC issuer signs and what the
// sandbox Fulcio verifies. Deliberately small: one algorithm, compact serialization.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export interface Jwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

export interface JwtParts {
  header: { alg?: string; kid?: string; typ?: string };
  claims: Record<string, unknown>;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** RFC 7638 thumbprint of an EC public key: a stable key id. */
export function jwkThumbprint(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export function publicJwk(publicKey: KeyObject, kid: string): Jwk {
  const jwk = publicKey.export({ format: 'jwk' });
  return { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' };
}

export function signJwt(
  claims: Record<string, unknown>,
  privateKey: KeyObject,
  kid: string
): string {
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const input = `${header}.${payload}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363'
  });
  return `${input}.${b64url(signature)}`;
}

/** Splits and decodes without verifying; throws a message naming what is malformed. */
export function decodeJwt(token: string): JwtParts & { signingInput: string; signature: Buffer } {
  const parts = token.split('.');
  if (parts.length !== 3)
    throw new Error(`JWT must have 3 dot-separated parts, found ${parts.length}`);
  const [h, p, s] = parts as [string, string, string];
  let header: JwtParts['header'];
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as JwtParts['header'];
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error('JWT header or payload is not base64url-encoded JSON');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    throw new Error('JWT payload is not a JSON object');
  return { header, claims, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/**
 * Verifies an ES256 JWT against a JWKS key set and returns its claims. Only the signature is
 * checked here; the caller checks issuer, audience and lifetime.
 */
export function verifyJwtSignature(token: string, keys: readonly Jwk[]): JwtParts {
  const decoded = decodeJwt(token);
  if (decoded.header.alg !== 'ES256')
    throw new Error(`JWT alg must be ES256, found ${String(decoded.header.alg)}`);
  const candidates = keys.filter(
    (k) => decoded.header.kid === undefined || k.kid === decoded.header.kid
  );
  if (candidates.length === 0)
    throw new Error(`JWT kid ${String(decoded.header.kid)} is not in the issuer's JWKS`);
  const ok = candidates.some((jwk) => {
    const key = createPublicKey({ key: { ...jwk }, format: 'jwk' });
    return verify(
      'sha256',
      Buffer.from(decoded.signingInput),
      { key, dsaEncoding: 'ieee-p1363' },
      decoded.signature
    );
  });
  if (!ok) throw new Error("JWT signature does not verify against the issuer's JWKS");
  return { header: decoded.header, claims: decoded.claims };
}
