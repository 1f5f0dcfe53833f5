// JSON Web Tokens for the sandbox: what the sandbox OIDC issuer signs and what the sandbox
// Fulcio verifies. Deliberately small: compact serialization, ES256 and RS256. Reading a token
// is jose's (the same library the action verifies with); the signature check is node:crypto's,
// synchronous like the Fulcio handler that calls it. The sandbox plays the platform here.
import {
  createHash,
  createPublicKey,
  sign,
  verify,
  constants,
  type KeyObject,
  type JsonWebKey
} from 'node:crypto';
import { decodeJwt as decodeJwtPayload, decodeProtectedHeader } from 'jose';

/** A public JWK as an issuer publishes it. */
export interface Jwk extends JsonWebKey {
  kty: string;
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

/** Splits and decodes without verifying. Throws naming what is malformed. */
export function decodeJwt(token: string): JwtParts {
  const header = decodeProtectedHeader(token);
  const claims = decodeJwtPayload(token);
  return {
    header: {
      ...(typeof header.alg === 'string' ? { alg: header.alg } : {}),
      ...(typeof header.kid === 'string' ? { kid: header.kid } : {}),
      ...(typeof header.typ === 'string' ? { typ: header.typ } : {})
    },
    claims: claims as Record<string, unknown>
  };
}

/**
 * Verifies an ES256 or RS256 JWT against a JWKS key set (the key named by its kid) and returns
 * its claims. Only the signature is checked here; the caller checks issuer, audience and
 * lifetime.
 */
export function verifyJwtSignature(token: string, keys: readonly Jwk[]): JwtParts {
  const decoded = decodeJwt(token);
  const { alg, kid } = decoded.header;
  if (alg !== 'ES256' && alg !== 'RS256')
    throw new Error(`JWT alg must be ES256 or RS256, found ${String(alg)}`);
  const kty = alg === 'ES256' ? 'EC' : 'RSA';
  const jwk = keys.find(
    (k) => (kid === undefined || k.kid === kid) && k.kty === kty && (k.alg ?? alg) === alg
  );
  if (!jwk) throw new Error(`JWT kid ${String(kid)} is not in the issuer's JWKS`);
  const { n, e, crv, x, y } = jwk;
  const key = createPublicKey({ key: { kty, n, e, crv, x, y } as JsonWebKey, format: 'jwk' });
  const [h = '', p = '', sig = ''] = token.split('.');
  const signature = Buffer.from(sig, 'base64url');
  const input = Buffer.from(`${h}.${p}`, 'ascii');
  const valid =
    alg === 'ES256'
      ? verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature)
      : verify('sha256', input, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  if (!valid) throw new Error("JWT signature does not verify with the issuer's key");
  return decoded;
}

/** An issuer's signing key with what its JWKS entry and token headers carry. */
export interface IssuerKey {
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  /** RS256 keys, as GitHub publishes them: the self-signed certificate and its thumbprint. */
  x5c?: string[];
  x5t?: string;
}

/** The key's JWKS entry, shaped like token.actions.githubusercontent.com/.well-known/jwks. */
export function issuerJwk(key: IssuerKey): Jwk {
  const jwk = key.publicKey.export({ format: 'jwk' });
  if (key.alg === 'ES256') return publicJwk(key.publicKey, key.kid);
  return {
    n: jwk.n,
    kty: 'RSA',
    kid: key.kid,
    alg: 'RS256',
    e: jwk.e,
    use: 'sig',
    ...(key.x5c ? { x5c: key.x5c } : {}),
    ...(key.x5t ? { x5t: key.x5t } : {})
  };
}

/** Signs with the issuer's key; the header carries typ, alg, x5t (RS256) and kid as GitHub's do. */
export function signIssuerJwt(claims: Record<string, unknown>, key: IssuerKey): string {
  if (key.alg === 'ES256') return signJwt(claims, key.privateKey, key.kid);
  const header = { typ: 'JWT', alg: 'RS256', ...(key.x5t ? { x5t: key.x5t } : {}), kid: key.kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: key.privateKey,
    padding: constants.RSA_PKCS1_PADDING
  });
  return `${input}.${b64url(signature)}`;
}
