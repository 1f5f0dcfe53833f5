// Cryptographic verification of one parsed Sigstore bundle: signature, certificate chain (or
// trusted key), transparency-log inclusion/SET, timestamps and SCTs, via @sigstore/verify —
// plus the checks it leaves to the caller (future log times, digest-only artifacts, subjects).
import { X509Certificate, crypto } from '@sigstore/core';
import {
  VerificationError,
  Verifier,
  toSignedEntity,
  type SignedEntity,
  type TrustMaterial,
  type VerifierOptions
} from '@sigstore/verify';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { ProvenanceError, describeError } from '../../errors.js';
import { INTOTO_PAYLOAD_TYPE } from '../../types.js';
import { artifactDigest, describeArtifact, type ArtifactInput } from './artifact.js';
import { verifyDigestSignature } from './digest-signature.js';
import { certificateIdentity, certificatePem } from './fulcio-extensions.js';
import type { ParsedBundle } from './parse-bundle.js';
import { selectVerifiableTimestamps, signedTimestampListProblem } from './signed-timestamps.js';
import type {
  EnvelopeFormat,
  VerifiedEnvelope,
  VerifiedSigner,
  VerifiedTimestamp
} from './types.js';

// Clock skew tolerated before a log's integrated time counts as "in the future".
const FUTURE_SKEW_MS = 60_000;

const HASH_NAMES: Partial<Record<HashAlgorithm, string>> = {
  [HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
  [HashAlgorithm.SHA2_256]: 'sha256',
  [HashAlgorithm.SHA2_384]: 'sha384',
  [HashAlgorithm.SHA2_512]: 'sha512'
};

export interface BundleVerifyOptions {
  trustMaterial: TrustMaterial;
  /** When given, the bundle must be about this artifact. */
  artifact?: ArtifactInput;
  /** Label for the resulting envelope (e.g. 'cosign-layout' when rebuilt from OCI annotations). */
  format?: EnvelopeFormat;
  index?: number;
  /** Where the bundle came from, for messages. */
  origin?: string;
  now?: Date;
}

export function verifyParsedBundle(
  parsed: ParsedBundle,
  options: BundleVerifyOptions
): VerifiedEnvelope {
  const { bundle } = parsed;
  const origin = options.origin ?? 'bundle';
  const now = options.now ?? new Date();
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    const integrated = Number(entry.integratedTime ?? '0') * 1000;
    if (integrated > now.getTime() + FUTURE_SKEW_MS) {
      fail(
        origin,
        `transparency log entry ${entry.logIndex} claims integration at ${new Date(integrated).toISOString()}, which is in the future`
      );
    }
  }
  if (
    parsed.version === 'bundle-v0.3' &&
    bundle.verificationMaterial.content.$case === 'x509CertificateChain'
  ) {
    fail(origin, 'a v0.3 bundle must carry a single leaf certificate, not a chain');
  }
  const timestampListProblem = signedTimestampListProblem(bundle);
  if (timestampListProblem) fail(origin, timestampListProblem);

  let entity: SignedEntity;
  try {
    entity = toSignedEntity(
      bundle,
      options.artifact?.kind === 'bytes' ? options.artifact.bytes : undefined
    );
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: cannot read bundle material: ${describeError(e)}`
    );
  }

  const content = bundle.content;
  let messageDigest: VerifiedEnvelope['messageDigest'];
  if (content.$case === 'messageSignature') {
    const algorithm = HASH_NAMES[content.messageSignature.messageDigest.algorithm];
    if (!algorithm) fail(origin, 'message digest uses an unsupported hash algorithm');
    const bundleDigest = Buffer.from(content.messageSignature.messageDigest.digest);
    messageDigest = { algorithm, digest: bundleDigest };
    if (options.artifact) {
      const actual = artifactDigest(options.artifact, algorithm);
      if (!actual)
        fail(
          origin,
          `the bundle signs a ${algorithm} digest but the artifact was given as ${describeArtifact(options.artifact)}`
        );
      if (!crypto.bufferEqual(actual, bundleDigest)) {
        fail(
          origin,
          `artifact digest mismatch: bundle signs ${algorithm}:${bundleDigest.toString('hex')}, artifact is ${algorithm}:${actual.toString('hex')}`
        );
      }
    }
    if (options.artifact?.kind !== 'bytes') {
      // Only the digest is known: check the signature against it instead of re-hashing bytes.
      entity = withDigestSignature(entity, algorithm, bundleDigest, origin);
    }
  }

  // Timestamps (SET / RFC 3161), certificate chain at those times + SCTs (or the trusted
  // key's validity), log inclusion (SET or Merkle proof + checkpoint) and body, signature.
  const verifier = new Verifier(options.trustMaterial, thresholdsFor(options.trustMaterial));
  let setAside: string[] = [];
  try {
    try {
      verifier.verify(entity);
    } catch (e) {
      // The library checks timestamps first, so only a timestamp error can mean an RFC 3161
      // timestamp needs setting aside (see signed-timestamps.ts). Selecting is a verification
      // per timestamp, so it runs only then, not for every bundle.
      if (!isTimestampError(e) || !hasSignedTimestamp(entity)) throw e;
      const selection = selectVerifiableTimestamps(entity, options.trustMaterial);
      entity = selection.entity;
      setAside = selection.setAside;
      verifier.verify(entity);
    }
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    fail(origin, explainVerificationError(e, entity, setAside));
  }

  const envelope = buildEnvelope(parsed, entity, options, messageDigest);
  if (content.$case === 'dsseEnvelope' && options.artifact) {
    checkArtifactInSubjects(envelope, options.artifact, origin);
  }
  return envelope;
}

function isTimestampError(e: unknown): boolean {
  return e instanceof VerificationError && e.code === 'TIMESTAMP_ERROR';
}

function hasSignedTimestamp(entity: SignedEntity): boolean {
  return entity.timestamps.some((t) => t.$case === 'timestamp-authority');
}

// The trusted root says which evidence exists: a private instance (GitHub's Fulcio + TSA) has
// no transparency or CT log, so demanding entries from them would reject all its bundles.
// Where the root names a log, one verified entry (or SCT) is required; one verified timestamp
// is always required.
function thresholdsFor(trust: TrustMaterial): VerifierOptions {
  return {
    tlogThreshold: trust.tlogs.length > 0 ? 1 : 0,
    ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
    timestampThreshold: 1
  };
}

function withDigestSignature(
  entity: SignedEntity,
  algorithm: string,
  digest: Buffer,
  origin: string
): SignedEntity {
  const original = entity.signature;
  return {
    ...entity,
    signature: {
      signature: original.signature,
      compareSignature: (s) => original.compareSignature(s),
      compareDigest: (d) => original.compareDigest(d),
      compareSignedDigest: (d) => original.compareSignedDigest(d),
      verifySignature: (key) => {
        const result = verifyDigestSignature(key, algorithm, digest, original.signature);
        if (!result.ok) fail(origin, `signature verification failed: ${result.reason}`);
        return true;
      }
    }
  };
}

function buildEnvelope(
  parsed: ParsedBundle,
  entity: SignedEntity,
  options: BundleVerifyOptions,
  messageDigest: VerifiedEnvelope['messageDigest']
): VerifiedEnvelope {
  const { bundle } = parsed;
  let signer: VerifiedSigner;
  if (entity.key.$case === 'certificate') {
    const cert: X509Certificate = entity.key.certificate;
    signer = {
      kind: 'certificate',
      identity: certificateIdentity(cert),
      certificatePem: certificatePem(cert)
    };
  } else {
    signer = { kind: 'key', ...(entity.key.hint ? { keyId: entity.key.hint } : {}) };
  }
  // Only times the verifier vouched for: an integrated time counts when its SET (inclusion
  // promise) was checked; a Rekor v2 entry has none and relies on its RFC 3161 timestamp.
  const timestamps: VerifiedTimestamp[] = [];
  for (const t of entity.timestamps) {
    if (t.$case === 'timestamp-authority') {
      timestamps.push({ source: 'tsa', time: t.timestamp.signingTime });
    } else if (t.tlogEntry.inclusionPromise) {
      timestamps.push({
        source: 'tlog',
        time: new Date(Number(t.tlogEntry.integratedTime) * 1000)
      });
    }
  }
  const base = {
    format: options.format ?? parsed.version,
    signer,
    timestamps,
    index: options.index ?? 0
  };
  if (bundle.content.$case === 'dsseEnvelope') {
    const env = bundle.content.dsseEnvelope;
    const payload = Buffer.from(env.payload);
    return {
      ...base,
      payloadType: env.payloadType,
      payload,
      statement:
        env.payloadType === INTOTO_PAYLOAD_TYPE
          ? parseStatement(payload, options.origin ?? 'bundle')
          : undefined
    };
  }
  return {
    ...base,
    payloadType: '',
    payload: Buffer.alloc(0),
    statement: undefined,
    ...(messageDigest ? { messageDigest } : {})
  };
}

function parseStatement(payload: Buffer, origin: string): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: signed in-toto payload is not JSON: ${describeError(e)}`
    );
  }
}

export function checkArtifactInSubjects(
  envelope: VerifiedEnvelope,
  artifact: ArtifactInput,
  origin: string
): void {
  const subjects = (envelope.statement as { subject?: unknown } | undefined)?.subject;
  if (!Array.isArray(subjects))
    fail(origin, 'the signed statement has no subject list to match the artifact against');
  for (const subject of subjects) {
    const digests = (subject as { digest?: unknown })?.digest;
    if (typeof digests !== 'object' || digests === null) continue;
    for (const [algorithm, hex] of Object.entries(digests as Record<string, unknown>)) {
      if (typeof hex !== 'string' || !/^[0-9a-fA-F]+$/.test(hex)) continue;
      if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) continue;
      const actual = artifactDigest(artifact, algorithm);
      if (actual && crypto.bufferEqual(actual, Buffer.from(hex.toLowerCase(), 'hex'))) return;
    }
  }
  fail(
    origin,
    `artifact ${describeArtifact(artifact)} is not among the ${subjects.length} subject(s) of the signed statement`
  );
}

/** The library's error, plus the facts in the bundle that explain it. */
function explainVerificationError(e: unknown, entity: SignedEntity, setAside: string[]): string {
  const base = describeVerificationError(e);
  const code = (e as { code?: unknown }).code;
  if (code === 'TIMESTAMP_ERROR' && setAside.length > 0) {
    return `${base}; no verified time source remains: ${setAside.join('; ')}`;
  }
  if (code === 'CERTIFICATE_ERROR' && entity.key.$case === 'certificate') {
    const outside = timesOutsideValidity(entity.key.certificate, entity);
    if (outside.length > 0) return `${base}; ${outside.join('; ')}`;
  }
  return base;
}

/** Verified times at which the signing certificate was not valid (expired or not yet valid). */
function timesOutsideValidity(cert: X509Certificate, entity: SignedEntity): string[] {
  const validity = `valid ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}`;
  const found: string[] = [];
  for (const t of entity.timestamps) {
    const time =
      t.$case === 'timestamp-authority'
        ? { source: 'RFC 3161 timestamp', at: t.timestamp.signingTime }
        : t.tlogEntry.inclusionPromise
          ? {
              source: 'transparency log integrated time',
              at: new Date(Number(t.tlogEntry.integratedTime) * 1000)
            }
          : undefined;
    if (!time) continue;
    if (time.at > cert.notAfter) {
      found.push(
        `${time.source} ${time.at.toISOString()} is after the signing certificate expired (${validity})`
      );
    } else if (time.at < cert.notBefore) {
      found.push(
        `${time.source} ${time.at.toISOString()} is before the signing certificate's validity period (${validity})`
      );
    }
  }
  return found;
}

function describeVerificationError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const cause = (e as { cause?: unknown }).cause;
  const base = describeError(e);
  const detail = cause ? `${base} (${describeError(cause)})` : base;
  return typeof code === 'string' ? `${code}: ${detail}` : detail;
}

function fail(origin: string, reason: string): never {
  throw new ProvenanceError('VERIFY_FAILED', `${origin}: ${reason}`);
}
