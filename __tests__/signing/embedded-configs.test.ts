// The embedded public-good signing configs come from the same place, and the same snapshot, as
// the embedded trusted root: Sigstore's TUF repository. Expected hashes are the ones the signed
// metadata/targets.json (version 14) of sigstore/root-signing @ 60cf2ce8b2e4 lists for each target.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { publicGoodSigningConfig } from '../../src/signing/embedded-configs.js';

const TUF_TARGETS_V14_SHA256 = {
  'signing_config.v0.2.json': '9711a6d5375706957a4859af31c5866a4474f81f0544f9f4b76c9c4f4c8a539c',
  'signing_config_rekor_v2.v0.2.json':
    '0f5f38554e29e770d4d5d6f0e1b51fcbf84f61dc6934530a09b7a901eaad5bee',
  'trusted_root.json': '6494e21ea73fa7ee769f85f57d5a3e6a08725eae1e38c755fc3517c9e6bc0b66'
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('embedded public-good signing configs', () => {
  it.each(['signing_config.v0.2.json', 'signing_config_rekor_v2.v0.2.json'] as const)(
    '%s is byte for byte the TUF target',
    async (name) => {
      const bytes = await readFile(new URL(`../../src/signing/embedded/${name}`, import.meta.url));
      expect(sha256(bytes)).toBe(TUF_TARGETS_V14_SHA256[name]);
    }
  );

  it('comes from the same TUF targets version as the trusted root @sigstore/tuf embeds', () => {
    const mirror = (seeds as Record<string, { targets: Record<string, string> }>)[
      'https://tuf-repo-cdn.sigstore.dev'
    ]!;
    const root = Buffer.from(mirror.targets['trusted_root.json']!, 'base64');
    expect(sha256(root)).toBe(TUF_TARGETS_V14_SHA256['trusted_root.json']);
  });

  it('parses, and the Rekor v2 config names a log the trusted root lists', () => {
    const v2 = publicGoodSigningConfig(2);
    const mirror = (seeds as Record<string, { targets: Record<string, string> }>)[
      'https://tuf-repo-cdn.sigstore.dev'
    ]!;
    const root = JSON.parse(
      Buffer.from(mirror.targets['trusted_root.json']!, 'base64').toString('utf8')
    ) as { tlogs: { baseUrl: string }[] };
    const v2Urls = v2.rekorTlogUrls.filter((s) => s.majorApiVersion === 2).map((s) => s.url);
    expect(v2Urls).toEqual(['https://log2025-1.rekor.sigstore.dev']);
    expect(root.tlogs.map((t) => t.baseUrl)).toEqual(expect.arrayContaining(v2Urls));
    expect(publicGoodSigningConfig(1).rekorTlogUrls.map((s) => s.majorApiVersion)).toEqual([1]);
  });
});
