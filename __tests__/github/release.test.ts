import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import { GitHubApi } from '../../src/publish/github-api.js';
import { assetUploadUrl, publishReleaseAsset } from '../../src/publish/release.js';
import { serveService, type FaultLayer } from '../../sandbox/http.js';
import { createGitHubService } from '../../sandbox/github/service.js';
import { RUN, TOKEN, failFirst, startGitHub } from './helpers.js';

const CONTENT = readFileSync(
  new URL('../../__fixtures__/github/rules_lint-v1.3.1.tar.gz.intoto.jsonl', import.meta.url)
);
const NAME = 'rules_lint.intoto.jsonl';

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

const input = (api: GitHubApi, over: Partial<Parameters<typeof publishReleaseAsset>[0]> = {}) => ({
  api,
  repository: RUN.repository,
  tag: 'v1.2.3',
  draft: false,
  assetName: NAME,
  content: CONTENT,
  ...over
});

describe('publishReleaseAsset', () => {
  it('creates the release, uploads the file, and a re-run uploads nothing new', async () => {
    const { api, service, running } = await setup();
    const first = await publishReleaseAsset(input(api));
    expect(first).toMatchObject({ releaseCreated: true, uploaded: true });
    expect(first.downloadUrl).toBe(
      `https://github.com/${RUN.repository}/releases/download/v1.2.3/${NAME}`
    );

    const again = await publishReleaseAsset(input(api));
    expect(again).toMatchObject({
      releaseCreated: false,
      uploaded: false,
      assetId: first.assetId,
      releaseId: first.releaseId
    });
    expect(service.state.releases).toHaveLength(1);
    expect(service.state.assets).toHaveLength(1);

    // What a consumer downloads is byte-identical to what we uploaded.
    const asset = await fetch(
      `${running.url}/repos/${RUN.repository}/releases/assets/${first.assetId}`,
      {
        headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/octet-stream' }
      }
    );
    expect(Buffer.from(await asset.arrayBuffer()).equals(CONTENT)).toBe(true);
    // The release we created was published once, after the upload; the re-run edited nothing.
    expect(service.state.releases[0]).toMatchObject({ draft: false, tagName: 'v1.2.3' });
    expect(service.state.requests.filter((r) => r.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: `/repos/${RUN.repository}/releases/${first.releaseId}`, status: 200 }
    ]);
    const patchIndex = service.state.requests.findIndex((r) => r.method === 'PATCH');
    const uploadIndex = service.state.requests.findIndex(
      (r) => r.method === 'POST' && r.path.endsWith('/assets')
    );
    expect(uploadIndex).toBeLessThan(patchIndex);
  });

  it('creates a missing release as a draft when asked, and finds the draft again on re-run', async () => {
    const { api, service } = await setup();
    const first = await publishReleaseAsset(input(api, { draft: true }));
    expect(first.draft).toBe(true);
    expect(service.state.releases[0]).toMatchObject({ draft: true, tagName: 'v1.2.3' });
    expect(service.state.requests.some((r) => r.method === 'PATCH')).toBe(false);
    const again = await publishReleaseAsset(input(api, { draft: true }));
    expect(again).toMatchObject({
      releaseId: first.releaseId,
      uploaded: false,
      releaseCreated: false
    });
    expect(service.state.releases).toHaveLength(1);
  });

  it('adds to an existing release without changing it', async () => {
    const { api, service } = await setup();
    await publishReleaseAsset(input(api, { assetName: 'other.intoto.jsonl' }));
    const second = await publishReleaseAsset(input(api));
    expect(second).toMatchObject({ releaseCreated: false, uploaded: true, draft: false });
    // An existing release is never edited: only the first call (which created it) sent a PATCH.
    expect(service.state.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(service.state.assets.map((a) => a.name).sort()).toEqual(
      ['other.intoto.jsonl', NAME].sort()
    );
  });

  it('refuses to replace an asset of the same name with different content', async () => {
    const { api, service } = await setup();
    await publishReleaseAsset(input(api));
    const changed = Buffer.concat([CONTENT, Buffer.from('\n')]);
    const err = await publishReleaseAsset(input(api, { content: changed })).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('PUBLISH_FAILED');
    expect((err as ProvenanceError).message).toContain('different content');
    expect((err as ProvenanceError).message).toContain(
      `sha256:${createHash('sha256').update(changed).digest('hex')}`
    );
    expect(service.state.assets).toHaveLength(1);
    expect(service.state.assets[0]!.content.equals(CONTENT)).toBe(true);
    expect(service.state.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('retries a transient 500 on the upload and succeeds', async () => {
    const fault = failFirst(
      (req) => req.method === 'POST' && req.url.pathname.endsWith('/assets'),
      1,
      500
    );
    const { api, service } = await setup(fault);
    const result = await publishReleaseAsset(input(api));
    expect(fault.hits).toBe(1);
    expect(result.uploaded).toBe(true);
    expect(service.state.assets).toHaveLength(1);
  });

  it('gives one clear error naming the endpoint when the service keeps failing', async () => {
    const fault = failFirst(
      (req) => req.method === 'POST' && req.url.pathname.endsWith('/releases'),
      100,
      503
    );
    const { api, service } = await setup(fault);
    const err = await publishReleaseAsset(input(api)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
    expect((err as ProvenanceError).message).toMatch(
      new RegExp(
        `^GitHub API POST http://127\\.0\\.0\\.1:\\d+/repos/${RUN.repository}/releases: gave up after 3 attempt\\(s\\).*HTTP 503: injected fault$`
      )
    );
    expect(fault.hits).toBe(3);
    expect(service.state.releases).toHaveLength(0);
  });

  it('removes the draft it created when the upload keeps failing, so nothing is left half-published', async () => {
    const fault = failFirst(
      (req) => req.method === 'POST' && req.url.pathname.endsWith('/assets'),
      100,
      502
    );
    const { api, service } = await setup(fault);
    const err = await publishReleaseAsset(input(api)).catch((e: unknown) => e);
    expect((err as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
    expect((err as ProvenanceError).message).toMatch(
      /\/assets: gave up after 3 attempt\(s\).*HTTP 502: injected fault$/
    );
    expect(service.state.releases).toHaveLength(0);
    expect(service.state.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('builds the upload URL from GitHub’s RFC 6570 template', () => {
    expect(
      assetUploadUrl(
        'https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}',
        'a b.intoto.jsonl'
      )
    ).toBe('https://uploads.github.com/repos/o/r/releases/1/assets?name=a+b.intoto.jsonl');
  });
});

describe('publishReleaseAsset against assets without a digest (uploaded before GitHub added it)', () => {
  it('downloads the existing asset through the redirect to compare it', async () => {
    const service = createGitHubService({ run: RUN, token: TOKEN, assetsWithoutDigest: true });
    const running = await serveService(service);
    try {
      const api = new GitHubApi({ baseUrl: running.url, token: TOKEN, baseDelayMs: 5 });
      await publishReleaseAsset(input(api));
      const again = await publishReleaseAsset(input(api));
      expect(again.uploaded).toBe(false);
      expect(
        service.state.requests.some((r) => r.path.startsWith('/_sandbox/release-assets/'))
      ).toBe(true);
      const err = await publishReleaseAsset(input(api, { content: Buffer.from('other\n') })).catch(
        (e: unknown) => e
      );
      expect((err as ProvenanceError).message).toContain('with different content');
    } finally {
      await running.close();
    }
  });
});
