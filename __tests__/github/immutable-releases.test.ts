// Immutable releases, as GitHub runs them: once published, a release refuses new assets and asset
// deletes, and its tag is never given to another release
// (https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import { GitHubApi } from '../../src/publish/github-api.js';
import {
  checkReleaseAcceptsAsset,
  publishReleaseAsset,
  removeReleaseAsset
} from '../../src/publish/release.js';
import { serveService, type FaultLayer, type RunningService } from '../../sandbox/http.js';
import { createGitHubService } from '../../sandbox/github/service.js';
import { RUN, TOKEN } from './helpers.js';

const CONTENT = readFileSync(
  new URL('../../__fixtures__/github/rules_lint-v1.3.1.tar.gz.intoto.jsonl', import.meta.url)
);
const NAME = 'rules_lint.intoto.jsonl';
const REPO = `/repos/${RUN.repository}`;

let running: RunningService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function setup(options: { immutableReleases?: boolean; faults?: FaultLayer } = {}) {
  const service = createGitHubService({
    run: RUN,
    token: TOKEN,
    immutableReleases: options.immutableReleases ?? true
  });
  running = await serveService(service, options.faults ? { faults: options.faults } : {});
  const api = new GitHubApi({ baseUrl: running.url, token: TOKEN, baseDelayMs: 5, maxAttempts: 3 });
  const url = running.url;
  const call = async (method: string, path: string, body?: unknown, contentType?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined ? { 'content-type': contentType ?? 'application/json' } : {})
      },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body)
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return { service, api, call };
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

describe('sandbox GitHub: a repository with immutable releases', () => {
  it('locks a release when it is published: uploads and asset deletes get GitHub’s 422s', async () => {
    const { call } = await setup();
    const draft = await call('POST', `${REPO}/releases`, { tag_name: 'v1', draft: true });
    expect(draft.json).toMatchObject({ draft: true, immutable: false });
    const id = Number(draft.json['id']);
    // A draft is not locked yet: assets go in.
    const asset = await call(
      'POST',
      `${REPO}/releases/${id}/assets?name=a.txt`,
      Buffer.from('a'),
      'text/plain'
    );
    expect(asset.status).toBe(201);

    const published = await call('PATCH', `${REPO}/releases/${id}`, { draft: false });
    expect(published.json).toMatchObject({ draft: false, immutable: true });

    const upload = await call(
      'POST',
      `${REPO}/releases/${id}/assets?name=b.txt`,
      Buffer.from('b'),
      'text/plain'
    );
    expect(upload).toEqual({
      status: 422,
      json: {
        message: 'Cannot upload assets to an immutable release.',
        documentation_url: 'https://docs.github.com/rest',
        status: '422'
      }
    });
    const del = await call('DELETE', `${REPO}/releases/assets/${Number(asset.json['id'])}`);
    expect(del.status).toBe(422);
    expect(del.json['message']).toBe('Cannot delete asset from an immutable release.');
  });

  it('never gives the tag of a deleted immutable release to a new one', async () => {
    const { call } = await setup();
    const created = await call('POST', `${REPO}/releases`, { tag_name: 'v2' });
    expect(created.json['immutable']).toBe(true);
    expect((await call('DELETE', `${REPO}/releases/${Number(created.json['id'])}`)).status).toBe(
      204
    );
    const again = await call('POST', `${REPO}/releases`, { tag_name: 'v2' });
    expect(again.status).toBe(422);
    expect(again.json['errors']).toEqual([
      {
        resource: 'Release',
        code: 'custom',
        field: 'tag_name',
        message: 'tag_name was used by an immutable release'
      }
    ]);
  });

  it('leaves releases published before the setting was switched on as they are', async () => {
    const { call, service } = await setup({ immutableReleases: false });
    const before = await call('POST', `${REPO}/releases`, { tag_name: 'v3' });
    service.state.immutableReleases = true;
    expect(before.json['immutable']).toBe(false);
    const upload = await call(
      'POST',
      `${REPO}/releases/${Number(before.json['id'])}/assets?name=c.txt`,
      Buffer.from('c'),
      'text/plain'
    );
    expect(upload.status).toBe(201);
  });
});

describe('publishReleaseAsset with immutable releases', () => {
  it('creates a draft, uploads, then publishes: the release ends immutable with the provenance in it', async () => {
    const { api, service } = await setup();
    const result = await publishReleaseAsset(input(api));
    expect(result).toMatchObject({ releaseCreated: true, uploaded: true, immutable: true });
    expect(service.state.releases[0]).toMatchObject({ draft: false, immutable: true });
    expect(service.state.assets.map((a) => a.name)).toEqual([NAME]);

    // A re-run finds its own asset and changes nothing.
    const again = await publishReleaseAsset(input(api));
    expect(again).toMatchObject({ uploaded: false, releaseCreated: false, immutable: true });
  });

  it('refuses an already-published immutable release in one line naming both ways out, without trying the upload', async () => {
    const { api, service, call } = await setup();
    await call('POST', `${REPO}/releases`, { tag_name: 'v1.2.3' });
    const err = await publishReleaseAsset(input(api)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('PUBLISH_FAILED');
    const message = (err as ProvenanceError).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('release "v1.2.3" is an immutable release that is already published');
    expect(message).toContain('Cannot upload assets to an immutable release');
    expect(message).toContain('leave the release to this workflow');
    expect(message).toContain('publish it after the provenance job has finished');
    expect(message).not.toContain('already exists');
    expect(
      service.state.requests.some((r) => r.method === 'POST' && r.path.endsWith('/assets'))
    ).toBe(false);
  });

  it('reads GitHub’s 422 as the immutable refusal it is, not as "asset already exists"', async () => {
    // The release is a draft when the action looks and gets published (locked) before the
    // upload lands, so only the 422's message tells what happened.
    const holder: { service?: ReturnType<typeof createGitHubService> } = {};
    const publishFirst: FaultLayer = (req) => {
      if (req.method === 'POST' && req.url.pathname.endsWith('/assets')) {
        const release = holder.service!.state.releases[0]!;
        release.draft = false;
        release.immutable = true;
      }
      return false;
    };
    const started = await setup({ faults: publishFirst });
    const service = (holder.service = started.service);
    await started.call('POST', `${REPO}/releases`, { tag_name: 'v1.2.3', draft: true });
    const err = await publishReleaseAsset(input(started.api)).catch((e: unknown) => e);
    expect((err as ProvenanceError).message).toContain(
      'is an immutable release that is already published'
    );
    expect(service.state.assets).toHaveLength(0);
  });

  it('names the burned tag when an immutable release used it before', async () => {
    const { api, call } = await setup();
    const old = await call('POST', `${REPO}/releases`, { tag_name: 'v1.2.3' });
    await call('DELETE', `${REPO}/releases/${Number(old.json['id'])}`);
    const err = await publishReleaseAsset(input(api)).catch((e: unknown) => e);
    expect((err as ProvenanceError).message).toBe(
      'release "v1.2.3": GitHub refuses to create it because the tag was used by an immutable release (deleted immutable releases keep their tag for good); choose another tag with upload-tag-name'
    );
  });

  it('rollback never tries to delete from an immutable release', async () => {
    const { api, service } = await setup();
    const result = await publishReleaseAsset(input(api));
    const before = service.state.requests.length;
    await expect(removeReleaseAsset(api, RUN.repository, result)).rejects.toThrow(/is immutable/);
    expect(service.state.requests.slice(before)).toEqual([]);
    expect(service.state.assets).toHaveLength(1);
  });

  it('a mutable repository still gets its release published and removable', async () => {
    const { api, service } = await setup({ immutableReleases: false });
    const result = await publishReleaseAsset(input(api));
    expect(result.immutable).toBe(false);
    await removeReleaseAsset(api, RUN.repository, result);
    expect(service.state.releases).toHaveLength(0);
  });

  it('checks before signing: only an already-published immutable release without our asset is refused', async () => {
    const { api, call } = await setup();
    const check = (tag: string) => checkReleaseAcceptsAsset(api, RUN.repository, tag, NAME);
    await expect(check('v0.0.1')).resolves.toBeUndefined(); // no release: we create it
    await call('POST', `${REPO}/releases`, { tag_name: 'v0.0.2', draft: true });
    await expect(check('v0.0.2')).resolves.toBeUndefined(); // a draft takes assets
    await call('POST', `${REPO}/releases`, { tag_name: 'v0.0.3' });
    await expect(check('v0.0.3')).rejects.toThrow(
      'release "v0.0.3" is an immutable release that is already published'
    );
    // A re-run: our asset is already in it (its content is compared at upload time).
    await publishReleaseAsset(input(api, { tag: 'v0.0.4' }));
    await expect(check('v0.0.4')).resolves.toBeUndefined();
  });
});
