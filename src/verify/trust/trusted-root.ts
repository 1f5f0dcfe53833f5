// Parsing a trusted_root.json (public-good, staging, a private instance, or the sandbox's).
// A trusted root decides what we believe, so it is parsed strictly: anything malformed is a
// FORMAT_INVALID error naming the field, never a partially-trusted root.
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { ProvenanceError, describeError } from '../../errors.js';
import { assertLogKeysBounded } from './trust-material.js';

const TRUSTED_ROOT_MEDIA_TYPE =
  /^application\/vnd\.dev\.sigstore\.trustedroot(\.v0\.\d+\+json|\+json;version=0\.\d+)$/;

// A ClientTrustConfig (sigstore-python's --trust-config) wraps a trusted root together with a
// signing config; a verifier needs only the root. Nothing else in the wrapper is trusted.
const CLIENT_TRUST_CONFIG_MEDIA_TYPE =
  /^application\/vnd\.dev\.sigstore\.clienttrustconfig(\.v0\.\d+\+json|\+json;version=0\.\d+)$/;

export function parseTrustedRoot(json: unknown, origin: string): TrustedRoot {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: expected a trusted_root JSON object`);
  }
  const outer = (json as { mediaType?: unknown }).mediaType;
  if (typeof outer === 'string' && CLIENT_TRUST_CONFIG_MEDIA_TYPE.test(outer)) {
    const inner = (json as { trustedRoot?: unknown }).trustedRoot;
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: expected a trustedRoot object inside the client trust config, found ${inner === undefined ? 'none' : JSON.stringify(inner).slice(0, 40)}`
      );
    }
    return parseTrustedRoot(inner, `${origin} (trustedRoot)`);
  }
  const mediaType = outer;
  if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: expected mediaType application/vnd.dev.sigstore.trustedroot… (or a clienttrustconfig wrapping one), found ${JSON.stringify(mediaType)}`
    );
  }
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(json);
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: not a trusted root: ${describeError(e)}`
    );
  }
  root.tlogs.forEach((log, i) => {
    if (!log.publicKey?.rawBytes?.length) {
      throw new ProvenanceError('FORMAT_INVALID', `${origin}: tlogs[${i}] has no public key`);
    }
    if (!log.logId?.keyId?.length) {
      throw new ProvenanceError('FORMAT_INVALID', `${origin}: tlogs[${i}] has no logId`);
    }
  });
  root.ctlogs.forEach((log, i) => {
    if (!log.publicKey?.rawBytes?.length) {
      throw new ProvenanceError('FORMAT_INVALID', `${origin}: ctlogs[${i}] has no public key`);
    }
  });
  root.certificateAuthorities.forEach((ca, i) => {
    if (!ca.certChain?.certificates.length) {
      throw new ProvenanceError(
        'FORMAT_INVALID',
        `${origin}: certificateAuthorities[${i}] has no certificates`
      );
    }
  });
  assertLogKeysBounded(root, origin);
  return root;
}

export function parseTrustedRootBytes(bytes: Buffer | string, origin: string): TrustedRoot {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString());
  } catch (e) {
    throw new ProvenanceError('FORMAT_INVALID', `${origin}: not JSON: ${describeError(e)}`);
  }
  return parseTrustedRoot(json, origin);
}
