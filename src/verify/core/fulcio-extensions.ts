// Reads the signer's identity out of a Fulcio leaf certificate.
// OIDs 1.3.6.1.4.1.57264.1.1–.6 (legacy) hold the raw string bytes as the extension value;
// .8 onwards hold a DER UTF8String. Unknown or malformed values are left out, never guessed.
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import type { CertificateIdentity, FulcioExtensions } from './types.js';

const FULCIO_OID = '1.3.6.1.4.1.57264.1.';
const UTF8_STRING_TAG = 0x0c;

const LEGACY_RAW: Record<string, keyof FulcioExtensions> = {
  '1': 'legacyIssuer',
  '2': 'legacyWorkflowTrigger',
  '3': 'legacySha',
  '4': 'legacyWorkflowName',
  '5': 'legacyRepository',
  '6': 'legacyRef'
};

const DER_UTF8: Record<string, keyof FulcioExtensions> = {
  '8': 'issuerV2',
  '9': 'buildSignerURI',
  '10': 'buildSignerDigest',
  '11': 'runnerEnvironment',
  '12': 'sourceRepositoryURI',
  '13': 'sourceRepositoryDigest',
  '14': 'sourceRepositoryRef',
  '15': 'sourceRepositoryIdentifier',
  '16': 'sourceRepositoryOwnerURI',
  '17': 'sourceRepositoryOwnerIdentifier',
  '18': 'buildConfigURI',
  '19': 'buildConfigDigest',
  '20': 'buildTrigger',
  '21': 'runInvocationURI',
  '22': 'sourceRepositoryVisibility'
};

export function decodeFulcioExtensions(cert: X509Certificate): FulcioExtensions {
  const out: FulcioExtensions = {};
  for (const ext of cert.extensions) {
    const oid = ext.subs[0]?.toOID();
    if (!oid?.startsWith(FULCIO_OID)) continue;
    const arc = oid.slice(FULCIO_OID.length);
    const value = cert.extension(oid)?.value;
    if (!value) continue;
    const legacy = LEGACY_RAW[arc];
    if (legacy) {
      out[legacy] = value.toString('utf8');
      continue;
    }
    const named = DER_UTF8[arc];
    if (named) {
      const text = derUtf8(value);
      if (text !== undefined) out[named] = text;
    }
  }
  return out;
}

function derUtf8(value: Buffer): string | undefined {
  try {
    const obj = ASN1Obj.parseBuffer(Buffer.from(value));
    if (obj.tag.number !== UTF8_STRING_TAG || obj.tag.constructed) return undefined;
    return obj.value.toString('utf8');
  } catch {
    return undefined;
  }
}

export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const extensions = decodeFulcioExtensions(cert);
  const san = cert.subjectAltName;
  return {
    ...(san !== undefined ? { subjectAlternativeName: san } : {}),
    ...((extensions.issuerV2 ?? extensions.legacyIssuer) !== undefined
      ? { issuer: extensions.issuerV2 ?? extensions.legacyIssuer }
      : {}),
    extensions
  };
}

export function certificatePem(cert: X509Certificate): string {
  const b64 = cert.root.toDER().toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
