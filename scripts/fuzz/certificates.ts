// Fuzz target for the Fulcio certificate extensions the verifier reads (1.3.6.1.4.1.57264.1.x)
// and the SAN: certificates built here, DER by hand, with hostile extension values, plus real
// certificates with bytes flipped. Parsing the outer structure is @sigstore/core's job (its
// rejection is not ours to judge); once it hands us a certificate, reading the identity must
// give a value or our error.
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { X509Certificate } from '@sigstore/core';
import { certificateIdentity } from '../../src/verify/core/fulcio-extensions.js';
import { fuzzTarget, invariant } from './target.js';

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

const SPKI = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
  format: 'der',
  type: 'spki'
});
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export interface ExtensionSpec {
  oid: string;
  critical: boolean;
  value: Buffer;
}

/** A certificate (DER) with these extensions; the signature is junk, as nothing checks it here. */
export function certificate(extensions: ExtensionSpec[]): Buffer {
  const name = seq(tlv(0x31, seq(oid('2.5.4.10'), tlv(0x0c, Buffer.from('sigstore.dev')))));
  const validity = seq(
    tlv(0x17, Buffer.from('250101000000Z')),
    tlv(0x17, Buffer.from('250101001000Z'))
  );
  const exts = extensions.map((e) =>
    seq(oid(e.oid), ...(e.critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, e.value))
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, Buffer.from([0x01, 0x23])),
    ECDSA_SHA256,
    name,
    validity,
    seq(),
    SPKI,
    tlv(0xa3, seq(...exts))
  );
  return seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0, 1, 2, 3])));
}

const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'https://github.com/o/r/.github/workflows/a.yml@refs/tags/v1',
    'github-hosted',
    '\u0000',
    '\ud800'
  )
);
const bytesArb = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a));

/** An extension value: raw text (legacy arcs), DER UTF8String (new arcs), wrong tags, noise. */
const valueArb: fc.Arbitrary<Buffer> = fc.oneof(
  textArb.map((t) => Buffer.from(t)),
  textArb.map((t) => tlv(0x0c, Buffer.from(t))),
  fc.tuple(fc.integer({ min: 0, max: 255 }), bytesArb).map(([tag, b]) => tlv(tag, b)),
  fc.tuple(textArb, fc.nat()).map(([t, cut]) => {
    const der = tlv(0x0c, Buffer.from(t));
    return der.subarray(0, cut % (der.length + 1));
  }),
  bytesArb
);

/** SAN GeneralNames: URI [6], email [1], otherName [0] (Fulcio's username), or noise. */
const sanArb: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .array(
      fc.oneof(
        textArb.map((t) => tlv(0x86, Buffer.from(t))),
        textArb.map((t) => tlv(0x81, Buffer.from(t))),
        fc
          .tuple(fc.constantFrom('1.3.6.1.4.1.57264.1.7', '1.2.3'), valueArb)
          .map(([o, v]) => tlv(0xa0, oid(o), tlv(0xa0, v))),
        fc.tuple(fc.integer({ min: 0x80, max: 0xbf }), bytesArb).map(([tag, b]) => tlv(tag, b))
      ),
      { maxLength: 3 }
    )
    .map((names) => seq(...names)),
  bytesArb
);

const extensionArb: fc.Arbitrary<ExtensionSpec> = fc.oneof(
  fc.record({
    oid: fc.integer({ min: 1, max: 24 }).map((arc) => `1.3.6.1.4.1.57264.1.${arc}`),
    critical: fc.boolean(),
    value: valueArb
  }),
  fc.record({ oid: fc.constant('2.5.29.17'), critical: fc.boolean(), value: sanArb })
);

const certArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 5, arbitrary: fc.array(extensionArb, { maxLength: 8 }).map(certificate) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(extensionArb, { minLength: 1, maxLength: 4 }).map(certificate),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4
        })
      )
      .map(([der, flips]) => {
        const b = Buffer.from(der);
        for (const [at, byte] of flips) b[at % b.length] = byte;
        return b;
      })
  }
);

export const certificateTargets = [
  fuzzTarget('fulcio-extensions', certArb, (der) => {
    let cert: X509Certificate;
    try {
      cert = X509Certificate.parse(Buffer.from(der));
    } catch {
      return; // not a certificate at all: @sigstore/core refused it before we saw it
    }
    const identity = certificateIdentity(cert);
    for (const value of Object.values(identity.extensions))
      invariant(typeof value === 'string', 'an extension decoded to a non-string');
  })
];
