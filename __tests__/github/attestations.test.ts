import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { SerializedBundle } from '@sigstore/bundle';
import { ProvenanceError } from '../../src/errors.js';
import { GitHubApi } from '../../src/publish/github-api.js';
import { bundleSubjectDigest, publishAttestations } from '../../src/publish/attestations.js';
import { RUN, TOKEN, failFirst, startGitHub } from './helpers.js';
import type { FaultLayer } from '../../sandbox/http.js';

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
  it('stores each bundle under its subject digest, readable the way gh attestation verify reads it', async () => {
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
      attestations: { bundle: unknown; repository_id: number }[];
    };
    expect(body.attestations).toHaveLength(1);
    expect(body.attestations[0]!.bundle).toEqual(RULES_LINT);
    expect(body.attestations[0]!.repository_id).toBe(123456);
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
    expect((err as ProvenanceError).message).toContain('found text/plain');
    expect(service.state.attestations).toHaveLength(0);
    expect(service.state.requests).toHaveLength(0);
  });
});
