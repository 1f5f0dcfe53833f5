// Verifies a signature given only the digest of the signed message (the artifact is known by
// `sha256:<hex>` alone). node:crypto always hashes its input, so ECDSA is checked here from the
// curve equations and RSA PKCS#1 v1.5 by recovering the DigestInfo. Ed25519 and RSA-PSS cannot
// be checked from a digest and are reported as such.
import { constants, publicDecrypt, type KeyObject } from 'node:crypto';

interface Curve {
  p: bigint;
  a: bigint;
  b: bigint;
  n: bigint;
  gx: bigint;
  gy: bigint;
}

// Domain parameters from SEC 2 / FIPS 186-4.
const CURVES: Record<string, Curve> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn
  }
};

// SHA-256/384/512 DigestInfo prefixes (RFC 8017 §9.2 note 1).
const DIGEST_INFO_PREFIX: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440'
};

export type DigestSignatureResult = { ok: true } | { ok: false; reason: string };

export function verifyDigestSignature(
  key: KeyObject,
  digestAlgorithm: string,
  digest: Buffer,
  signature: Buffer
): DigestSignatureResult {
  const type = key.asymmetricKeyType;
  if (type === 'ec') {
    const jwk = key.export({ format: 'jwk' });
    const curve = jwk.crv ? CURVES[jwk.crv] : undefined;
    if (!curve || !jwk.x || !jwk.y) {
      return {
        ok: false,
        reason: `unsupported EC curve ${String(jwk.crv)} for digest-only verification`
      };
    }
    const q = { x: b64uToBigInt(jwk.x), y: b64uToBigInt(jwk.y) };
    const rs = parseDerSignature(signature);
    if (!rs) return { ok: false, reason: 'signature is not a DER ECDSA signature' };
    return ecdsaVerify(curve, q, digest, rs.r, rs.s)
      ? { ok: true }
      : { ok: false, reason: 'signature does not match the digest' };
  }
  if (type === 'rsa') {
    const prefix = DIGEST_INFO_PREFIX[digestAlgorithm];
    if (!prefix) return { ok: false, reason: `unsupported digest ${digestAlgorithm} for RSA` };
    let recovered: Buffer;
    try {
      recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    } catch {
      return { ok: false, reason: 'signature does not match the digest' };
    }
    const expected = Buffer.concat([Buffer.from(prefix, 'hex'), digest]);
    return recovered.equals(expected)
      ? { ok: true }
      : { ok: false, reason: 'signature does not match the digest' };
  }
  return {
    ok: false,
    reason: `a ${String(type)} signature covers the whole message; it cannot be checked from a digest alone`
  };
}

function b64uToBigInt(s: string): bigint {
  return BigInt('0x' + Buffer.from(s, 'base64url').toString('hex'));
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }`, strictly. */
function parseDerSignature(sig: Buffer): { r: bigint; s: bigint } | undefined {
  let pos = 0;
  const readLength = (): number | undefined => {
    const first = sig[pos++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined; // ECDSA signatures up to P-521 never need more
    const len = sig[pos++];
    return len !== undefined && len >= 0x80 ? len : undefined;
  };
  const readInteger = (): bigint | undefined => {
    if (sig[pos++] !== 0x02) return undefined;
    const len = readLength();
    if (len === undefined || len === 0 || pos + len > sig.length) return undefined;
    const bytes = sig.subarray(pos, pos + len);
    pos += len;
    if ((bytes[0] ?? 0) & 0x80) return undefined; // negative
    return BigInt('0x' + bytes.toString('hex'));
  };
  if (sig[pos++] !== 0x30) return undefined;
  const total = readLength();
  if (total === undefined || pos + total !== sig.length) return undefined;
  const r = readInteger();
  const s = readInteger();
  if (r === undefined || s === undefined || pos !== sig.length) return undefined;
  return { r, s };
}

type Point = { x: bigint; y: bigint } | null; // null = point at infinity

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r >= 0n ? r : r + m;
}

function inverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS, m);
}

function add(c: Curve, p1: Point, p2: Point): Point {
  if (p1 === null) return p2;
  if (p2 === null) return p1;
  if (p1.x === p2.x) {
    if (mod(p1.y + p2.y, c.p) === 0n) return null;
    const l = mod((3n * p1.x * p1.x + c.a) * inverse(2n * p1.y, c.p), c.p);
    const x = mod(l * l - 2n * p1.x, c.p);
    return { x, y: mod(l * (p1.x - x) - p1.y, c.p) };
  }
  const l = mod((p2.y - p1.y) * inverse(p2.x - p1.x, c.p), c.p);
  const x = mod(l * l - p1.x - p2.x, c.p);
  return { x, y: mod(l * (p1.x - x) - p1.y, c.p) };
}

function multiply(c: Curve, k: bigint, point: Point): Point {
  let result: Point = null;
  let addend = point;
  while (k > 0n) {
    if (k & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
    k >>= 1n;
  }
  return result;
}

function onCurve(c: Curve, q: { x: bigint; y: bigint }): boolean {
  return mod(q.y * q.y - (q.x * q.x * q.x + c.a * q.x + c.b), c.p) === 0n;
}

function ecdsaVerify(
  c: Curve,
  q: { x: bigint; y: bigint },
  digest: Buffer,
  r: bigint,
  s: bigint
): boolean {
  if (r <= 0n || r >= c.n || s <= 0n || s >= c.n || !onCurve(c, q)) return false;
  // Use the leftmost bits of the digest, as many as the group order has (FIPS 186-4 §6.4).
  const orderBits = c.n.toString(2).length;
  let e = digest.length ? BigInt('0x' + digest.toString('hex')) : 0n;
  const digestBits = digest.length * 8;
  if (digestBits > orderBits) e >>= BigInt(digestBits - orderBits);
  const w = inverse(s, c.n);
  const u1 = mod(e * w, c.n);
  const u2 = mod(r * w, c.n);
  const point = add(c, multiply(c, u1, { x: c.gx, y: c.gy }), multiply(c, u2, q));
  return point !== null && mod(point.x, c.n) === r;
}
