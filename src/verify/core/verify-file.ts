// Verifies every envelope in a provenance file, whatever its container:
//   - one Sigstore bundle (JSON) — .sigstore, .sigstore.json, .build.slsa
//   - JSON Lines, one bundle (or legacy DSSE envelope) per line — .intoto.jsonl, .jsonl
//   - an attestation list {attestations:[{bundle}]} — npm `.tgz.json`, GitHub attestations API
//   - a bare legacy DSSE envelope (always rejected, see legacy-dsse.ts)
// All or nothing: if any envelope fails, the whole file is rejected with a typed error.
import type { TrustMaterial } from '@sigstore/verify';
import { INTOTO_PAYLOAD_TYPE } from '../../types.js';
import { ProvenanceError, describeError } from '../../errors.js';
import { toKeyObject as toKey } from '../trust/trust-material.js';
import type { ArtifactInput } from './artifact.js';
import { isDsseEnvelopeJSON } from './dsse-envelope.js';
import { rejectLegacyDsse } from './legacy-dsse.js';
import { isSigstoreBundleJSON, parseSigstoreBundle } from './parse-bundle.js';
import type {
  EnvelopeFormat,
  SkippedEnvelope,
  TrustedPublicKey,
  VerifiedEnvelope,
  VerifyFileResult,
  VerifyOptions
} from './types.js';
import { verifyParsedBundle } from './verify-sigstore-bundle.js';

// Far above any real provenance file; bounds memory/CPU on hostile input.
export const MAX_PROVENANCE_BYTES = 64 * 1024 * 1024;
export const MAX_ENVELOPES = 1000;

export interface VerifyFileOptions extends VerifyOptions {
  /** Label used in messages (usually the path). */
  origin?: string;
  /** When given, every DSSE envelope must list it as a subject (message signatures: must sign it). */
  artifact?: ArtifactInput;
}

export async function verifyProvenanceFile(
  bytes: Buffer,
  options: VerifyFileOptions
): Promise<VerifyFileResult> {
  const origin = options.origin ?? 'provenance';
  if (bytes.length > MAX_PROVENANCE_BYTES) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: ${bytes.length} bytes exceeds the ${MAX_PROVENANCE_BYTES}-byte limit`
    );
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new ProvenanceError('FORMAT_INVALID', `${origin}: file is empty`);

  const whole = tryParse(text);
  const items: FileItem[] = [];
  if (whole.ok && isAttestationList(whole.value)) {
    const list = (whole.value as { attestations: unknown[] }).attestations;
    list.forEach((entry, i) => {
      const { bundle, predicateType } = (entry ?? {}) as {
        bundle?: unknown;
        predicateType?: unknown;
      };
      if (bundle === undefined)
        throw new ProvenanceError('FORMAT_INVALID', `${origin}: attestations[${i}] has no bundle`);
      if (predicateType !== undefined && typeof predicateType !== 'string') {
        throw new ProvenanceError(
          'FORMAT_INVALID',
          `${origin}: attestations[${i}].predicateType must be a string`
        );
      }
      // npm's attestation lists carry in-toto statements only; anything else is refused
      // before any cryptography (as slsa-verifier does).
      const payloadType = (bundle as { dsseEnvelope?: { payloadType?: unknown } } | null)
        ?.dsseEnvelope?.payloadType;
      if (payloadType !== undefined && payloadType !== INTOTO_PAYLOAD_TYPE) {
        throw new ProvenanceError(
          'FORMAT_INVALID',
          `${origin}: attestations[${i}] DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(payloadType).slice(0, 80)}`
        );
      }
      items.push({
        json: bundle,
        origin: `${origin} attestations[${i}]`,
        fromList: true,
        ...(predicateType ? { listedPredicateType: predicateType } : {})
      });
    });
  } else if (whole.ok && !Array.isArray(whole.value)) {
    items.push({ json: whole.value, origin, fromList: false });
  } else {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = tryParse(line);
      if (!parsed.ok)
        throw new ProvenanceError(
          'FORMAT_INVALID',
          `${origin} line ${i + 1}: not JSON: ${parsed.error}`
        );
      items.push({ json: parsed.value, origin: `${origin} line ${i + 1}`, fromList: false });
    });
  }
  if (items.length === 0)
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: no envelopes found`);
  if (items.length > MAX_ENVELOPES) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: ${items.length} envelopes exceeds the limit of ${MAX_ENVELOPES}`
    );
  }

  const verified: VerifiedEnvelope[] = [];
  const skipped: SkippedEnvelope[] = [];
  items.forEach((item, index) => {
    const result = verifyItem(item, index, options);
    if ('reason' in result) {
      skipped.push(result);
      options.onNote?.(`${item.origin}: skipped: ${result.reason}`);
    } else verified.push(result);
  });
  if (verified.length === 0) {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      `${origin}: nothing could be verified (${skipped.map((s) => s.reason).join('; ')})`
    );
  }
  return { verified, skipped };
}

interface FileItem {
  json: unknown;
  origin: string;
  fromList: boolean;
  /** The unsigned predicateType label next to a bundle in an attestation list. */
  listedPredicateType?: string;
}

function verifyItem(
  item: FileItem,
  index: number,
  options: VerifyFileOptions
): VerifiedEnvelope | SkippedEnvelope {
  if (isSigstoreBundleJSON(item.json)) {
    const parsed = parseSigstoreBundle(item.json, item.origin);
    const format: EnvelopeFormat = item.fromList ? 'npm-attestations' : parsed.version;
    let trustMaterial = options.trustMaterial;
    if (parsed.bundle.verificationMaterial.content.$case === 'publicKey') {
      const hint = parsed.bundle.verificationMaterial.content.publicKey.hint;
      const key = options.publicKeys?.find((k) => k.keyId === hint);
      if (key) trustMaterial = withPublicKey(trustMaterial, key);
      else if (item.fromList && !hasKey(trustMaterial, hint)) {
        return {
          index,
          format,
          reason: `signed by registry key ${JSON.stringify(hint)}, which was not provided (npm registry keys.json)`
        };
      }
    }
    const envelope = verifyParsedBundle(parsed, {
      trustMaterial,
      format,
      index,
      origin: item.origin,
      ...(options.artifact ? { artifact: options.artifact } : {})
    });
    if (item.listedPredicateType !== undefined)
      checkListedPredicateType(envelope, item.listedPredicateType, item.origin);
    return envelope;
  }
  if (isDsseEnvelopeJSON(item.json)) {
    return rejectLegacyDsse(item.json, options.trustMaterial, item.origin);
  }
  throw new ProvenanceError(
    'FORMAT_INVALID',
    `${item.origin}: expected a Sigstore bundle (mediaType application/vnd.dev.sigstore.bundle…) or a DSSE envelope, found ${describeShape(item.json)}`
  );
}

// The list's predicateType is unsigned; a consumer may select attestations by it, so it must
// agree with what was signed.
function checkListedPredicateType(
  envelope: VerifiedEnvelope,
  listed: string,
  origin: string
): void {
  const signed = (envelope.statement as { predicateType?: unknown } | undefined)?.predicateType;
  if (signed !== listed) {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      `${origin}: listed predicateType ${JSON.stringify(listed)} does not match the signed statement's ${JSON.stringify(signed)}`
    );
  }
}

function withPublicKey(trust: TrustMaterial, key: TrustedPublicKey): TrustMaterial {
  return {
    ...trust,
    publicKey: (hint) => {
      if (hint !== key.keyId) return trust.publicKey(hint);
      const start = key.validFor?.start ?? new Date(0);
      const end = key.validFor?.end ?? new Date(8640000000000000);
      return {
        publicKey: toKey(key.publicKey),
        validFor: (date: Date) => start <= date && date <= end
      };
    }
  };
}

function hasKey(trust: TrustMaterial, hint: string): boolean {
  try {
    trust.publicKey(hint);
    return true;
  } catch {
    return false;
  }
}

function isAttestationList(json: unknown): boolean {
  const list = (json as { attestations?: unknown } | null)?.attestations;
  return typeof json === 'object' && json !== null && Array.isArray(list);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

function describeShape(json: unknown): string {
  if (json === null || typeof json !== 'object')
    return JSON.stringify(json)?.slice(0, 40) ?? String(json);
  const keys = Object.keys(json).slice(0, 5);
  return `an object with keys ${keys.join(', ') || '(none)'}`;
}
