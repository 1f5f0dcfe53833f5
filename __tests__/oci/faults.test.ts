// Integration: failures against the real registry, some through a fault-injecting proxy. Every
// failure must be one clear REGISTRY_ERROR line, and skopeo (talking to the registry directly)
// must then see no new tag: nothing half-published.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  inspectRaw,
  listTags,
  pushTestImage,
  startFaultProxy,
  startRegistry,
  type RunningRegistry
} from '../../sandbox/registry.js';
import { failAlways, failTimes, matching } from '../../sandbox/registry/fault-rules.js';
import { publishImageAttestation, type RetryPolicy } from '../../src/publish/oci/index.js';
import { ProvenanceError } from '../../src/errors.js';
import type { FaultLayer } from '../../sandbox/http.js';
import { createFaultPlan } from '../../sandbox/faults.js';
import { parseBundle } from '../../src/publish/oci/bundle.js';
import { toPem } from '../../src/publish/oci/chain.js';
import { fixture, publicGoodRoot } from './offline-checks.js';

const bundle = fixture('reusable-workflow-attestation.sigstore.json');
const trustedRoot = publicGoodRoot();
const fastRetry: Partial<RetryPolicy> = {
  attempts: 3,
  baseDelayMs: 20,
  maxDelayMs: 50,
  budgetMs: 5000
};
const auth = { username: 'alice', password: 'pa55-Never-Logged' };

async function failure(p: Promise<unknown>): Promise<ProvenanceError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ProvenanceError);
  expect((error as ProvenanceError).code).toBe('REGISTRY_ERROR');
  return error as ProvenanceError;
}

describe('registry failures', () => {
  let registry: RunningRegistry;
  const opts = { auth };

  beforeAll(async () => {
    registry = await startRegistry({ auth });
  });
  afterAll(async () => {
    await registry?.close();
  });

  async function withProxy<T>(
    faults: FaultLayer | string,
    body: (host: string, requests: string[]) => Promise<T>
  ) {
    const proxy = await startFaultProxy(registry, faults);
    try {
      return await body(proxy.host, proxy.requests);
    } finally {
      await proxy.close();
    }
  }

  const publish = (image: string, extra: { credentials?: typeof auth } = { credentials: auth }) =>
    publishImageAttestation({
      image,
      bundle,
      trustedRoot,
      skipSubjectCheck: true,
      retry: fastRetry,
      dockerConfigPath: '/nonexistent/config.json',
      ...extra
    });

  it('digest not found: names the image and says to push it first', async () => {
    const image = await pushTestImage(registry.host, 'faults/missing', opts);
    const absent = 'sha256:' + 'f'.repeat(64);
    const error = await failure(publish(`${image.repository}@${absent}`));
    expect(error.message).toBe(
      `registry ${registry.host}: image ${image.repository}@${absent} not found (404); push the image first and pass the digest it was pushed with`
    );
    expect(await listTags(image.repository, opts)).toEqual(['latest']);
  });

  it('wrong password: a clear 401 message that never contains the password', async () => {
    const image = await pushTestImage(registry.host, 'faults/creds', opts);
    const error = await failure(
      publish(image.reference, { credentials: { username: 'alice', password: 'wrong-Secret-42' } })
    );
    expect(error.message).toMatch(
      new RegExp(
        `^registry ${registry.host.replace(/\./g, '\\.')}: rejected the credentials of user "alice"`
      )
    );
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain('wrong-Secret-42');
    expect(await listTags(image.repository, opts)).toEqual(['latest']);
  });

  it('no credentials for a registry that needs them: says so', async () => {
    const image = await pushTestImage(registry.host, 'faults/anon', opts);
    const error = await failure(publish(image.reference, {}));
    expect(error.message).toMatch(
      /requires authentication for faults\/anon \(401\) and no credentials were given/
    );
  });

  it('5xx then success: both publications land, retried by our client and by @sigstore/oci', async () => {
    const image = await pushTestImage(registry.host, 'faults/flaky', opts);
    const hex = image.digest.slice('sha256:'.length);
    const layers: FaultLayer[] = [
      failTimes(matching('HEAD', /\/manifests\/sha256:/), 503, 2), // our first read of the image
      failTimes(matching('POST', /\/blobs\/uploads\/$/), 500, 1),
      failTimes(matching('PUT', new RegExp(`/manifests/sha256-${hex}$`)), 502, 2), // fallback index, @sigstore/oci
      failTimes(matching('PUT', /\.att$/), 503, 2) // cosign tag, our client
    ];
    const faults: FaultLayer = async (req, res) => {
      for (const layer of layers) if (await layer(req, res)) return true;
      return false;
    };
    const result = await withProxy(faults, async (host, requests) => {
      const r = await publish(`${host}/faults/flaky@${image.digest}`);
      expect(
        requests.filter((q) => q === `PUT /v2/faults/flaky/manifests/sha256-${hex}.att`)
      ).toHaveLength(3);
      expect(
        requests.filter((q) => q === `PUT /v2/faults/flaky/manifests/sha256-${hex}`)
      ).toHaveLength(3);
      return r;
    });
    expect(result.cosignUpdated).toBe(true);
    const att = (await inspectRaw(`${image.repository}:sha256-${hex}.att`, opts)) as {
      layers: unknown[];
    };
    expect(att.layers).toHaveLength(1);
    const index = (await inspectRaw(`${image.repository}:sha256-${hex}`, opts)) as {
      manifests: { digest: string }[];
    };
    expect(index.manifests.map((m) => m.digest)).toEqual([result.referrerDigest]);
  });

  it('a sandbox fault plan (registry=503x1,registry=429x1) is ridden out', async () => {
    const image = await pushTestImage(registry.host, 'faults/plan', opts);
    const result = await withProxy('registry=503x1,registry=429x1', async (host, requests) => {
      const r = await publish(`${host}/faults/plan@${image.digest}`);
      expect(requests.slice(0, 3)).toEqual(
        Array(3).fill(`HEAD /v2/faults/plan/manifests/${image.digest}`)
      );
      return r;
    });
    expect(result.cosignUpdated).toBe(true);
    expect(await listTags(image.repository, opts)).toHaveLength(3);
  });

  it('another publisher appending between our read and our write: we re-read and append after theirs', async () => {
    const image = await pushTestImage(registry.host, 'faults/race', opts);
    const hex = image.digest.slice('sha256:'.length);
    let raced: Awaited<ReturnType<typeof publishImageAttestation>> | undefined;
    // our commit re-reads the tag (HEAD .att) just before writing it: let someone else win first
    const otherPublisher: FaultLayer = async (req) => {
      if (!raced && req.method === 'HEAD' && req.url.pathname.endsWith('.att'))
        raced = await publishImageAttestation({
          image: image.reference,
          bundle: fixture('custom-issuer.sigstore.json'),
          format: 'cosign',
          credentials: auth,
          trustedRoot,
          skipSubjectCheck: true
        });
      return false;
    };
    const result = await withProxy(otherPublisher, (host) =>
      publish(`${host}/faults/race@${image.digest}`)
    );
    expect(raced?.cosignUpdated).toBe(true);
    expect(result.cosignUpdated).toBe(true);
    const att = (await inspectRaw(`${image.repository}:sha256-${hex}.att`, opts)) as {
      layers: { annotations: Record<string, string> }[];
    };
    // theirs first (kept, not overwritten), ours appended
    expect(att.layers.map((l) => l.annotations['dev.sigstore.cosign/certificate'])).toEqual([
      toPem(parseBundle(fixture('custom-issuer.sigstore.json')).leafDer),
      toPem(parseBundle(bundle).leafDer)
    ]);
  });

  it('a registry that stops answering: the request times out and the retry succeeds', async () => {
    const image = await pushTestImage(registry.host, 'faults/slow', opts);
    const stall = createFaultPlan('registry=delayx1', { delayMs: 3000 }).faultLayerFor('registry');
    const result = await withProxy(stall, (host) =>
      publishImageAttestation({
        image: `${host}/faults/slow@${image.digest}`,
        bundle,
        trustedRoot,
        skipSubjectCheck: true,
        credentials: auth,
        retry: { ...fastRetry, timeoutMs: 500 },
        dockerConfigPath: '/nonexistent/config.json'
      })
    );
    expect(result.cosignUpdated).toBe(true);
  });

  it('5xx forever on manifest writes: bounded retries, names the registry, no tag written', async () => {
    const image = await pushTestImage(registry.host, 'faults/down', opts);
    const hex = image.digest.slice('sha256:'.length);
    await withProxy(failAlways(matching('PUT', /\/manifests\//), 503), async (host, requests) => {
      const started = Date.now();
      const error = await failure(publish(`${host}/faults/down@${image.digest}`));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(error.message).toMatch(
        new RegExp(`^registry ${host.replace(/\./g, '\\.')}: kept answering 503`)
      );
      // bounded: at most `attempts` tries of the manifest write that failed
      expect(
        requests.filter((q) => q.startsWith('PUT') && q.includes('/manifests/')).length
      ).toBeLessThanOrEqual(3);
    });
    expect(await inspectRaw(`${image.repository}:sha256-${hex}.att`, opts)).toBeUndefined();
    expect(await inspectRaw(`${image.repository}:sha256-${hex}`, opts)).toBeUndefined();
    expect(await listTags(image.repository, opts)).toEqual(['latest']);
  });

  it('5xx forever on the fallback index only: the cosign tag is not written either', async () => {
    const image = await pushTestImage(registry.host, 'faults/index', opts);
    const hex = image.digest.slice('sha256:'.length);
    await withProxy(
      failAlways(matching('PUT', new RegExp(`/manifests/sha256-${hex}$`)), 500),
      async (host) => {
        const error = await failure(publish(`${host}/faults/index@${image.digest}`));
        expect(error.message).toMatch(/kept answering 500 while attaching the referrer artifact/);
      }
    );
    expect(await listTags(image.repository, opts)).toEqual(['latest']);
  });

  it('5xx forever on everything: one line naming the registry, nothing written', async () => {
    const image = await pushTestImage(registry.host, 'faults/all', opts);
    await withProxy(
      failAlways(() => true, 503),
      async (host) => {
        const error = await failure(publish(`${host}/faults/all@${image.digest}`));
        expect(error.message).toMatch(
          new RegExp(
            `^registry ${host.replace(/\./g, '\\.')}: kept answering 503 to HEAD /v2/faults/all/manifests/sha256:${'[0-9a-f]'}{64} \\(gave up after 3 attempts`
          )
        );
        expect(error.message).not.toContain('\n');
      }
    );
    expect(await listTags(image.repository, opts)).toEqual(['latest']);
  });
});

describe('token-auth registry failures', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth, authMode: 'token' });
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('wrong password: the token service refusal is reported without the password', async () => {
    const image = await pushTestImage(registry.host, 'faults/token', { auth });
    const error = await failure(
      publishImageAttestation({
        image: image.reference,
        bundle,
        skipSubjectCheck: true,
        credentials: { username: 'alice', password: 'wrong-Token-Secret' },
        dockerConfigPath: '/nonexistent/config.json'
      })
    );
    expect(error.message).toMatch(
      /^registry 127\.0\.0\.1:\d+: token service http:\/\/127\.0\.0\.1:\d+ rejected the credentials of user "alice" \(401\)$/
    );
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain('wrong-Token-Secret');
    expect(await listTags(image.repository, { auth })).toEqual(['latest']);
  });

  it('credentials from ~/.docker/config.json auths are used when none are passed', async () => {
    const image = await pushTestImage(registry.host, 'faults/dockercfg', { auth });
    const dir = mkdtempSync(join(tmpdir(), 'oci-dockercfg-'));
    const dockerConfigPath = join(dir, 'config.json');
    writeFileSync(
      dockerConfigPath,
      JSON.stringify({
        auths: {
          [registry.host]: {
            auth: Buffer.from(`${auth.username}:${auth.password}`).toString('base64')
          }
        }
      })
    );
    const result = await publishImageAttestation({
      image: image.reference,
      bundle,
      skipSubjectCheck: true,
      dockerConfigPath
    });
    expect(result.cosignUpdated).toBe(true);
    expect(registry.tokenServer?.requests.some((r) => r.user === 'alice')).toBe(true);
  });
});
