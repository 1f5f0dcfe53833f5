// ECDSA P-256 verification of a signature over a digest the client already computed. Rekor v2's
// hashedrekord request carries only the digest (of a DSSE envelope's PAE), and node:crypto can
// only verify ECDSA over the message itself, hashing it on the way; so the sandbox log does the
// curve arithmetic (FIPS 186-5 6.4.2) here. Not constant time: it handles public data only.
import { createPublicKey, type KeyObject } from 'node:crypto';

// NIST P-256 domain parameters (FIPS 186-5 / SP 800-186 3.2.1.3).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const A = P - 3n;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n
};

type Point = { x: bigint; y: bigint };
/** Jacobian coordinates (X/Z^2, Y/Z^3): no modular inversion per step. Z = 0 is infinity. */
type Jacobian = { x: bigint; y: bigint; z: bigint };
const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

function double(p: Jacobian): Jacobian {
  if (p.z === 0n || p.y === 0n) return INFINITY;
  const y2 = mod(p.y * p.y, P);
  const s = mod(4n * p.x * y2, P);
  const z2 = mod(p.z * p.z, P);
  const m = mod(3n * p.x * p.x + A * z2 * z2, P);
  const x = mod(m * m - 2n * s, P);
  return { x, y: mod(m * (s - x) - 8n * y2 * y2, P), z: mod(2n * p.y * p.z, P) };
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p.z === 0n) return q;
  if (q.z === 0n) return p;
  const pz2 = mod(p.z * p.z, P);
  const qz2 = mod(q.z * q.z, P);
  const u1 = mod(p.x * qz2, P);
  const u2 = mod(q.x * pz2, P);
  const s1 = mod(p.y * qz2 * q.z, P);
  const s2 = mod(q.y * pz2 * p.z, P);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1, P);
  const r = mod(s2 - s1, P);
  const h2 = mod(h * h, P);
  const h3 = mod(h2 * h, P);
  const x = mod(r * r - h3 - 2n * u1 * h2, P);
  return { x, y: mod(r * (u1 * h2 - x) - s1 * h3, P), z: mod(h * p.z * q.z, P) };
}

const jacobian = (p: Point): Jacobian => ({ x: p.x, y: p.y, z: 1n });

/** u1·G + u2·Q in one pass (Shamir's trick); returns the affine x, or undefined at infinity. */
function combinedX(u1: bigint, u2: bigint, q: Point): bigint | undefined {
  const g = jacobian(G);
  const qj = jacobian(q);
  const both = add(g, qj);
  let acc = INFINITY;
  const bits = Math.max(u1.toString(2).length, u2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc);
    const a = (u1 >> BigInt(i)) & 1n;
    const b = (u2 >> BigInt(i)) & 1n;
    if (a && b) acc = add(acc, both);
    else if (a) acc = add(acc, g);
    else if (b) acc = add(acc, qj);
  }
  if (acc.z === 0n) return undefined;
  const zinv = inverse(acc.z, P);
  return mod(acc.x * zinv * zinv, P);
}

/** r and s from a DER ECDSA-Sig-Value (SEQUENCE { INTEGER r, INTEGER s }). */
function parseDerSignature(sig: Buffer): { r: bigint; s: bigint } | undefined {
  let i = 0;
  const length = (): number | undefined => {
    const first = sig[i++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    const bytes = first & 0x7f;
    if (bytes !== 1) return undefined; // P-256 signatures never need more
    return sig[i++];
  };
  const integer = (): bigint | undefined => {
    if (sig[i++] !== 0x02) return undefined;
    const len = length();
    if (len === undefined || len === 0 || i + len > sig.length) return undefined;
    const value = BigInt(`0x${sig.subarray(i, i + len).toString('hex')}`);
    i += len;
    return value;
  };
  if (sig[i++] !== 0x30) return undefined;
  const total = length();
  if (total === undefined || i + total !== sig.length) return undefined;
  const r = integer();
  const s = integer();
  if (r === undefined || s === undefined || i !== sig.length) return undefined;
  return { r, s };
}

/** True when `signature` (DER) is a valid P-256 ECDSA signature of `digest` (SHA-256 output). */
export function verifyP256Prehashed(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') return false;
  if (digest.length !== 32) return false;
  const jwk = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) return false;
  const Q: Point = {
    x: BigInt(`0x${Buffer.from(jwk.x, 'base64url').toString('hex')}`),
    y: BigInt(`0x${Buffer.from(jwk.y, 'base64url').toString('hex')}`)
  };
  const rs = parseDerSignature(signature);
  if (!rs || rs.r <= 0n || rs.r >= N || rs.s <= 0n || rs.s >= N) return false;
  const e = BigInt(`0x${digest.toString('hex')}`);
  const w = inverse(rs.s, N);
  const x = combinedX(mod(e * w, N), mod(rs.r * w, N), Q);
  return x !== undefined && mod(x, N) === rs.r;
}
