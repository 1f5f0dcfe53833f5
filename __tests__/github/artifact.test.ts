import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DefaultArtifactClient } from '@actions/artifact';
import { ProvenanceError } from '../../src/errors.js';
import { publishWorkflowArtifact } from '../../src/publish/artifact.js';
import { serveService, type RunningService } from '../../sandbox/http.js';
import {
  readZipEntries,
  startArtifactStorage,
  type ArtifactStorage
} from '../../sandbox/artifacts/index.js';
import { mintRuntimeToken } from '../../sandbox/artifacts/runtime-token.js';

const NAME = 'app.intoto.jsonl';

describe('publishWorkflowArtifact through @actions/artifact into azurite', () => {
  let storage: ArtifactStorage;
  let results: RunningService;
  let workspace: string;
  const saved = { ...process.env };
  const writeStdout = process.stdout.write.bind(process.stdout);
  let failCreateArtifact = 0;

  beforeAll(async () => {
    storage = await startArtifactStorage();
    // A fault layer the tests arm: the next N CreateArtifact calls answer 500.
    results = await serveService(storage.resultsService, {
      faults: (req, res) => {
        if (failCreateArtifact === 0 || !req.url.pathname.endsWith('/CreateArtifact')) return false;
        failCreateArtifact--;
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal', msg: 'injected fault' }));
        return true;
      }
    });
    // @actions/core writes workflow commands (::debug:: ...) to stdout; keep test output readable.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
      String(chunk).startsWith('::')
        ? true
        : writeStdout(chunk, ...rest)) as typeof process.stdout.write;
    workspace = await mkdtemp(join(tmpdir(), 'artifact-test-'));
    // What a runner gives the job; @actions/artifact reads these itself.
    process.env['ACTIONS_RESULTS_URL'] = `${results.url}/`;
    process.env['ACTIONS_RUNTIME_TOKEN'] = storage.runtimeToken;
    process.env['GITHUB_WORKSPACE'] = workspace;
    process.env['GITHUB_SERVER_URL'] = 'https://github.com';
  });

  afterAll(async () => {
    process.stdout.write = writeStdout;
    process.env = saved;
    await results?.close();
    await storage?.close();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('uploads, reads back byte-identical, and a re-run uploads nothing; different content is refused', async () => {
    const filePath = join(workspace, NAME);
    const content = Buffer.from(
      `{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","n":"${randomBytes(8).toString('hex')}"}\n`
    );
    await writeFile(filePath, content);
    const client = new DefaultArtifactClient();

    const first = await publishWorkflowArtifact({ client, name: NAME, filePath, retentionDays: 5 });
    expect(first.uploaded).toBe(true);
    expect(storage.listArtifacts().map((a) => [a.id, a.name])).toEqual([[first.id, NAME]]);

    const zip = await storage.downloadArtifact(NAME);
    const entries = readZipEntries(zip);
    expect([...entries.keys()]).toEqual([NAME]);
    expect(entries.get(NAME)!.equals(content)).toBe(true);

    const again = await publishWorkflowArtifact({ client, name: NAME, filePath });
    expect(again).toEqual({ id: first.id, uploaded: false });
    expect(storage.listArtifacts()).toHaveLength(1);
    // Why the publisher looks first: like GitHub, the service refuses a second upload of a name.
    await expect(client.uploadArtifact(NAME, [filePath], workspace)).rejects.toThrow(
      /\(409\) Conflict: an artifact with this name already exists on the workflow run/
    );

    await writeFile(filePath, Buffer.concat([content, Buffer.from('\n')]));
    const err = await publishWorkflowArtifact({ client, name: NAME, filePath }).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('PUBLISH_FAILED');
    expect((err as ProvenanceError).message).toContain('different content');
    expect(storage.listArtifacts()).toHaveLength(1);
    expect(
      readZipEntries(await storage.downloadArtifact(NAME))
        .get(NAME)!
        .equals(content)
    ).toBe(true);
  });

  it('a re-run that signed again keeps the earlier artifact and hands back its bytes', async () => {
    // The workflow's publish jobs check the artifact against the sha256 the provenance job
    // outputs; with the earlier artifact standing, that job must output the earlier bytes.
    const name = 'rerun.intoto.jsonl';
    const filePath = join(workspace, name);
    const earlier = Buffer.from(`{"signed":"first attempt"}\n`);
    await writeFile(filePath, earlier);
    const client = new DefaultArtifactClient();
    const first = await publishWorkflowArtifact({ client, name, filePath });
    await writeFile(filePath, Buffer.from(`{"signed":"second attempt"}\n`));
    const again = await publishWorkflowArtifact({
      client,
      name,
      filePath,
      sameBuild: (existing) => existing.equals(earlier)
    });
    expect(again.uploaded).toBe(false);
    expect(again.id).toBe(first.id);
    expect(again.kept?.equals(earlier)).toBe(true);
  });

  it('the results service refuses a runtime token it did not mint, and ids the token does not grant', async () => {
    const call = (token: string, run: string, job: string) =>
      fetch(`${results.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ workflow_run_backend_id: run, workflow_job_run_backend_id: job })
      });
    const [run, job] = JSON.parse(
      Buffer.from(storage.runtimeToken.split('.')[1]!, 'base64url').toString('utf8')
    )
      .scp.split(' ')
      .find((s: string) => s.startsWith('Actions.Results:'))
      .split(':')
      .slice(1) as [string, string];
    expect((await call(storage.runtimeToken, run, job)).status).toBe(200);
    const forged = mintRuntimeToken(randomBytes(32), { runBackendId: run, jobBackendId: job });
    const res = await call(forged, run, job);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 'unauthenticated',
      msg: 'missing or invalid runtime token'
    });
    expect((await call(storage.runtimeToken, 'other-run', job)).status).toBe(403);
  });

  it('rides out a transient 500 from the results service (the client retries)', async () => {
    const filePath = join(workspace, 'transient.intoto.jsonl');
    await writeFile(filePath, '{"transient":true}\n');
    failCreateArtifact = 1;
    const result = await publishWorkflowArtifact({
      client: new DefaultArtifactClient(),
      name: 'transient.intoto.jsonl',
      filePath
    });
    expect(failCreateArtifact).toBe(0);
    expect(result.uploaded).toBe(true);
    expect(
      readZipEntries(await storage.downloadArtifact('transient.intoto.jsonl'))
        .get('transient.intoto.jsonl')!
        .toString()
    ).toBe('{"transient":true}\n');
  });

  it('gives one clear error when the results service cannot be reached, and uploads nothing', async () => {
    const filePath = join(workspace, 'down.intoto.jsonl');
    await writeFile(filePath, '{}\n');
    const down = await serveService(storage.resultsService);
    await down.close();
    process.env['ACTIONS_RESULTS_URL'] = `${down.url}/`;
    try {
      const err = await publishWorkflowArtifact({
        client: new DefaultArtifactClient(),
        name: 'down.intoto.jsonl',
        filePath
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProvenanceError);
      expect((err as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
      expect((err as ProvenanceError).message).toMatch(
        /^workflow artifact "down\.intoto\.jsonl": could not list the run's artifacts: /
      );
    } finally {
      process.env['ACTIONS_RESULTS_URL'] = `${results.url}/`;
    }
    expect(storage.listArtifacts().some((a) => a.name === 'down.intoto.jsonl')).toBe(false);
  });
});
