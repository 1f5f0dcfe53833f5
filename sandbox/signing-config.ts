// signing_config.json for one sandbox: the Sigstore SigningConfig (v0.2, protobuf-specs JSON
// form) naming the sandbox Fulcio, both Rekor logs (v1 and v2, as the public-good
// signing_config_rekor_v2.v0.2.json names both) and the TSA, next to the trusted_root.json that
// holds their keys. The action reads it through its `signing-config` input; `rekor-version`
// then picks the log.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TSA_TIMESTAMP_PATH } from './tsa.js';
import {
  SIGNING_CONFIG_MEDIA_TYPE,
  type ServiceJson,
  type SigningConfigJson
} from '../src/signing/signing-config.js';

export interface SandboxSigningServices {
  /** When the sandbox's services came into use (the trusted root's validFor.start). */
  validFrom: Date;
  fulcio: string;
  oidc: string;
  rekor: string;
  rekorV2: string;
  tsa: string;
}

/** The operator every sandbox service claims (a scheme-less URI, as the spec asks). */
export const SANDBOX_OPERATOR = 'sandbox.localhost';

export function buildSigningConfig(services: SandboxSigningServices): SigningConfigJson {
  const service = (url: string, majorApiVersion: number): ServiceJson => ({
    url,
    majorApiVersion,
    validFor: { start: services.validFrom.toISOString() },
    operator: SANDBOX_OPERATOR
  });
  return {
    mediaType: SIGNING_CONFIG_MEDIA_TYPE,
    caUrls: [service(services.fulcio, 1)],
    oidcUrls: [service(services.oidc, 1)],
    // Newest first, as the spec asks: the v2 shard, then the v1 log.
    rekorTlogUrls: [service(services.rekorV2, 2), service(services.rekor, 1)],
    // The TSA takes full URLs in a signing config (its path is part of the service).
    tsaUrls: [service(`${services.tsa}${TSA_TIMESTAMP_PATH}`, 1)],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' }
  };
}

export async function writeSigningConfig(path: string, config: SigningConfigJson): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
}
