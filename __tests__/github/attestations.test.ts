import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { SerializedBundle } from '@sigstore/bundle';
import { uncompress as snappyUncompress } from 'snappyjs';
import { ProvenanceError } from '../../src/errors.js';
import { GitHubApi } from '../../src/publish/github-api.js';
import { bundleSubjectDigest, publishAttestations } from '../../src/publish/attestations.js';
import { RUN, TOKEN, failFirst, startGitHub } from './helpers.js';
import { serveService, type FaultLayer } from '../../sandbox/http.js';
import { createGitHubService } from '../../sandbox/github/service.js';

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../__fixtures__/github/${name}`, import.meta.url), 'utf8').trim()
  ) as SerializedBundle;
const RULES_LINT = load('rules_lint-v1.3.1.tar.gz.intoto.jsonl');
const MODULE = load('MODULE.bazel.intoto.jsonl');

let started: Awaited<ReturnType<typeof startGitHub>> | undefined;
afterEach(async () => {
  await started?.running.close();
  started = undefined;
});

async function setup(faults?: FaultLayer) {
  started = await startGitHub(faults);
  const api = new GitHubApi({
    baseUrl: started.running.url,
    token: TOKEN,
    baseDelayMs: 5,
    maxAttempts: 3
  });
  return { ...started, api };
}

describe('publishAttestations', () => {
  it('stores each bundle under its subject digest, listed the way GitHub lists it now (bundle_url)', async () => {
    const { api, running, service } = await setup();
    const results = await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT, MODULE]
    });
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r.reused).toBe(false);
      expect(r.url).toBe(`https://github.com/${RUN.repository}/attestations/${r.id}`);
    }
    expect(service.state.attestations).toHaveLength(2);

    const digest = bundleSubjectDigest(RULES_LINT);
    const listed = await fetch(
      `${running.url}/repos/${RUN.repository}/attestations/${digest}?predicate_type=provenance`,
      {
        headers: { authorization: `Bearer ${TOKEN}` }
      }
    );
    const body = (await listed.json()) as {
      attestations: { bundle: unknown; bundle_url: string; repository_id: number }[];
    };
    expect(body.attestations).toHaveLength(1);
    // Since July 2026: no inline bundle; a pre-signed storage URL serving it snappy-compressed.
    expect(body.attestations[0]).toMatchObject({
      bundle: null,
      repository_id: 123456,
      initiator: 'user'
    });
    const blob = await fetch(body.attestations[0]!.bundle_url);
    expect(blob.status).toBe(200);
    expect(blob.headers.get('content-type')).toBe('application/x-snappy');
    const bytes = snappyUncompress(Buffer.from(await blob.arrayBuffer()));
    expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual(RULES_LINT);
    // Without its signature the storage URL gives nothing.
    const unsigned = new URL(body.attestations[0]!.bundle_url);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(404);
  });

  it('does not store the same bundle twice on a re-run', async () => {
    const { api, service } = await setup();
    await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT]
    });
    const again = await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT, MODULE]
    });
    expect(again.map((r) => r.reused)).toEqual([true, false]);
    expect(again[0]!.subjectDigest).toBe(bundleSubjectDigest(RULES_LINT));
    expect(service.state.attestations).toHaveLength(2);
    // The stored bundle was read from bundle_url, and the GitHub token never went there.
    expect(service.state.bundleDownloads.length).toBeGreaterThan(0);
    expect(service.state.bundleDownloads.every((d) => !d.authorization)).toBe(true);
  });

  it('still recognises a bundle listed inline (the shape before July 2026)', async () => {
    const service = createGitHubService({ run: RUN, token: TOKEN, inlineAttestationBundles: true });
    const running = await serveService(service);
    try {
      const api = new GitHubApi({ baseUrl: running.url, token: TOKEN, baseDelayMs: 5 });
      const publishOnce = () =>
        publishAttestations({
          api,
          repository: RUN.repository,
          serverUrl: 'https://github.com',
          bundles: [RULES_LINT]
        });
      await publishOnce();
      expect((await publishOnce())[0]!.reused).toBe(true);
      expect(service.state.attestations).toHaveLength(1);
      expect(service.state.bundleDownloads).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('fails in one line when a listed bundle_url gives no bundle, posting nothing', async () => {
    const { api, service } = await setup();
    await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT]
    });
    // The storage blob is gone (or its signature expired): unknown whether ours is there.
    service.state.attestations[0]!.id = -1;
    const err = await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT]
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).message).toMatch(
      /^attestations API: cannot read a stored bundle from its bundle_url: HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/_sandbox\/attestation-bundles\/-1\.json\.sn$/
    );
    expect(service.state.attestations).toHaveLength(1);
  });

  it('retries a transient 500 and stores exactly once', async () => {
    const fault = failFirst((req) => req.method === 'POST', 1, 500);
    const { api, service } = await setup(fault);
    const [result] = await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT]
    });
    expect(fault.hits).toBe(1);
    expect(result!.id).toBe(service.state.attestations[0]!.id);
    expect(service.state.attestations).toHaveLength(1);
  });

  it('publishes nothing when one bundle is not an in-toto DSSE bundle', async () => {
    const { api, service } = await setup();
    const broken = {
      ...MODULE,
      dsseEnvelope: {
        ...(MODULE as { dsseEnvelope: object }).dsseEnvelope,
        payloadType: 'text/plain'
      }
    } as SerializedBundle;
    const err = await publishAttestations({
      api,
      repository: RUN.repository,
      serverUrl: 'https://github.com',
      bundles: [RULES_LINT, broken]
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).message).toContain('found payloadType "text/plain"');
    expect(service.state.attestations).toHaveLength(0);
    expect(service.state.requests).toHaveLength(0);
  });
});
