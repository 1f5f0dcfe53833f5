// npm registry keys.json: the keys that sign npm "publish" attestations (publicKey-hint bundles).
import { ProvenanceError } from '../../errors.js';
import type { TrustedPublicKey } from '../core/types.js';

const ATTESTATION_USAGE = 'npm:attestations';

export function parseNpmRegistryKeys(json: unknown, origin: string): TrustedPublicKey[] {
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: expected {"keys": [...]}`);
  }
  const result: TrustedPublicKey[] = [];
  keys.forEach((entry: unknown, i) => {
    const k = entry as {
      keyId?: unknown;
      keyUsage?: unknown;
      publicKey?: { rawBytes?: unknown; validFor?: { start?: unknown; end?: unknown } };
    };
    if (typeof k?.keyId !== 'string' || typeof k.publicKey?.rawBytes !== 'string') {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: keys[${i}] needs keyId and publicKey.rawBytes`
      );
    }
    if (k.keyUsage !== ATTESTATION_USAGE) return;
    result.push({
      keyId: k.keyId,
      publicKey: Buffer.from(k.publicKey.rawBytes, 'base64'),
      validFor: {
        ...(typeof k.publicKey.validFor?.start === 'string'
          ? { start: new Date(k.publicKey.validFor.start) }
          : {}),
        ...(typeof k.publicKey.validFor?.end === 'string'
          ? { end: new Date(k.publicKey.validFor.end) }
          : {})
      }
    });
  });
  return result;
}
