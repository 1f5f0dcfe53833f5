// Turns a parsed trusted root (+ optional trusted public keys) into @sigstore/verify's
// TrustMaterial, tightening two defaults that would otherwise widen trust.
import { X509Certificate, crypto } from '@sigstore/core';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { VerificationError, toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { ProvenanceError, describeError } from '../../errors.js';
import type { TrustedPublicKey } from '../core/types.js';

const NEVER = new Date(8640000000000000);

// @sigstore/verify would treat a log key without validFor.start as valid since 1970. The spec
// requires a start, so such a root is malformed and rejected outright (fail closed).
export function assertLogKeysBounded(root: TrustedRoot, origin: string): void {
  for (const [kind, logs] of [
    ['tlogs', root.tlogs],
    ['ctlogs', root.ctlogs]
  ] as const) {
    logs.forEach((log, i) => {
      if (!log.publicKey?.validFor?.start) {
        throw new ProvenanceError(
          'FORMAT_INVALID',
          `${origin}: ${kind}[${i}] (${log.baseUrl}) has no publicKey.validFor.start`
        );
      }
    });
  }
}

export interface TrustMaterialOptions {
  /** Keys for publicKey-hint bundles (a managed key, npm's registry key). */
  publicKeys?: TrustedPublicKey[];
  /** A single key that answers every hint (the conformance protocol's --key). */
  anyHintKey?: TrustedPublicKey;
}

export function buildTrustMaterial(
  root: TrustedRoot,
  options: TrustMaterialOptions = {}
): TrustMaterial {
  assertLogKeysBounded(root, 'trusted root');
  let material: TrustMaterial;
  try {
    material = toTrustMaterial(root, (hint) => findKey(hint, options));
  } catch (e) {
    throw new ProvenanceError('FORMAT_INVALID', `trusted root is unusable: ${describeError(e)}`);
  }
  return material;
}

function findKey(hint: string, options: TrustMaterialOptions) {
  const key = options.anyHintKey ?? options.publicKeys?.find((k) => k.keyId === hint);
  if (!key) {
    throw new VerificationError({
      code: 'PUBLIC_KEY_ERROR',
      message: `no trusted public key for hint ${JSON.stringify(hint)}`
    });
  }
  const publicKey = toKeyObject(key.publicKey);
  const start = key.validFor?.start ?? new Date(0);
  const end = key.validFor?.end ?? NEVER;
  return { publicKey, validFor: (date: Date) => start <= date && date <= end };
}

export function toKeyObject(key: string | Buffer): crypto.KeyObject {
  if (typeof key === 'string' && key.includes('-----BEGIN CERTIFICATE-----')) {
    return crypto.createPublicKey(X509Certificate.parse(key).publicKey);
  }
  return crypto.createPublicKey(key);
}
