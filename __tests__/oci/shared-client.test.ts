// The safety rules of the one registry client the publisher and the verifier share (src/oci/),
// with a scripted fetch. Each rule came from one side and now holds for both.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigCredentials } from '../../src/oci/credentials.js';
import { parseImageReference } from '../../src/oci/reference.js';
import {
  MAX_MANIFEST_BYTES,
  RegistryClient,
  type FetchLike
} from '../../src/oci/registry-client.js';
import { parseImageList } from '../../src/publish/oci/image-list.js';
import { parseImageReference as verifierImage } from '../../src/verify/cli/oci/image-ref.js';
import { verifierWording } from '../../src/verify/cli/oci/registry-wording.js';

interface Call {
  url: string;
  method: string;
  authorization?: string;
}

function scripted(handler: (call: Call) => Response): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const call: Call = {
        url,
        method: init.method ?? 'GET',
        ...(headers.authorization ? { authorization: headers.authorization } : {})
      };
      calls.push(call);
      return handler(call);
    }
  };
}

const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 2000, timeoutMs: 1000 };
const creds = { username: 'bob', password: 'hunter2-secret' };
const BASIC = `Basic ${Buffer.from('bob:hunter2-secret').toString('base64')}`;
const target = { apiHost: 'registry.example.com', repository: 'team/app' };
const sha256 = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;
const basicChallenge = () =>
  new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } });

describe('redirects', () => {
  it('follows a blob redirect to storage without the registry credentials, and checks the digest', async () => {
    const content = Buffer.from('attestation layer');
    const { fetch, calls } = scripted((call) => {
      if (call.url.startsWith('https://storage.example.net/')) return new Response(content);
      if (!call.authorization) return basicChallenge();
      return new Response(null, {
        status: 307,
        headers: { location: 'https://storage.example.net/blob/1?sig=x' }
      });
    });
    const client = new RegistryClient(target, creds, { fetch, retry: fast });
    expect(await client.blob(sha256(content))).toEqual(content);
    const storage = calls.filter((c) => c.url.startsWith('https://storage.example.net/'));
    expect(storage).toHaveLength(1);
    expect(storage[0]?.authorization).toBeUndefined();
    expect(calls.filter((c) => c.authorization === BASIC)).toHaveLength(1);
  });

  it('refuses a redirect to plain http outside loopback', async () => {
    const { fetch } = scripted(
      () =>
        new Response(null, { status: 302, headers: { location: 'http://storage.example.net/b' } })
    );
    const client = new RegistryClient(target, undefined, { fetch, retry: fast });
    await expect(client.blob(sha256('x'))).rejects.toThrow(
      /registry registry\.example\.com: GET \/v2\/team\/app\/blobs\/sha256:[0-9a-f]{64}: redirected to http:\/\/storage\.example\.net, which is not https/
    );
  });
});

describe('token realm and scope', () => {
  const bearer = (realm: string, scope = 'repository:other/repo:push') =>
    new Response(null, {
      status: 401,
      headers: { 'www-authenticate': `Bearer realm="${realm}",service="svc",scope="${scope}"` }
    });

  it('refuses a plain-http realm for an https registry even when the realm is loopback', async () => {
    const { fetch, calls } = scripted(() => bearer('http://127.0.0.1:9/token'));
    const client = new RegistryClient(target, creds, { fetch, retry: fast });
    await expect(client.headManifest('latest')).rejects.toThrow(
      'registry registry.example.com: sent a token realm over plain http (http://127.0.0.1:9); refusing to send credentials there'
    );
    expect(calls).toHaveLength(1);
  });

  it('refuses a plain-http realm off loopback for a loopback registry', async () => {
    const { fetch, calls } = scripted(() => bearer('http://auth.example.com/token'));
    const client = new RegistryClient(
      { apiHost: '127.0.0.1:5000', repository: 'team/app' },
      creds,
      { fetch, retry: fast, wording: verifierWording }
    );
    await expect(client.manifest('latest')).rejects.toThrow(
      'registry http://127.0.0.1:5000: token realm: expected an https URL, found http://auth.example.com/token'
    );
    expect(calls).toHaveLength(1);
  });

  it('asks for its own repository scope, never the one the registry suggests', async () => {
    const scopes: (string | null)[] = [];
    const { fetch } = scripted((call) => {
      if (call.url.startsWith('http://127.0.0.1:6000/token')) {
        scopes.push(new URL(call.url).searchParams.get('scope'));
        return Response.json({ access_token: 'T' });
      }
      if (call.authorization !== 'Bearer T') return bearer('http://127.0.0.1:6000/token');
      return new Response(null, { status: 404 });
    });
    const loopback = { apiHost: '127.0.0.1:5000', repository: 'team/app' };
    await new RegistryClient(loopback, undefined, { fetch, retry: fast }).manifest('v1');
    await new RegistryClient(loopback, creds, {
      fetch,
      retry: fast,
      access: 'pull,push'
    }).headManifest('v1');
    expect(scopes).toEqual(['repository:team/app:pull', 'repository:team/app:pull,push']);
  });
});

describe('content checks', () => {
  it('caps a manifest by its declared and by its streamed size', async () => {
    const declared = scripted(
      () => new Response('{}', { headers: { 'content-length': String(MAX_MANIFEST_BYTES + 1) } })
    );
    await expect(
      new RegistryClient(target, undefined, { fetch: declared.fetch, retry: fast }).manifest('v1')
    ).rejects.toThrow(/more than the 4194304-byte limit/);
    const streamed = scripted(() => new Response(Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20)));
    await expect(
      new RegistryClient(target, undefined, {
        fetch: streamed.fetch,
        retry: fast,
        wording: verifierWording
      }).manifest('v1')
    ).rejects.toThrow(/manifest v1: \d+ bytes exceeds the 4194304-byte limit/);
  });

  it('refuses a manifest that differs from the digest asked for or the digest announced', async () => {
    const body = '{"schemaVersion":2}';
    const wanted = sha256('something else');
    const byDigest = scripted(() => new Response(body));
    await expect(
      new RegistryClient(target, undefined, {
        fetch: byDigest.fetch,
        retry: fast,
        wording: verifierWording
      }).manifest(wanted)
    ).rejects.toThrow(
      `manifest ${wanted}: expected content with digest ${wanted}, found ${sha256(body)}`
    );
    const announced = scripted(
      () => new Response(body, { headers: { 'docker-content-digest': wanted } })
    );
    await expect(
      new RegistryClient(target, undefined, { fetch: announced.fetch, retry: fast }).manifest('v1')
    ).rejects.toThrow(`with digest ${sha256(body)}, but announced ${wanted}`);
  });

  it('retries a registry read for the verifier too, then names the failure its own way', async () => {
    const statuses = [503, 429];
    const manifest = Buffer.from('{"layers":[]}');
    const { fetch, calls } = scripted((call) =>
      call.url.endsWith('/manifests/v1')
        ? new Response(statuses.length ? null : manifest, {
            status: statuses.shift() ?? 200,
            headers: { 'retry-after': '0' }
          })
        : new Response(null, { status: 502 })
    );
    const client = new RegistryClient(target, undefined, {
      fetch,
      retry: fast,
      wording: verifierWording
    });
    expect(await client.manifest('v1')).toEqual({ layers: [] });
    expect(calls).toHaveLength(3);
    await expect(client.blob(sha256('x'))).rejects.toThrow(
      /^registry https:\/\/registry\.example\.com: GET https:\/\/registry\.example\.com\/v2\/team\/app\/blobs\/sha256:[0-9a-f]{64}: kept answering 502 \(gave up after 3 attempts/
    );
  });
});

describe('shared parsing', () => {
  it('parses one way for both sides and words refusals the same', () => {
    const hex = 'ab'.repeat(32);
    const shared = parseImageReference(`index.docker.io/me/app:v1@sha256:${hex}`);
    expect(verifierImage(`index.docker.io/me/app:v1@sha256:${hex}`)).toEqual({
      registry: shared.registry,
      repository: shared.repository,
      digest: shared.digest,
      hex
    });
    expect(parseImageList(`me/app@sha256:${hex}`)).toEqual([shared]);
    for (const parse of [parseImageReference, verifierImage])
      expect(() => parse('ghcr.io/o/app:v1')).toThrow(
        /^image: expected IMAGE@sha256:<64 hex>, found "ghcr\.io\/o\/app:v1": tags are refused/
      );
  });

  it('reads docker config entries of every form, and refuses a broken config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-shared-creds-'));
    const path = join(dir, 'config.json');
    writeFileSync(
      path,
      JSON.stringify({
        auths: {
          'https://quay.io/v2/': { username: 'u', password: 'p' },
          'ghcr.io': { auth: Buffer.from('x:y').toString('base64'), identitytoken: 'idtok' }
        }
      })
    );
    expect(await dockerConfigCredentials('quay.io', path)).toEqual({
      username: 'u',
      password: 'p'
    });
    expect(await dockerConfigCredentials('ghcr.io', path)).toEqual({
      username: 'x',
      password: 'idtok'
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"auths": ');
    await expect(dockerConfigCredentials('ghcr.io', broken)).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: `docker config ${broken}: expected JSON, found unparsable text`
    });
  });
});
