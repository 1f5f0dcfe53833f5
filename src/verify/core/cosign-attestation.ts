// cosign's OCI attestation layout: a DSSE envelope layer plus annotations holding the Fulcio
// leaf, its chain and the Rekor "bundle" (SET + entry payload). We rebuild the v0.1 Sigstore
// bundle those pieces amount to and verify it like any other (the SET against the Rekor key in
// the trusted root, the body against the envelope).
import { createHash } from 'node:crypto';
import { pem } from '@sigstore/core';
import type { TrustMaterial } from '@sigstore/verify';
import { ProvenanceError, describeError } from '../../errors.js';
import type { ArtifactInput } from './artifact.js';
import { parseDsseEnvelope } from './dsse-envelope.js';
import { parseSigstoreBundle } from './parse-bundle.js';
import type { VerifiedEnvelope } from './types.js';
import { verifyParsedBundle } from './verify-sigstore-bundle.js';

export const COSIGN_DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
export const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
export const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';

export interface CosignAttestationOptions {
  /** When given, the layer bytes must hash to this (`sha256:<hex>` from the manifest). */
  layerDigest?: string;
  /** When given (e.g. the image digest), it must be one of the statement's subjects. */
  subjectDigest?: ArtifactInput;
  origin?: string;
}

interface RekorBundleAnnotation {
  SignedEntryTimestamp: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

export function verifyCosignAttestation(
  layerBytes: Buffer,
  annotations: Record<string, string>,
  trustMaterial: TrustMaterial,
  options: CosignAttestationOptions = {}
): VerifiedEnvelope {
  const origin = options.origin ?? 'cosign attestation layer';
  if (options.layerDigest !== undefined) {
    const actual = `sha256:${createHash('sha256').update(layerBytes).digest('hex')}`;
    if (actual !== options.layerDigest) {
      throw new ProvenanceError(
        'VERIFY_FAILED',
        `${origin}: layer digest mismatch: manifest says ${options.layerDigest}, blob is ${actual}`
      );
    }
  }
  const bundleJSON = cosignPiecesToBundleJSON(layerBytes, annotations, origin);
  const parsed = parseSigstoreBundle(bundleJSON, origin);
  return verifyParsedBundle(parsed, {
    trustMaterial,
    format: 'cosign-layout',
    origin,
    ...(options.subjectDigest ? { artifact: options.subjectDigest } : {})
  });
}

/** The v0.1 Sigstore bundle (JSON form) equivalent to a cosign attestation layer + annotations. */
export function cosignPiecesToBundleJSON(
  layerBytes: Buffer,
  annotations: Record<string, string>,
  origin: string
): unknown {
  let envelopeJSON: unknown;
  try {
    envelopeJSON = JSON.parse(layerBytes.toString('utf8'));
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: layer is not a JSON DSSE envelope: ${describeError(e)}`
    );
  }
  const envelope = parseDsseEnvelope(envelopeJSON, origin);
  if (envelope.signatures.length !== 1) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: expected exactly one DSSE signature, found ${envelope.signatures.length}`
    );
  }
  const leafPem = requireAnnotation(annotations, COSIGN_CERTIFICATE_ANNOTATION, origin);
  const chainPem = annotations[COSIGN_CHAIN_ANNOTATION] ?? '';
  const certificates = [
    ...splitPem(leafPem, origin),
    ...(chainPem ? splitPem(chainPem, origin) : [])
  ];
  const rekor = parseRekorAnnotation(
    requireAnnotation(annotations, COSIGN_BUNDLE_ANNOTATION, origin),
    origin
  );
  let body: { kind?: unknown; apiVersion?: unknown };
  try {
    body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8'));
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: Rekor entry body is not base64 JSON: ${describeError(e)}`
    );
  }
  if (typeof body.kind !== 'string' || typeof body.apiVersion !== 'string') {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: Rekor entry body lacks kind/apiVersion`
    );
  }
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      x509CertificateChain: {
        certificates: certificates.map((der) => ({ rawBytes: der.toString('base64') }))
      },
      tlogEntries: [
        {
          logIndex: String(rekor.Payload.logIndex),
          logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
          kindVersion: { kind: body.kind, version: body.apiVersion },
          integratedTime: String(rekor.Payload.integratedTime),
          inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
          canonicalizedBody: rekor.Payload.body
        }
      ]
    },
    dsseEnvelope: {
      payload: envelope.payload,
      payloadType: envelope.payloadType,
      signatures: envelope.signatures.map((s) => ({ sig: s.sig, keyid: s.keyid }))
    }
  };
}

function requireAnnotation(
  annotations: Record<string, string>,
  name: string,
  origin: string
): string {
  const value = annotations[name];
  if (typeof value !== 'string' || value === '') {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: missing annotation ${name}`);
  }
  return value;
}

function splitPem(text: string, origin: string): Buffer[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0)
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: expected PEM certificates`);
  return blocks.map((block) => pem.toDER(block));
}

function parseRekorAnnotation(text: string, origin: string): RekorBundleAnnotation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: ${COSIGN_BUNDLE_ANNOTATION} is not JSON: ${describeError(e)}`
    );
  }
  const o = json as Partial<RekorBundleAnnotation> | null;
  const p = o?.Payload;
  const ok =
    typeof o?.SignedEntryTimestamp === 'string' &&
    typeof p?.body === 'string' &&
    Number.isSafeInteger(p.integratedTime) &&
    Number.isSafeInteger(p.logIndex) &&
    p.logIndex >= 0 &&
    typeof p.logID === 'string' &&
    /^[0-9a-f]{64}$/.test(p.logID);
  if (!ok) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: ${COSIGN_BUNDLE_ANNOTATION} must be {SignedEntryTimestamp, Payload:{body, integratedTime, logIndex, logID}}`
    );
  }
  return o as RekorBundleAnnotation;
}
