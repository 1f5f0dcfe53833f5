// Reads the parts of a Sigstore bundle (JSON, DSSE content) that the OCI publications need,
// checking each one is there and well-formed before anything is uploaded.
import { X509Certificate } from 'node:crypto';
import { ProvenanceError } from '../../errors.js';
import { statementOfEnvelope } from '../../provenance/statement-of-bundle.js';

export interface DsseSignature {
  sig: string;
  keyid?: string;
}

/** The Rekor v1 entry and its SET: what cosign's `.att` layout carries. */
export interface TlogParts {
  logIndex: string;
  logIdHex: string;
  integratedTime: string;
  canonicalizedBody: string;
  signedEntryTimestamp: string;
  /** sha256 hex of the envelope bytes Rekor logged (dsse envelopeHash / intoto content hash). */
  loggedEnvelopeHash?: string;
}

/**
 * What the OCI referrer needs: the bundle itself. A Rekor v2 entry has no SET and GitHub's
 * instance writes no entry, so `tlog` is there only when the bundle has a Rekor v1 SET.
 */
export interface ReferrerBundleParts extends Omit<BundleParts, 'tlog'> {
  tlog?: TlogParts;
}

export interface BundleParts {
  mediaType: string;
  /** The bundle exactly as given, for the referrer artifact. */
  json: string;
  envelope: { payloadType: string; payload: string; signatures: DsseSignature[] };
  predicateType: string;
  leafDer: Buffer;
  /** Certificates after the leaf, when the bundle carries a chain (v0.1/v0.2). */
  chainDer: Buffer[];
  tlog: TlogParts;
}

type Json = Record<string, unknown>;

function fail(problem: string): never {
  throw new ProvenanceError('FORMAT_INVALID', `Sigstore bundle: ${problem}`);
}

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(
      `expected ${where} to be an object, found ${Array.isArray(value) ? 'an array' : typeof value}`
    );
  return value as Json;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '')
    fail(`expected ${where} to be a non-empty string, found ${typeof value}`);
  return value;
}

function base64(value: unknown, where: string): string {
  const text = string(value, where);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) fail(`expected ${where} to be base64`);
  return text;
}

function decimal(value: unknown, where: string): string {
  const text = typeof value === 'number' ? String(value) : string(value, where);
  if (!/^[0-9]+$/.test(text))
    fail(`expected ${where} to be a non-negative integer, found "${text}"`);
  return text;
}

/** The envelope hash a Rekor dsse (0.0.1) or intoto (0.0.2) body records, if it has one. */
function loggedEnvelopeHash(canonicalizedBody: string): string | undefined {
  try {
    const body = JSON.parse(Buffer.from(canonicalizedBody, 'base64').toString('utf8')) as {
      spec?: { envelopeHash?: { value?: unknown }; content?: { hash?: { value?: unknown } } };
    };
    const value = body.spec?.envelopeHash?.value ?? body.spec?.content?.hash?.value;
    return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function certificate(rawBytes: unknown, where: string): Buffer {
  const der = Buffer.from(base64(rawBytes, where), 'base64');
  try {
    new X509Certificate(der);
  } catch {
    fail(`${where} is not a DER X.509 certificate`);
  }
  return der;
}

/** The bundle's parts for the cosign layout: a Rekor entry with its SET is required. */
export function parseBundle(input: string | Json): BundleParts {
  return parseBundleParts(input, true) as BundleParts;
}

/** The bundle's parts for the OCI referrer alone: any log entry, or none, will do. */
export function parseReferrerBundle(input: string | Json): ReferrerBundleParts {
  return parseBundleParts(input, false);
}

function parseBundleParts(input: string | Json, requireSet: boolean): ReferrerBundleParts {
  let bundle: Json;
  if (typeof input === 'string') {
    try {
      bundle = object(JSON.parse(input), 'the bundle');
    } catch (e) {
      if (e instanceof ProvenanceError) throw e;
      fail('not valid JSON');
    }
  } else bundle = input;
  const mediaType = string(bundle.mediaType, 'mediaType');
  if (!mediaType.startsWith('application/vnd.dev.sigstore.bundle'))
    fail(`expected a mediaType application/vnd.dev.sigstore.bundle…, found "${mediaType}"`);

  const dsse = object(bundle.dsseEnvelope, 'dsseEnvelope (only DSSE bundles can be attestations)');
  const payloadType = string(dsse.payloadType, 'dsseEnvelope.payloadType');
  const payload = base64(dsse.payload, 'dsseEnvelope.payload');
  if (!Array.isArray(dsse.signatures) || dsse.signatures.length !== 1)
    fail('expected dsseEnvelope.signatures to hold exactly one signature');
  const signature = object(dsse.signatures[0], 'dsseEnvelope.signatures[0]');
  const sig = base64(signature.sig, 'dsseEnvelope.signatures[0].sig');

  const decoded = statementOfEnvelope({ payloadType, payload });
  if (!decoded.ok)
    fail(`expected a DSSE envelope over an in-toto statement, found ${decoded.problem}`);
  const predicateType = string(decoded.statement.predicateType, 'the statement predicateType');

  const material = object(bundle.verificationMaterial, 'verificationMaterial');
  let leafDer: Buffer;
  let chainDer: Buffer[] = [];
  if (material.certificate !== undefined) {
    leafDer = certificate(
      object(material.certificate, 'certificate').rawBytes,
      'certificate.rawBytes'
    );
  } else if (material.x509CertificateChain !== undefined) {
    const certs = object(material.x509CertificateChain, 'x509CertificateChain').certificates;
    if (!Array.isArray(certs) || certs.length === 0)
      fail('expected x509CertificateChain.certificates to be a non-empty array');
    const ders = certs.map((c, i) =>
      certificate(object(c, `certificates[${i}]`).rawBytes, `certificates[${i}].rawBytes`)
    );
    leafDer = ders[0] as Buffer;
    chainDer = ders.slice(1);
  } else fail('expected a Fulcio certificate (verificationMaterial.certificate), found none');

  const partsWithoutLog = () => ({
    mediaType,
    json: typeof input === 'string' ? input.trim() : JSON.stringify(input),
    envelope: {
      payloadType,
      payload,
      signatures: [
        {
          sig,
          ...(typeof signature.keyid === 'string' ? { keyid: signature.keyid } : {})
        }
      ]
    },
    predicateType,
    leafDer,
    chainDer
  });

  const entries = material.tlogEntries;
  const first = Array.isArray(entries) ? (entries[0] as Json | undefined) : undefined;
  const hasSet =
    typeof first === 'object' && first !== null && first.inclusionPromise !== undefined;
  if (!requireSet && !hasSet) return partsWithoutLog();
  if (!Array.isArray(entries) || entries.length === 0)
    fail('expected a Rekor entry in verificationMaterial.tlogEntries, found none');
  const entry = object(entries[0], 'tlogEntries[0]');
  const promise = object(
    entry.inclusionPromise,
    'tlogEntries[0].inclusionPromise (the Rekor SET cosign reads)'
  );
  const tlog: BundleParts['tlog'] = {
    // proto3 JSON leaves out zero values: an absent logIndex is entry 0 of the log
    logIndex:
      entry.logIndex === undefined ? '0' : decimal(entry.logIndex, 'tlogEntries[0].logIndex'),
    logIdHex: Buffer.from(
      base64(object(entry.logId, 'tlogEntries[0].logId').keyId, 'tlogEntries[0].logId.keyId'),
      'base64'
    ).toString('hex'),
    integratedTime: decimal(entry.integratedTime, 'tlogEntries[0].integratedTime'),
    canonicalizedBody: base64(entry.canonicalizedBody, 'tlogEntries[0].canonicalizedBody'),
    signedEntryTimestamp: base64(
      promise.signedEntryTimestamp,
      'tlogEntries[0].inclusionPromise.signedEntryTimestamp'
    )
  };
  const logged = loggedEnvelopeHash(tlog.canonicalizedBody);
  if (logged) tlog.loggedEnvelopeHash = logged;

  return { ...partsWithoutLog(), tlog };
}
