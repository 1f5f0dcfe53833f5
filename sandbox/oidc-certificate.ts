// The self-signed certificate GitHub's token service publishes with each RS256 key (the JWKS
// `x5c`, and `x5t`, its SHA-1 thumbprint, in every token header). Built synchronously with
// node:crypto and a few DER helpers so the issuer can be created without awaiting anything;
// node's X509Certificate parses the result (see __tests__/sandbox/oidc.test.ts).
import { createHash, sign, type KeyObject } from 'node:crypto';

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, content: Buffer): Buffer =>
  Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const sequence = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function positiveInteger(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** UTCTime, YYMMDDHHMMSSZ (dates before 2050). */
function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-01-01T00:00:00.000Z
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function name(commonName: string): Buffer {
  return sequence(tlv(0x31, sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

const SHA256_WITH_RSA = sequence(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));

/** A self-signed RSA certificate (DER) for `publicKey`, valid from `notBefore` for `days`. */
export function selfSignedRsaCertificate(
  privateKey: KeyObject,
  publicKey: KeyObject,
  commonName: string,
  serial: Buffer,
  notBefore: Date,
  days: number
): Buffer {
  const notAfter = new Date(notBefore.getTime() + days * 86_400_000);
  const tbs = sequence(
    tlv(0xa0, positiveInteger(Buffer.from([2]))), // v3
    positiveInteger(serial),
    SHA256_WITH_RSA,
    name(commonName),
    sequence(utcTime(notBefore), utcTime(notAfter)),
    name(commonName),
    publicKey.export({ format: 'der', type: 'spki' })
  );
  const signature = sign('sha256', tbs, privateKey);
  return sequence(tbs, SHA256_WITH_RSA, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
}

/** RFC 7515 `x5t`: base64url SHA-1 of the certificate's DER. */
export function x5tOf(der: Buffer): string {
  return createHash('sha1').update(der).digest('base64url');
}
