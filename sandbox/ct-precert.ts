// RFC 6962 §3.2 precertificate SCTs, computed from the raw DER so the signed bytes are exactly
// what a verifier rebuilds: the precertificate's TBSCertificate with the poison extension
// (1.3.6.1.4.1.11129.2.4.3) removed. Verifiers (certificate-transparency-go's BuildPrecertTBS,
// sigstore-js, sigstore-python) rebuild the same bytes from the final certificate by removing
// its SCT-list extension, so any re-encoding here would break every SCT. Used by the CT log's
// standard `add-pre-chain` route, which the real Fulcio calls.
import { createHash, sign, type KeyObject } from 'node:crypto';

/** DER of OID 1.3.6.1.4.1.11129.2.4.3 (CT precertificate poison), value bytes only. */
const POISON_OID = Buffer.from([0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x03]);

interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset one past the last content byte. */
  end: number;
}

function byteAt(der: Buffer, at: number): number {
  const value = der[at];
  if (value === undefined) throw new Error('DER: truncated');
  return value;
}

function nth(list: Tlv[], index: number, what: string): Tlv {
  const item = list[index];
  if (!item) throw new Error(`DER: no ${what}`);
  return item;
}

function readTlv(der: Buffer, at: number): Tlv {
  const tag = byteAt(der, at);
  let len = byteAt(der, at + 1);
  let contentStart = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER: unsupported length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + byteAt(der, at + 2 + i);
    contentStart += n;
  }
  const end = contentStart + len;
  if (end > der.length) throw new Error('DER: length past the end');
  return { tag, start: at, contentStart, end };
}

function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const t = readTlv(der, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

function encodeLength(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function wrap(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

/** The precertificate's TBSCertificate without the poison extension (RFC 6962 §3.2). */
export function precertTbsWithoutPoison(precertDer: Buffer): Buffer {
  const cert = readTlv(precertDer, 0);
  const tbs = nth(children(precertDer, cert), 0, 'TBSCertificate');
  const fields = children(precertDer, tbs);
  const parts = fields.map((field) => {
    if (field.tag !== 0xa3) return precertDer.subarray(field.start, field.end);
    const extensionsSeq = nth(children(precertDer, field), 0, 'extensions');
    const kept = children(precertDer, extensionsSeq).filter((ext) => {
      const oid = nth(children(precertDer, ext), 0, 'extension OID');
      return !precertDer.subarray(oid.contentStart, oid.end).equals(POISON_OID);
    });
    const seq = wrap(0x30, Buffer.concat(kept.map((e) => precertDer.subarray(e.start, e.end))));
    return wrap(0xa3, seq);
  });
  return wrap(0x30, Buffer.concat(parts));
}

/** SHA-256 of the issuer certificate's SubjectPublicKeyInfo (RFC 6962 issuer_key_hash). */
export function issuerKeyHash(issuerCertDer: Buffer): Buffer {
  const cert = readTlv(issuerCertDer, 0);
  const tbs = nth(children(issuerCertDer, cert), 0, 'TBSCertificate');
  const fields = children(issuerCertDer, tbs);
  // TBSCertificate: [0] version (explicit, optional), serial, signature, issuer, validity,
  // subject, subjectPublicKeyInfo, ...
  const offset = nth(fields, 0, 'TBS field').tag === 0xa0 ? 1 : 0;
  const spki = nth(fields, offset + 5, 'subjectPublicKeyInfo');
  return createHash('sha256').update(issuerCertDer.subarray(spki.start, spki.end)).digest();
}

export interface SignedCertificateTimestampJson {
  sct_version: 0;
  id: string;
  timestamp: number;
  extensions: string;
  signature: string;
}

/**
 * Signs an RFC 6962 precert_entry SCT and answers in the add-pre-chain JSON shape
 * (RFC 6962 §4.1): the signature is a TLS DigitallySigned (sha256 = 4, ecdsa = 3).
 */
export function signPrecertSct(options: {
  precertDer: Buffer;
  issuerDer: Buffer;
  privateKey: KeyObject;
  logId: Buffer;
  now?: number;
}): SignedCertificateTimestampJson {
  const timestamp = options.now ?? Date.now();
  const tbs = precertTbsWithoutPoison(options.precertDer);
  const header = Buffer.alloc(12);
  header.writeUInt8(0, 0); // sct_version v1
  header.writeUInt8(0, 1); // signature_type certificate_timestamp
  header.writeBigUInt64BE(BigInt(timestamp), 2);
  header.writeUInt16BE(1, 10); // entry_type precert_entry
  const tbsLength = Buffer.alloc(3);
  tbsLength.writeUIntBE(tbs.length, 0, 3);
  const signed = Buffer.concat([
    header,
    issuerKeyHash(options.issuerDer),
    tbsLength,
    tbs,
    Buffer.from([0, 0]) // no extensions
  ]);
  const signature = sign('sha256', signed, options.privateKey);
  const digitallySigned = Buffer.alloc(4);
  digitallySigned.writeUInt8(4, 0);
  digitallySigned.writeUInt8(3, 1);
  digitallySigned.writeUInt16BE(signature.length, 2);
  return {
    sct_version: 0,
    id: options.logId.toString('base64'),
    timestamp,
    extensions: '',
    signature: Buffer.concat([digitallySigned, signature]).toString('base64')
  };
}
