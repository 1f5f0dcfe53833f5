// npm `.tgz.json` attestation lists: the publish bundle (npm registry key) + SLSA provenance (Fulcio).
import { describe, expect, it } from '@jest/globals';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';
import { parseNpmRegistryKeys } from '../../src/verify/trust/index.js';
import { fixture, fixtureJSON, publicGoodTrust, rejection } from './fixtures.js';

const npmKeys = () =>
  parseNpmRegistryKeys(fixtureJSON('npm-registry-keys.json'), 'npm-registry-keys.json');

describe('npm attestation lists', () => {
  it('verifies both bundles when the registry key is given', async () => {
    const { verified, skipped } = await verifyProvenanceFile(fixture('npm-v02.tgz.json'), {
      trustMaterial: publicGoodTrust(),
      publicKeys: npmKeys()
    });
    expect(skipped).toEqual([]);
    expect(verified.map((v) => [v.format, v.signer.kind])).toEqual([
      ['npm-attestations', 'key'],
      ['npm-attestations', 'certificate']
    ]);
    expect(verified[0]?.signer).toEqual({
      kind: 'key',
      keyId: 'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA'
    });
  });

  it('skips only the publish bundle, with a note, when no registry key is given', async () => {
    const notes: string[] = [];
    const { verified, skipped } = await verifyProvenanceFile(fixture('npm-v02.tgz.json'), {
      trustMaterial: publicGoodTrust(),
      onNote: (n) => notes.push(n)
    });
    expect(verified.map((v) => v.signer.kind)).toEqual(['certificate']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(
      /registry key "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA"/
    );
    expect(notes).toHaveLength(1);
  });

  it('rejects a list whose publish bundle signature is invalid', async () => {
    const err = await rejection(() =>
      verifyProvenanceFile(fixture('npm-v02-invalidsigpub.tgz.json'), {
        trustMaterial: publicGoodTrust(),
        publicKeys: npmKeys()
      })
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/attestations\[0\]/);
  });

  it('refuses a list entry that is not an in-toto DSSE envelope before any cryptography', async () => {
    const list = fixtureJSON<{
      attestations: { bundle: { dsseEnvelope: { payloadType: string } } }[];
    }>('npm-v02.tgz.json');
    list.attestations[1]!.bundle.dsseEnvelope.payloadType = 'application/vnd.in-toto+jsonA';
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(JSON.stringify(list)), {
        trustMaterial: publicGoodTrust(),
        publicKeys: npmKeys()
      })
    );
    expect(err.code).toBe('FORMAT_INVALID');
    expect(err.message).toBe(
      'provenance: attestations[1] DSSE payloadType: expected application/vnd.in-toto+json, found "application/vnd.in-toto+jsonA"'
    );
  });

  it('rejects a list whose unsigned predicateType label disagrees with the signed statement', async () => {
    const list = fixtureJSON<{ attestations: { predicateType: string }[] }>('npm-v02.tgz.json');
    list.attestations[1]!.predicateType = 'https://slsa.dev/provenance/v9';
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(JSON.stringify(list)), {
        trustMaterial: publicGoodTrust(),
        publicKeys: npmKeys()
      })
    );
    expect(err.message).toMatch(
      /listed predicateType "https:\/\/slsa\.dev\/provenance\/v9" does not match/
    );
  });
});
