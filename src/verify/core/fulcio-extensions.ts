// Reads the signer's identity out of a Fulcio leaf certificate.
// OIDs 1.3.6.1.4.1.57264.1.1–.6 (legacy) hold the raw string bytes as the extension value;
// .8 onwards hold a DER UTF8String. Unknown or malformed values are left out, never guessed.
import { ASN1Obj, X509Certificate } from '@sigstore/core';
import { ProvenanceError, describeError } from '../../errors.js';
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
  '22': 'sourceRepositoryVisibility',
  // Fulcio docs/oid-info.md: .1.23 deployment environment, .1.24 the raw `sub` claim.
  '23': 'deploymentEnvironment',
  '24': 'tokenSubject'
};

/**
 * @sigstore/core decodes extensions lazily and throws TypeErrors on malformed DER (a SAN whose
 * GeneralNames are not a SEQUENCE, a truncated extension list): one clear error instead.
 */
function readingCertificate<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `signing certificate: the ${what} is malformed (${describeError(e)})`
    );
  }
}

export function decodeFulcioExtensions(cert: X509Certificate): FulcioExtensions {
  return readingCertificate('extension list', () => decodeExtensions(cert));
}

function decodeExtensions(cert: X509Certificate): FulcioExtensions {
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

// Fulcio's otherName SAN for "username" identities (e.g. `foo!oidc.local` from a private
// instance's issuer): sigstore-go matches it like a URI or email SAN.
const FULCIO_USERNAME_OID = '1.3.6.1.4.1.57264.1.7';

function subjectAlternativeName(
  cert: X509Certificate
):
  | { subjectAlternativeName: string; subjectAlternativeNameKind: 'uri' | 'email' | 'username' }
  | undefined {
  const ext = cert.extSubjectAltName;
  if (ext === undefined) return undefined;
  const uri = ext.uri;
  if (uri) return { subjectAlternativeName: uri, subjectAlternativeNameKind: 'uri' };
  const email = ext.rfc822Name;
  if (email) return { subjectAlternativeName: email, subjectAlternativeNameKind: 'email' };
  let username: string | undefined;
  try {
    username = ext.otherName(FULCIO_USERNAME_OID);
  } catch {
    username = undefined; // a malformed otherName is no identity
  }
  return username
    ? { subjectAlternativeName: username, subjectAlternativeNameKind: 'username' }
    : undefined;
}

export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const extensions = decodeFulcioExtensions(cert);
  const san = readingCertificate('subjectAlternativeName', () => subjectAlternativeName(cert));
  return {
    ...(san ?? {}),
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
