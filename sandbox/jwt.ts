// ES256 JSON Web Tokens with node:crypto only: what the sandbox OIDC issuer signs and what the
// sandbox Fulcio verifies. Deliberately small: one algorithm, compact serialization. The signer
// is the sandbox's own (it plays the platform); reading and checking a token reuse the product's
// decoder and signature check, which read exactly this format.
import { createHash, sign, type KeyObject } from 'node:crypto';
import {
  decodeJwt as decodeCompactJwt,
  verifyJwtSignature as verifyCompactJwtSignature,
  type Jwk as CompactJwk
} from '../src/context/jwt.js';

/** A public JWK as the sandbox issuer publishes it (always with a key type). */
export interface Jwk extends CompactJwk {
  kty: string;
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

/**
 * Splits and decodes without verifying, with the product's decoder (src/context/jwt.ts): the
 * sandbox reads the same compact ES256 tokens the action does. Throws naming what is malformed.
 */
export function decodeJwt(token: string): JwtParts {
  const { header, payload } = decodeCompactJwt(token);
  return { header, claims: payload };
}

/**
 * Verifies an ES256 JWT against a JWKS key set and returns its claims, with the product's
 * signature check. Only the signature is checked here; the caller checks issuer, audience and
 * lifetime.
 */
export function verifyJwtSignature(token: string, keys: readonly Jwk[]): JwtParts {
  const decoded = decodeCompactJwt(token);
  if (decoded.header.alg !== 'ES256')
    throw new Error(`JWT alg must be ES256, found ${decoded.header.alg}`);
  const { kid } = decoded.header;
  if (!keys.some((k) => kid === undefined || k.kid === kid))
    throw new Error(`JWT kid ${String(kid)} is not in the issuer's JWKS`);
  verifyCompactJwtSignature(decoded, keys, "the issuer's JWKS");
  return { header: decoded.header, claims: decoded.payload };
}
