// The public-good SigningConfigs, embedded at build time from the same source as the embedded
// trusted root: Sigstore's TUF repository (sigstore/root-signing). @sigstore/tuf 5.0.1's
// seeds.json carries only trusted_root.json and npm's keys, so the two configs are copied byte
// for byte from sigstore/root-signing @ 60cf2ce8b2e45d600dc17c4421e8c751e75772be, targets/;
// that commit's signed metadata/targets.json (version 14) lists their SHA-256 next to the
// trusted_root.json @sigstore/tuf embeds (__tests__/signing/embedded-configs.test.ts checks all
// three hashes). Refresh all three together.
import v1Config from './embedded/signing_config.v0.2.json' with { type: 'json' };
import v2Config from './embedded/signing_config_rekor_v2.v0.2.json' with { type: 'json' };
import { parseSigningConfig, type SigningConfigJson } from './signing-config.js';

/** TUF target names, as Sigstore publishes them. */
export const PUBLIC_GOOD_SIGNING_CONFIG_TARGETS = {
  1: 'signing_config.v0.2.json',
  2: 'signing_config_rekor_v2.v0.2.json'
} as const;

/** The public-good default (Rekor v1) or the opt-in Rekor v2 signing config. */
export function publicGoodSigningConfig(rekorVersion: 1 | 2): SigningConfigJson {
  return parseSigningConfig(
    rekorVersion === 1 ? v1Config : v2Config,
    `embedded ${PUBLIC_GOOD_SIGNING_CONFIG_TARGETS[rekorVersion]}`
  );
}
