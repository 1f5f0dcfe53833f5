// Parses a Sigstore bundle (v0.1/v0.2/v0.3) from untrusted JSON. Structure only: nothing here
// is trusted until verify-sigstore-bundle.ts has checked it against the trust material.
import {
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  assertBundleLatest,
  assertBundleV01,
  assertBundleV02,
  bundleFromJSON,
  type Bundle
} from '@sigstore/bundle';
import { ProvenanceError, describeError } from '../../errors.js';

export type BundleVersion = 'bundle-v0.1' | 'bundle-v0.2' | 'bundle-v0.3';

export interface ParsedBundle {
  version: BundleVersion;
  bundle: Bundle;
}

const VERSIONS: Record<string, BundleVersion> = {
  [BUNDLE_V01_MEDIA_TYPE]: 'bundle-v0.1',
  [BUNDLE_V02_MEDIA_TYPE]: 'bundle-v0.2',
  [BUNDLE_V03_LEGACY_MEDIA_TYPE]: 'bundle-v0.3',
  [BUNDLE_V03_MEDIA_TYPE]: 'bundle-v0.3'
};

export function isSigstoreBundleJSON(json: unknown): boolean {
  const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
  return (
    typeof mediaType === 'string' && mediaType.startsWith('application/vnd.dev.sigstore.bundle')
  );
}

export function parseSigstoreBundle(json: unknown, origin: string): ParsedBundle {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: expected a Sigstore bundle object, found ${kindOf(json)}`
    );
  }
  const mediaType = (json as { mediaType?: unknown }).mediaType;
  const version = typeof mediaType === 'string' ? VERSIONS[mediaType] : undefined;
  if (!version) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: expected a Sigstore bundle media type v0.1, v0.2 or v0.3, found ${JSON.stringify(mediaType)}`
    );
  }
  requireOneDsseSignature(json as { dsseEnvelope?: { signatures?: unknown } }, origin);
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
    if (version === 'bundle-v0.1') assertBundleV01(bundle);
    else if (version === 'bundle-v0.2') assertBundleV02(bundle);
    else assertBundleLatest(bundle);
  } catch (e) {
    const fields = (e as { fields?: unknown }).fields;
    const detail =
      Array.isArray(fields) && fields.length
        ? `${describeError(e)}: ${fields.join(', ')}`
        : describeError(e);
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: malformed ${version} bundle (${detail})`
    );
  }
  checkStrictEncodings(json as Record<string, unknown>, bundle, origin);
  return { version, bundle };
}

// One envelope, one signer. @sigstore/verify checks only the first DSSE signature, so an extra
// one (a copy, or a foreign key's) would ride along unverified yet be listed by tools that show
// signers. The bundle schema check refuses it too; this does not depend on that library detail.
function requireOneDsseSignature(
  json: { dsseEnvelope?: { signatures?: unknown } },
  origin: string
): void {
  const signatures = json.dsseEnvelope?.signatures;
  if (Array.isArray(signatures) && signatures.length !== 1) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: a DSSE envelope must carry exactly one signature, found ${signatures.length}`
    );
  }
}

// protobuf JSON decoding is lenient: it accepts negative log indexes and silently drops
// invalid base64 characters. A bundle that relies on either is malformed, not "close enough".
function checkStrictEncodings(json: Record<string, unknown>, bundle: Bundle, origin: string): void {
  bundle.verificationMaterial.tlogEntries.forEach((entry, i) => {
    if (!/^\d+$/.test(entry.logIndex)) {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: tlogEntries[${i}].logIndex must be a non-negative integer, found ${entry.logIndex}`
      );
    }
    if (entry.integratedTime !== undefined && !/^\d+$/.test(entry.integratedTime)) {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: tlogEntries[${i}].integratedTime must be a non-negative integer, found ${entry.integratedTime}`
      );
    }
  });
  const content = json.messageSignature ?? json.dsseEnvelope;
  const signatures: unknown[] = [];
  if (json.messageSignature) signatures.push((content as { signature?: unknown }).signature);
  if (json.dsseEnvelope) {
    const env = content as { signatures?: { sig?: unknown }[]; payload?: unknown };
    signatures.push(env.payload, ...(env.signatures ?? []).map((s) => s.sig));
  }
  for (const value of signatures) {
    if (typeof value === 'string' && !isStrictBase64(value)) {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: signature or payload is not valid base64`
      );
    }
  }
}

function isStrictBase64(s: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(s) || /^[A-Za-z0-9_-]*={0,2}$/.test(s);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}
