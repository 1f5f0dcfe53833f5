// Tampered copies of one of our Sigstore bundles (v0.3, DSSE content), each breaking one link
// of the trust chain a verifier must check. Pure: bundle JSON in, bundle JSON out.
//   payload-byte      one byte of the signed statement changed (signature no longer covers it)
//   subject-digest    the statement re-encoded with another subject digest (same signature)
//   signature         one bit of the DSSE signature flipped
//   certificate       the leaf swapped for another run's certificate (different key, same CA)
//   log-entry-removed the Rekor entry dropped (no transparency-log evidence)
// "wrong identity policy" needs no copy: it is our own bundle checked against another signer.
import { statementOfBundle } from '../../src/provenance/statement-of-bundle.js';

export const TAMPER_CASES = [
  'payload-byte',
  'subject-digest',
  'signature',
  'certificate',
  'log-entry-removed'
] as const;
export type TamperCase = (typeof TAMPER_CASES)[number];

interface BundleShape {
  verificationMaterial: {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
    tlogEntries: unknown[];
  };
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
}

function clone(bundle: unknown): BundleShape {
  const copy = structuredClone(bundle) as BundleShape;
  if (!copy?.dsseEnvelope?.signatures?.[0] || !copy.verificationMaterial)
    throw new Error('tamper: expected a Sigstore bundle with a signed DSSE envelope');
  return copy;
}

function flipByte(base64: string, at: (length: number) => number): string {
  const bytes = Buffer.from(base64, 'base64');
  const i = at(bytes.length);
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

function leaf(bundle: BundleShape): { rawBytes: string } {
  const material = bundle.verificationMaterial;
  const found = material.certificate ?? material.x509CertificateChain?.certificates[0];
  if (!found) throw new Error('tamper: the bundle has no certificate');
  return found;
}

/**
 * One tampered copy. `otherBundle` (another signing of ours, e.g. from the container run)
 * supplies the swapped certificate.
 */
export function tamperBundle(bundle: unknown, kind: TamperCase, otherBundle?: unknown): unknown {
  const copy = clone(bundle);
  const envelope = copy.dsseEnvelope;
  switch (kind) {
    case 'payload-byte': {
      // A byte inside the JSON (past the first brace) so the statement still parses.
      envelope.payload = flipByte(envelope.payload, (n) => Math.floor(n / 2));
      break;
    }
    case 'subject-digest': {
      const outcome = statementOfBundle(copy);
      if (!outcome.ok) throw new Error(`tamper: ${outcome.problem}`);
      const statement = outcome.statement as { subject?: { digest: Record<string, string> }[] };
      const subject = statement.subject?.[0];
      if (!subject?.digest.sha256) throw new Error('tamper: the statement has no sha256 subject');
      const hex = subject.digest.sha256;
      subject.digest.sha256 = `${hex[0] === 'f' ? '0' : 'f'}${hex.slice(1)}`;
      envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
      break;
    }
    case 'signature': {
      const signature = envelope.signatures[0];
      if (signature) signature.sig = flipByte(signature.sig, (n) => n - 2);
      break;
    }
    case 'certificate': {
      if (!otherBundle) throw new Error('tamper: the certificate case needs another bundle');
      const replacement = leaf(clone(otherBundle)).rawBytes;
      if (replacement === leaf(copy).rawBytes)
        throw new Error('tamper: the other bundle carries the same certificate');
      leaf(copy).rawBytes = replacement;
      break;
    }
    case 'log-entry-removed': {
      copy.verificationMaterial.tlogEntries = [];
      break;
    }
  }
  return copy;
}

/** The SAN (URI) of the bundle's leaf certificate, read with node:crypto. */
export function leafCertificateDer(bundle: unknown): Buffer {
  return Buffer.from(leaf(clone(bundle)).rawBytes, 'base64');
}
