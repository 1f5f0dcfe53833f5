// trusted_root.json for one sandbox: the Sigstore TrustedRoot (protobuf-specs JSON form)
// naming the sandbox Fulcio root, Rekor key, CT log key and TSA chain, exactly as the
// public-good root names the production services. Verifiers load it like any other root.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

export interface TrustedRootJson {
  mediaType: string;
  tlogs: TransparencyLogJson[];
  certificateAuthorities: CertificateAuthorityJson[];
  ctlogs: TransparencyLogJson[];
  timestampAuthorities: CertificateAuthorityJson[];
}

interface TransparencyLogJson {
  baseUrl: string;
  hashAlgorithm: 'SHA2_256';
  publicKey: {
    rawBytes: string;
    keyDetails: 'PKIX_ECDSA_P256_SHA_256' | 'PKIX_ED25519';
    validFor: { start: string };
  };
  logId: { keyId: string };
}

interface CertificateAuthorityJson {
  subject: { organization: string; commonName: string };
  uri: string;
  certChain: { certificates: { rawBytes: string }[] };
  validFor: { start: string };
}

export interface SandboxTrustInputs {
  /** When the sandbox's keys came into use; verifiers refuse material used before it. */
  validFrom: Date;
  fulcio: { url: string; certChain: Buffer[] };
  rekor: { url: string; publicKey: Buffer; logId: Buffer };
  /** The Rekor v2 log: Ed25519 checkpoint key; logId is the C2SP checkpoint key id. */
  rekorV2?: { url: string; publicKey: Buffer; logId: Buffer };
  ctlog: { url: string; publicKey: Buffer; logId: Buffer };
  tsa: { url: string; certChain: Buffer[] };
}

export function buildTrustedRoot(inputs: SandboxTrustInputs): TrustedRootJson {
  const start = inputs.validFrom.toISOString();
  const log = (
    url: string,
    publicKey: Buffer,
    logId: Buffer,
    keyDetails: TransparencyLogJson['publicKey']['keyDetails'] = 'PKIX_ECDSA_P256_SHA_256'
  ): TransparencyLogJson => ({
    baseUrl: url,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: publicKey.toString('base64'),
      keyDetails,
      validFor: { start }
    },
    logId: { keyId: logId.toString('base64') }
  });
  const authority = (
    url: string,
    commonName: string,
    chain: Buffer[]
  ): CertificateAuthorityJson => ({
    subject: { organization: 'sigstore.mock', commonName },
    uri: url,
    certChain: { certificates: chain.map((c) => ({ rawBytes: c.toString('base64') })) },
    validFor: { start }
  });
  return {
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    tlogs: [
      log(inputs.rekor.url, inputs.rekor.publicKey, inputs.rekor.logId),
      // As the public-good root lists log2025-1.rekor.sigstore.dev next to rekor.sigstore.dev.
      ...(inputs.rekorV2
        ? [log(inputs.rekorV2.url, inputs.rekorV2.publicKey, inputs.rekorV2.logId, 'PKIX_ED25519')]
        : [])
    ],
    certificateAuthorities: [authority(inputs.fulcio.url, 'sigstore', inputs.fulcio.certChain)],
    ctlogs: [log(inputs.ctlog.url, inputs.ctlog.publicKey, inputs.ctlog.logId)],
    timestampAuthorities: [authority(inputs.tsa.url, 'tsa', inputs.tsa.certChain)]
  };
}

export async function writeTrustedRoot(path: string, root: TrustedRootJson): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(root, null, 2)}\n`);
}
