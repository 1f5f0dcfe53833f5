// Trust sources: the embedded public-good root, --trusted-root files, and strict parsing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  embeddedNpmRegistryKeys,
  loadTrustMaterial,
  loadTrustedRoot,
  parseTrustedRoot,
  publicGoodTrustedRoot
} from '../../src/verify/trust/index.js';
import { fixtureJSON, fixturePath, rejection } from './fixtures.js';

describe('trust material', () => {
  it('embeds the public-good root with Rekor v1 and v2, Fulcio, CT logs and the TSA', () => {
    const root = publicGoodTrustedRoot();
    expect(root.tlogs.map((t) => t.baseUrl)).toEqual(
      expect.arrayContaining(['https://rekor.sigstore.dev', 'https://log2025-1.rekor.sigstore.dev'])
    );
    expect(root.certificateAuthorities.length).toBeGreaterThanOrEqual(2);
    expect(root.ctlogs.length).toBeGreaterThanOrEqual(1);
    expect(root.timestampAuthorities.length).toBeGreaterThanOrEqual(1);
  });

  it('embeds npm registry attestation keys from the same TUF seeds', () => {
    expect(embeddedNpmRegistryKeys().map((k) => k.keyId)).toContain(
      'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA'
    );
  });

  it('uses the embedded root by default and a file when --trusted-root is given', async () => {
    expect((await loadTrustedRoot()).tlogs[0]?.baseUrl).toBe('https://rekor.sigstore.dev');
    const staging = await loadTrustedRoot({
      trustedRootPath: fixturePath('staging-trusted-root.json')
    });
    expect(staging.tlogs[0]?.baseUrl).toBe('https://rekor.sigstage.dev');
    await expect(
      loadTrustMaterial({ trustedRootPath: fixturePath('staging-trusted-root.json') })
    ).resolves.toHaveProperty('tlogs');
  });

  it('refuses --trusted-root together with --online', async () => {
    const err = await rejection(() => loadTrustedRoot({ trustedRootPath: 'x', online: true }));
    expect(err.code).toBe('INPUT_INVALID');
  });

  it('names unreadable or malformed trusted roots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-core-'));
    writeFileSync(join(dir, 'bad.json'), '{nope');
    expect(
      (await rejection(() => loadTrustedRoot({ trustedRootPath: join(dir, 'bad.json') }))).code
    ).toBe('FORMAT_INVALID');
    expect(
      (await rejection(() => loadTrustedRoot({ trustedRootPath: join(dir, 'missing.json') }))).code
    ).toBe('INPUT_INVALID');
    const err = await rejection(() => parseTrustedRoot({ mediaType: 'text/plain' }, 'r.json'));
    expect(err.message).toMatch(
      /r\.json: expected mediaType application\/vnd\.dev\.sigstore\.trustedroot/
    );
  });

  it('reads the trusted root inside a ClientTrustConfig (sigstore-python --trust-config)', async () => {
    // tsa/trust_config.json: staging Fulcio/Rekor/CT plus a local test TSA, and a signing config.
    const root = await loadTrustedRoot({ trustedRootPath: fixturePath('tsa/trust_config.json') });
    expect(root.tlogs.map((t) => t.baseUrl)).toEqual(['https://rekor.sigstage.dev']);
    expect(root.timestampAuthorities).toHaveLength(1);
    const config = fixtureJSON<Record<string, unknown>>('tsa/trust_config.json');
    const empty = await rejection(() =>
      parseTrustedRoot({ ...config, trustedRoot: undefined }, 'config.json')
    );
    expect(empty.message).toBe(
      'config.json: expected a trustedRoot object inside the client trust config, found none'
    );
    const inner = await rejection(() =>
      parseTrustedRoot({ ...config, trustedRoot: { mediaType: 'bad-media-type' } }, 'config.json')
    );
    expect(inner.message).toMatch(/^config\.json \(trustedRoot\): expected mediaType/);
  });

  it('rejects a root whose log key has no validity start (instead of trusting it since 1970)', async () => {
    const root = fixtureJSON<{ tlogs: { publicKey: { validFor?: unknown } }[] }>(
      'staging-trusted-root.json'
    );
    root.tlogs[0]!.publicKey.validFor = {};
    const err = await rejection(() => parseTrustedRoot(root, 'root.json'));
    expect(err.code).toBe('FORMAT_INVALID');
    expect(err.message).toMatch(/tlogs\[0\].*has no publicKey\.validFor\.start/);
  });

  it('reports an unreachable TUF mirror for --online as SERVICE_UNAVAILABLE', async () => {
    const cachePath = mkdtempSync(join(tmpdir(), 'verify-core-tuf-'));
    const err = await rejection(() =>
      loadTrustedRoot({ online: { mirrorURL: 'http://127.0.0.1:9', cachePath } })
    );
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(err.message).toMatch(
      /could not refresh the trusted root over TUF from http:\/\/127\.0\.0\.1:9/
    );
  });
});
