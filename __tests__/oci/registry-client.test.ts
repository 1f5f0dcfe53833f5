// Unit tests of the distribution client's auth, redirect and retry rules with a scripted fetch.
// The same client is exercised against the real registry in publish.test.ts / faults.test.ts.
import { describe, expect, it } from '@jest/globals';
import { RegistryClient, type FetchLike } from '../../src/oci/registry-client.js';
import { ProvenanceError } from '../../src/errors.js';

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
const target = { apiHost: 'registry.example.com', repository: 'team/app' };
const digest = 'sha256:' + 'c'.repeat(64);

describe('RegistryClient auth', () => {
  it('answers a Bearer challenge with a token from the realm (Basic creds to the token service only)', async () => {
    const { fetch, calls } = scripted((call) => {
      if (call.url.startsWith('https://auth.example.com/token')) {
        expect(call.authorization).toBe(
          `Basic ${Buffer.from('bob:hunter2-secret').toString('base64')}`
        );
        const u = new URL(call.url);
        expect(u.searchParams.get('service')).toBe('registry.example.com');
        expect(u.searchParams.get('scope')).toBe('repository:team/app:pull,push');
        return Response.json({ token: 'T0K' });
      }
      if (call.authorization !== 'Bearer T0K')
        return new Response(null, {
          status: 401,
          headers: {
            'www-authenticate':
              'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/app:pull"'
          }
        });
      return new Response(null, {
        status: 200,
        headers: {
          'content-type': 'application/vnd.oci.image.index.v1+json',
          'docker-content-digest': digest,
          'content-length': '10'
        }
      });
    });
    const client = new RegistryClient(target, creds, { fetch, retry: fast, access: 'pull,push' });
    expect(await client.headManifest(digest)).toEqual({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest,
      size: 10
    });
    expect(calls.map((c) => c.url.split('?')[0])).toEqual([
      'https://registry.example.com/v2/team/app/manifests/' + digest,
      'https://auth.example.com/token',
      'https://registry.example.com/v2/team/app/manifests/' + digest
    ]);
  });

  it('reports rejected credentials without ever including the password', async () => {
    const { fetch } = scripted(
      () => new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } })
    );
    const client = new RegistryClient(target, creds, { fetch, retry: fast });
    const error = await client.headManifest(digest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvenanceError);
    expect((error as ProvenanceError).code).toBe('REGISTRY_ERROR');
    expect((error as Error).message).toMatch(
      /registry registry\.example\.com: rejected the credentials of user "bob"/
    );
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain('hunter2');
    expect((error as Error).message).not.toContain(
      Buffer.from('bob:hunter2-secret').toString('base64')
    );
  });

  it('says credentials are needed when anonymous access is refused', async () => {
    const { fetch } = scripted(
      () => new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } })
    );
    const client = new RegistryClient(target, undefined, { fetch, retry: fast });
    await expect(client.headManifest(digest)).rejects.toThrow(
      /requires authentication.*no credentials were given/
    );
  });

  it('never sends the registry credentials to an upload location on another origin', async () => {
    const { fetch, calls } = scripted((call) => {
      if (!call.authorization && call.url.startsWith('https://registry.example.com'))
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Basic realm="r"' }
        });
      if (call.method === 'HEAD') return new Response(null, { status: 404 });
      if (call.method === 'POST')
        return new Response(null, {
          status: 202,
          headers: { location: 'https://storage.example.net/upload/1?sig=x' }
        });
      return new Response(null, { status: 201 });
    });
    const client = new RegistryClient(target, creds, { fetch, retry: fast });
    await client.uploadBlob(Buffer.from('hello'), 'application/octet-stream');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.url).toMatch(/^https:\/\/storage\.example\.net\/upload\/1\?sig=x&digest=sha256%3A/);
    expect(put?.authorization).toBeUndefined();
  });
});

describe('RegistryClient retries', () => {
  it('retries 5xx and 429 and then succeeds', async () => {
    const statuses = [503, 429, 200];
    const { fetch, calls } = scripted(
      () => new Response(null, { status: statuses.shift() ?? 200, headers: { 'retry-after': '0' } })
    );
    const client = new RegistryClient(target, undefined, { fetch, retry: fast });
    expect(await client.hasBlob(digest)).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('gives up after the attempt limit with a message naming the registry and status', async () => {
    const { fetch, calls } = scripted(() => new Response(null, { status: 502 }));
    const client = new RegistryClient(target, undefined, { fetch, retry: fast });
    await expect(client.hasBlob(digest)).rejects.toThrow(
      /registry registry\.example\.com: kept answering 502 to HEAD .* \(gave up after 3 attempts/
    );
    expect(calls).toHaveLength(3);
  });

  it('stops early when the time budget is spent, even with attempts left', async () => {
    const { fetch, calls } = scripted(
      () => new Response(null, { status: 503, headers: { 'retry-after': '1' } })
    );
    const client = new RegistryClient(target, undefined, {
      fetch,
      retry: { attempts: 50, baseDelayMs: 1, maxDelayMs: 1000, budgetMs: 1500, timeoutMs: 1000 }
    });
    await expect(client.hasBlob(digest)).rejects.toThrow(/kept answering 503/);
    expect(calls.length).toBeLessThanOrEqual(2);
  });

  it('retries network failures and names them', async () => {
    const { fetch } = scripted(() => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    });
    const client = new RegistryClient(target, undefined, { fetch, retry: fast });
    await expect(client.hasBlob(digest)).rejects.toThrow(
      /could not be reached \(connect ECONNREFUSED\)/
    );
  });
});
