import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigCredentials as credentialsFor } from '../../src/oci/credentials.js';
import { registryBaseUrl } from '../../src/oci/reference.js';
import { parseChallenge } from '../../src/oci/www-authenticate.js';
import { parseImageReference } from '../../src/verify/cli/oci/image-ref.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    [`ghcr.io/acme/app@${DIGEST}`, 'ghcr.io', 'acme/app'],
    [`localhost:5000/app@${DIGEST}`, 'localhost:5000', 'app'],
    [`127.0.0.1:5000/a/b/c:v1@${DIGEST}`, '127.0.0.1:5000', 'a/b/c'],
    [`alpine@${DIGEST}`, 'docker.io', 'library/alpine'],
    [`acme/app@${DIGEST}`, 'docker.io', 'acme/app']
  ])('%s', (text, registry, repository) => {
    expect(parseImageReference(text)).toEqual({
      registry,
      repository,
      digest: DIGEST,
      hex: 'a'.repeat(64)
    });
  });

  it.each([
    'ghcr.io/acme/app:latest',
    'ghcr.io/acme/app@sha256:abc',
    `ghcr.io/Acme/App@${DIGEST}`,
    `ghcr.io/acme/../x@${DIGEST}`
  ])('refuses %s', (text) => {
    expect(() => parseImageReference(text)).toThrow(/^image: expected/);
  });

  it('uses http only for loopback registries', () => {
    expect(registryBaseUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(registryBaseUrl('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(registryBaseUrl('ghcr.io')).toBe('https://ghcr.io');
    expect(registryBaseUrl('127.0.0.1.evil.example')).toBe('https://127.0.0.1.evil.example');
    expect(registryBaseUrl('docker.io')).toBe('https://registry-1.docker.io');
  });
});

describe('credentialsFor', () => {
  const config = (auths: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'docker-config-')), 'config.json');
    writeFileSync(path, JSON.stringify({ auths }));
    return path;
  };
  it('reads base64 auth and username/password entries, by host or URL', async () => {
    const path = config({
      'ghcr.io': { auth: Buffer.from('me:tok:en').toString('base64') },
      'https://quay.io': { username: 'u', password: 'p' }
    });
    expect(await credentialsFor('ghcr.io', path)).toEqual({ username: 'me', password: 'tok:en' });
    expect(await credentialsFor('quay.io', path)).toEqual({ username: 'u', password: 'p' });
    expect(await credentialsFor('other.io', path)).toBeUndefined();
  });
  it('maps Docker Hub to its v1 key', async () => {
    const path = config({
      'https://index.docker.io/v1/': { auth: Buffer.from('hub:pw').toString('base64') }
    });
    expect(await credentialsFor('docker.io', path)).toEqual({ username: 'hub', password: 'pw' });
  });
  it('is anonymous without a config file and refuses a malformed auth', async () => {
    expect(await credentialsFor('ghcr.io', '/nonexistent/config.json')).toBeUndefined();
    await expect(
      credentialsFor(
        'ghcr.io',
        config({ 'ghcr.io': { auth: Buffer.from('nocolon').toString('base64') } })
      )
    ).rejects.toThrow(/expected base64 of user:password/);
  });
});

describe('parseChallenge', () => {
  it('reads bearer parameters, quoted or not', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example/token",service=registry.example,scope="repository:a/b:pull"'
      )
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example/token',
        service: 'registry.example',
        scope: 'repository:a/b:pull'
      }
    });
    expect(parseChallenge('Basic realm="x"')?.scheme).toBe('basic');
  });
});

describe('RegistryClient token realm', () => {
  it('refuses a plain-http token realm for an https registry (credentials would leak)', async () => {
    const { RegistryClient } = await import('../../src/oci/registry-client.js');
    const { verifierWording } = await import('../../src/verify/cli/oci/registry-wording.js');
    const requests: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      requests.push(String(input));
      return new Response('', {
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="http://evil.example/token",service="x"' }
      });
    };
    const client = new RegistryClient(
      { apiHost: 'ghcr.io', repository: 'acme/app' },
      { username: 'u', password: 'p' },
      { fetch: fakeFetch, wording: verifierWording }
    );
    await expect(client.manifest('latest')).rejects.toThrow(
      'registry https://ghcr.io: token realm: expected an https URL, found http://evil.example/token'
    );
    expect(requests).toEqual(['https://ghcr.io/v2/acme/app/manifests/latest']);
  });
});
