// Test helpers that check a cosign attestation layer offline, independently of the code under
// test: the DSSE signature against the certificate in the annotation, and the Rekor SET in the
// bundle annotation against the log's public key from a trusted root.
import { createPublicKey, createVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(process.cwd(), '__fixtures__', 'oci');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export interface TrustedRootJson {
  certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
  tlogs: { logId: { keyId: string }; publicKey: { rawBytes: string } }[];
}

export function publicGoodRoot(): TrustedRootJson {
  return JSON.parse(fixture('public-good-trusted_root.json')) as TrustedRootJson;
}

/** DSSE v1 pre-authentication encoding. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType);
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `),
    type,
    Buffer.from(` ${payload.length} `),
    payload
  ]);
}

/** True when the envelope's (single) signature verifies with the key of the PEM certificate. */
export function dsseSignatureVerifies(envelopeJson: Buffer, certificatePem: string): boolean {
  const envelope = JSON.parse(envelopeJson.toString('utf8')) as {
    payloadType: string;
    payload: string;
    signatures: { sig: string }[];
  };
  const cert = new X509Certificate(certificatePem);
  const sig = envelope.signatures[0]?.sig ?? '';
  return createVerify('sha256')
    .update(pae(envelope.payloadType, Buffer.from(envelope.payload, 'base64')))
    .verify(cert.publicKey, Buffer.from(sig, 'base64'));
}

/** Canonical JSON (sorted keys, no spaces) of the fields the Rekor SET signs. */
export function setPayload(p: {
  body: string;
  integratedTime: number;
  logIndex: number;
  logID: string;
}): Buffer {
  return Buffer.from(
    JSON.stringify({
      body: p.body,
      integratedTime: p.integratedTime,
      logID: p.logID,
      logIndex: p.logIndex
    })
  );
}

/** Verifies the SET of a `dev.sigstore.cosign/bundle` annotation with the log key it names. */
export function setVerifies(bundleAnnotation: string, root: TrustedRootJson): boolean {
  const parsed = JSON.parse(bundleAnnotation) as {
    SignedEntryTimestamp: string;
    Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
  };
  const log = root.tlogs.find(
    (t) => Buffer.from(t.logId.keyId, 'base64').toString('hex') === parsed.Payload.logID
  );
  if (!log) return false;
  const key = createPublicKey({
    key: Buffer.from(log.publicKey.rawBytes, 'base64'),
    format: 'der',
    type: 'spki'
  });
  return createVerify('sha256')
    .update(setPayload(parsed.Payload))
    .verify(key, Buffer.from(parsed.SignedEntryTimestamp, 'base64'));
}

/** True when each PEM certificate in `chainPem` is signed by the next, and the first signed the leaf. */
export function chainLinksLeaf(leafPem: string, chainPem: string): boolean {
  const certs = chainPem
    .split(/(?=-----BEGIN CERTIFICATE-----)/)
    .filter((c) => c.trim() !== '')
    .map((c) => new X509Certificate(c));
  let child = new X509Certificate(leafPem);
  for (const parent of certs) {
    if (!child.verify(parent.publicKey)) return false;
    child = parent;
  }
  return certs.length > 0;
}
