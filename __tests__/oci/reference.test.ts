import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMAGES, parseImageList } from '../../src/publish/oci/image-list.js';
import { parseImageReference, registryBaseUrl } from '../../src/oci/reference.js';
import { dockerConfigCredentials, resolveCredentials } from '../../src/oci/credentials.js';
import { parseBundle } from '../../src/publish/oci/bundle.js';
import { ProvenanceError } from '../../src/errors.js';
import { fixture } from './offline-checks.js';

const HEX = 'ab'.repeat(32);

describe('parseImageReference', () => {
  it('splits registry, repository and digest, and derives the digest tag', () => {
    expect(parseImageReference(`ghcr.io/owner-ok/app@sha256:${HEX}`)).toEqual({
      registry: 'ghcr.io',
      apiHost: 'ghcr.io',
      repository: 'owner-ok/app',
      digest: `sha256:${HEX}`,
      digestTag: `sha256-${HEX}`
    });
    expect(parseImageReference(`127.0.0.1:5000/a/b/c@sha256:${HEX}`).registry).toBe(
      '127.0.0.1:5000'
    );
    expect(parseImageReference(`localhost/app:v1@sha256:${HEX}`).repository).toBe('app');
  });

  it('maps Docker Hub short names to library/ on registry-1.docker.io', () => {
    const ref = parseImageReference(`alpine@sha256:${HEX}`);
    expect(ref).toMatchObject({
      registry: 'docker.io',
      apiHost: 'registry-1.docker.io',
      repository: 'library/alpine'
    });
    expect(parseImageReference(`index.docker.io/me/app@sha256:${HEX}`).repository).toBe('me/app');
  });

  it('refuses tags and says to pass the digest', () => {
    expect(() => parseImageReference('ghcr.io/o/app:v1.2.3')).toThrow(
      /tags are refused.*pass the digest/
    );
    expect(() => parseImageReference('127.0.0.1:5000/app:latest')).toThrow(/tags are refused/);
    expect(() => parseImageReference('ghcr.io/o/app')).toThrow(/found no digest/);
  });

  it.each([
    [`ghcr.io/o/app@sha256:${HEX.slice(2)}`, 'digest must be sha256: followed by 64'],
    [`ghcr.io/o/app@sha256:${HEX.toUpperCase()}`, 'digest must be'],
    [`ghcr.io/o/app@sha512:${HEX}${HEX}`, 'digest must be'],
    [`ghcr.io/O/App@sha256:${HEX}`, 'must be lowercase'],
    [`ghcr.io/o/../x@sha256:${HEX}`, 'must be lowercase'],
    ['', 'empty string']
  ])('rejects %s', (image, message) => {
    let error: unknown;
    try {
      parseImageReference(image);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProvenanceError);
    expect((error as ProvenanceError).code).toBe('INPUT_INVALID');
    expect((error as Error).message).toContain(message);
  });
});

describe('parseImageList', () => {
  it('reads one reference per line, skipping blanks and duplicates', () => {
    const list = parseImageList(
      `ghcr.io/o/a@sha256:${HEX}\n\n  ghcr.io/o/b@sha256:${HEX}\r\nghcr.io/o/a@sha256:${HEX}\n`
    );
    expect(list.map((r) => r.repository)).toEqual(['o/a', 'o/b']);
  });

  it('names the bad line, and refuses empty or oversized lists', () => {
    expect(() => parseImageList(`ghcr.io/o/a@sha256:${HEX}\nghcr.io/o/b:latest`)).toThrow(
      /"ghcr.io\/o\/b:latest": tags are refused/
    );
    expect(() => parseImageList('  \n')).toThrow(/at least one/);
    const many = Array.from({ length: MAX_IMAGES + 1 }, (_, i) => `ghcr.io/o/a${i}@sha256:${HEX}`);
    expect(() => parseImageList(many.join('\n'))).toThrow(/at most 100/);
  });
});

describe('registryBaseUrl', () => {
  it('uses plain http only for loopback hosts', () => {
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(registryBaseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(registryBaseUrl('localhost.evil.example:80')).toBe('https://localhost.evil.example:80');
    expect(registryBaseUrl('127.0.0.1.nip.io')).toBe('https://127.0.0.1.nip.io');
  });
});

describe('registry credentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oci-creds-'));
  const configPath = join(dir, 'config.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hub:pass').toString('base64') },
        'ghcr.io': { auth: Buffer.from('gh:ghp_token').toString('base64') },
        'registry.example.com:5000': {
          auth: Buffer.from('x:y').toString('base64'),
          identitytoken: 'idtok'
        }
      }
    })
  );

  it('reads base64 auth of the exact registry host (passwords may contain colons)', async () => {
    expect(await dockerConfigCredentials('docker.io', configPath)).toEqual({
      username: 'hubuser',
      password: 'hub:pass'
    });
    expect(await dockerConfigCredentials('ghcr.io', configPath)).toEqual({
      username: 'gh',
      password: 'ghp_token'
    });
    expect(await dockerConfigCredentials('registry.example.com:5000', configPath)).toEqual({
      username: 'x',
      password: 'idtok'
    });
  });

  it('never hands one registry credentials configured for a similarly named one', async () => {
    expect(await dockerConfigCredentials('ghcr.io.evil.example', configPath)).toBeUndefined();
    expect(await dockerConfigCredentials('registry.example.com', configPath)).toBeUndefined();
  });

  it('prefers explicit credentials, and is anonymous without a config file', async () => {
    expect(
      await resolveCredentials('ghcr.io', { username: 'me', password: 'pw' }, configPath)
    ).toEqual({ username: 'me', password: 'pw' });
    expect(await resolveCredentials('ghcr.io', { username: '', password: '' }, configPath)).toEqual(
      { username: 'gh', password: 'ghp_token' }
    );
    expect(
      await resolveCredentials('ghcr.io', undefined, join(dir, 'missing.json'))
    ).toBeUndefined();
  });
});

describe('parseBundle', () => {
  const good = JSON.parse(fixture('reusable-workflow-attestation.sigstore.json')) as Record<
    string,
    unknown
  >;
  const without = (path: string[]) => {
    const copy = structuredClone(good);
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    delete node[path[path.length - 1] as string];
    return copy;
  };

  it('extracts envelope, predicate type, leaf certificate and Rekor entry', () => {
    const parts = parseBundle(fixture('reusable-workflow-attestation.sigstore.json'));
    expect(parts.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(parts.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(parts.tlog.logIndex).toBe('96764485');
    expect(parts.leafDer.length).toBeGreaterThan(500);
  });

  it.each([
    [['dsseEnvelope'], 'dsseEnvelope'],
    [['verificationMaterial', 'certificate'], 'expected a Fulcio certificate'],
    [['verificationMaterial', 'tlogEntries'], 'expected a Rekor entry'],
    [['mediaType'], 'mediaType']
  ])('rejects a bundle without %j', (path, message) => {
    expect(() => parseBundle(without(path))).toThrow(message);
  });

  it('reads an absent logIndex as entry 0 (proto3 JSON omits zero values)', () => {
    expect(
      parseBundle(without(['verificationMaterial', 'tlogEntries', '0', 'logIndex'])).tlog.logIndex
    ).toBe('0');
  });

  it('rejects a bundle whose Rekor entry has no SET, and text that is not JSON', () => {
    const copy = structuredClone(good) as {
      verificationMaterial: { tlogEntries: Record<string, unknown>[] };
    };
    delete copy.verificationMaterial.tlogEntries[0]?.inclusionPromise;
    expect(() => parseBundle(copy as unknown as Record<string, unknown>)).toThrow(
      /inclusionPromise/
    );
    expect(() => parseBundle('{not json')).toThrow(/not valid JSON/);
  });
});
