// The attestations API copy, as a consumer gets it: the bundled action signs (mode provenance)
// and stores the bundle through the sandbox GitHub's attestations API (mode publish,
// attest-to-github) exactly as the workflow's jobs do; then the bundle is read back the way gh
// reads it — GET /repos/{owner}/{repo}/attestations/sha256:{digest}, then its `bundle_url`
// (snappy-compressed, no token) — and handed to `gh attestation verify --bundle`.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/index.js';
import { REPO_ROOT } from '../../sandbox/real/peers.js';
import { runAction } from '../../demo/action-process.js';
import { listedBundle, type ListedAttestation } from '../../src/publish/attestation-bundle.js';

export interface AttestationsApiCase {
  /** The bundle read back from the API, written to a file. */
  bundleFile: string;
  artifact: string;
  trustedRoot: string;
}

function fail(message: string): never {
  throw new Error(`attestations API case: ${message}`);
}

export async function attestationsApiCase(out: string): Promise<AttestationsApiCase> {
  const dir = join(out, 'attestations-api');
  mkdirSync(join(dir, 'artifacts'), { recursive: true });
  const artifact = join(dir, 'artifacts', 'app-linux-amd64');
  const content = Buffer.from('attestations API build of app-linux-amd64\n');
  writeFileSync(artifact, content);
  const digest = createHash('sha256').update(content).digest('hex');
  const sandbox = await startSandbox({ sigstore: 'real', artifacts: true });
  try {
    const entry = join(REPO_ROOT, 'dist', 'index.js');
    const signed = await runAction({
      entry,
      inputs: {
        ...sandbox.actionInputs,
        'base64-subjects': Buffer.from(`${digest}  app-linux-amd64\n`).toString('base64'),
        'upload-artifact': 'true',
        'output-directory': dir
      },
      env: sandbox.runnerEnv()
    });
    if (signed.exitCode !== 0) fail(`mode provenance failed: ${signed.stdout.slice(-400)}`);
    const published = await runAction({
      entry,
      inputs: {
        mode: 'publish',
        'github-token': sandbox.githubToken,
        'provenance-name': signed.outputs['provenance-name'] ?? '',
        'provenance-sha256': signed.outputs['provenance-sha256'] ?? '',
        'attest-to-github': 'true'
      },
      env: sandbox.runnerEnv()
    });
    if (published.exitCode !== 0) fail(`mode publish failed: ${published.stdout.slice(-400)}`);

    const list = await fetch(
      `${sandbox.urls.github}/repos/${sandbox.run.repository}/attestations/sha256:${digest}`,
      {
        headers: {
          authorization: `Bearer ${sandbox.githubToken}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28'
        }
      }
    );
    if (!list.ok) fail(`listing answered HTTP ${list.status}`);
    const { attestations } = (await list.json()) as { attestations?: ListedAttestation[] };
    const first = attestations?.[0];
    if (!first) fail(`no attestation listed for sha256:${digest}`);
    const bundle = await listedBundle(first);
    if (!bundle) fail('the listed attestation has neither a bundle nor a bundle_url');
    const bundleFile = join(dir, 'attestation-from-api.json');
    writeFileSync(bundleFile, `${JSON.stringify(bundle)}\n`);
    const trustedRoot = join(dir, 'trusted_root.jsonl');
    writeFileSync(trustedRoot, `${JSON.stringify(sandbox.trustedRoot)}\n`);
    return { bundleFile, artifact, trustedRoot };
  } finally {
    await sandbox.close();
  }
}
