// Strict parsing of a bare DSSE envelope (JSON), as found in pre-v2.1.0 slsa-github-generator
// `.intoto.jsonl` lines and in cosign attestation layers.
import { ProvenanceError } from '../../errors.js';

export interface DsseSignatureJSON {
  keyid: string;
  sig: string;
  /** slsa-github-generator puts the Fulcio leaf (PEM) here. */
  cert?: string;
}

export interface DsseEnvelopeJSON {
  payloadType: string;
  payload: string;
  signatures: DsseSignatureJSON[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$|^[A-Za-z0-9_-]*={0,2}$/;

export function isDsseEnvelopeJSON(json: unknown): boolean {
  const o = json as Record<string, unknown> | null;
  return typeof o === 'object' && o !== null && 'payloadType' in o && 'signatures' in o;
}

export function parseDsseEnvelope(json: unknown, origin: string): DsseEnvelopeJSON {
  const o = json as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: expected a DSSE envelope object`);
  }
  const { payloadType, payload, signatures } = o;
  if (typeof payloadType !== 'string' || payloadType === '') {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: DSSE payloadType must be a non-empty string`
    );
  }
  if (typeof payload !== 'string' || payload === '' || !BASE64.test(payload)) {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: DSSE payload must be non-empty base64`);
  }
  if (!Array.isArray(signatures) || signatures.length === 0) {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: DSSE envelope has no signatures`);
  }
  const parsed = signatures.map((s: unknown, i): DsseSignatureJSON => {
    const sig = s as Record<string, unknown> | null;
    if (typeof sig?.sig !== 'string' || sig.sig === '' || !BASE64.test(sig.sig)) {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: signatures[${i}].sig must be non-empty base64`
      );
    }
    if (sig.keyid !== undefined && typeof sig.keyid !== 'string') {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: signatures[${i}].keyid must be a string`
      );
    }
    if (sig.cert !== undefined && typeof sig.cert !== 'string') {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: signatures[${i}].cert must be a PEM string`
      );
    }
    return {
      keyid: sig.keyid ?? '',
      sig: sig.sig,
      ...(typeof sig.cert === 'string' ? { cert: sig.cert } : {})
    };
  });
  return { payloadType, payload, signatures: parsed };
}
