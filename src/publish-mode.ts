// `mode: publish` — what the reusable workflows' upload-assets and attest jobs run, from the
// builder checkout at job_workflow_sha. It signs nothing and holds no id-token: it fetches the
// .intoto.jsonl the provenance job uploaded as a workflow artifact (@actions/artifact, the same
// client that uploaded it), checks it against the sha256 that job reported, and hands it to the
// same publishers the signing mode uses (publish/github-publishers.ts). One implementation each.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { ProvenanceError, describeError } from './errors.js';
import type { ActionInputs } from './inputs.js';
import { httpTimeoutFromEnv, type RunDependencies } from './main.js';
import { publishToAttestationsApi, publishToRelease } from './publish/github-publishers.js';
import { PublicationLedger } from './publish/rollback.js';
import {
  checkProvenanceDigest,
  parseSignedProvenance,
  releaseTagOf,
  signedSource
} from './publish/signed-file.js';
import type { Publication } from './publish/summary.js';
import { safeLogText } from './sanitize.js';

export type ArtifactReader = Pick<ArtifactClient, 'getArtifact' | 'downloadArtifact'>;

/** The provenance file of this run's workflow artifact `name` (file and artifact share it). */
export async function downloadProvenanceArtifact(
  client: ArtifactReader,
  name: string
): Promise<Buffer> {
  let id: number;
  try {
    id = (await client.getArtifact(name)).artifact.id;
  } catch (e) {
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      `workflow artifact "${safeLogText(name)}": not found in this run (${describeError(e)}); the provenance job uploads it`,
      { cause: e }
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'provenance-publish-'));
  try {
    await client.downloadArtifact(id, { path: dir });
    return await readFile(join(dir, name));
  } catch (e) {
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      `workflow artifact "${safeLogText(name)}" (id ${id}): could not read ${safeLogText(name)} from it (${describeError(e)})`,
      { cause: e }
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function requirePublishInputs(inputs: ActionInputs, env: NodeJS.ProcessEnv): string {
  if (inputs.provenanceName === '') {
    throw new ProvenanceError(
      'INPUT_INVALID',
      'mode publish: provenance-name is required (the provenance job output of that name)'
    );
  }
  if (!inputs.uploadAssets && !inputs.attestToGithub) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      'mode publish: nothing to do; set upload-assets or attest-to-github'
    );
  }
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new ProvenanceError(
      'CONTEXT_MISMATCH',
      `GITHUB_REPOSITORY: expected owner/name, found "${safeLogText(repository)}"`
    );
  }
  return repository;
}

export interface PublishModeResult {
  publications: Publication[];
  attestationUrl: string;
}

export async function publishSigned(
  inputs: ActionInputs,
  deps: RunDependencies,
  client?: ArtifactReader
): Promise<PublishModeResult> {
  const { env } = deps;
  const repository = requirePublishInputs(inputs, env);
  if (!client && !env.ACTIONS_RUNTIME_TOKEN) {
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      'mode publish: no workflow artifact service in this job (ACTIONS_RUNTIME_TOKEN is not set)'
    );
  }
  const reader = client ?? new (await import('@actions/artifact')).DefaultArtifactClient();
  const content = await downloadProvenanceArtifact(reader, inputs.provenanceName);
  checkProvenanceDigest(content, inputs.provenanceSha256);
  const { bundles, statements } = parseSignedProvenance(content);

  // The job's token writes to GITHUB_REPOSITORY only; the provenance must be about that repository.
  const source = signedSource(statements[0]!);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  if (source.repositoryUri !== `${serverUrl}/${repository}`) {
    throw new ProvenanceError(
      'CONTEXT_MISMATCH',
      `the provenance is about ${safeLogText(source.repositoryUri)}, this job publishes to ${serverUrl}/${repository}; refusing to attach it`
    );
  }
  const tag = inputs.uploadAssets ? releaseTagOf(inputs.uploadTagName, source.ref) : undefined;
  deps.info(
    `Publishing ${safeLogText(inputs.provenanceName)} (sha256 ${inputs.provenanceSha256}, ${bundles.length} bundle${bundles.length === 1 ? '' : 's'}) for ${repository}`
  );

  const timeoutMs = httpTimeoutFromEnv(env);
  const { GitHubApi } = await import('./publish/github-api.js');
  const api = new GitHubApi({
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    token: inputs.githubToken,
    ...(timeoutMs ? { timeoutMs } : {})
  });
  const ledger = new PublicationLedger();
  const publications: Publication[] = [];
  let attestationUrl = '';
  try {
    if (tag !== undefined) {
      publications.push(
        await publishToRelease({
          api,
          repository,
          tag,
          draft: inputs.draftRelease,
          targetCommitish: source.commit,
          file: { name: inputs.provenanceName, content },
          statements,
          ledger
        })
      );
    }
    if (inputs.attestToGithub) {
      const stored = await publishToAttestationsApi({
        api,
        repository,
        serverUrl,
        bundles,
        statements,
        ledger
      });
      publications.push(...stored.publications);
      attestationUrl = stored.attestationUrl;
    }
  } catch (e) {
    throw await ledger.rollback(e);
  }
  for (const p of publications)
    deps.info(`Published ${p.kind}: ${safeLogText(p.location, 500)} (${p.status})`);
  deps.setOutput('provenance-name', inputs.provenanceName);
  deps.setOutput('provenance-sha256', inputs.provenanceSha256);
  deps.setOutput('attestation-url', attestationUrl);
  const release = publications.find((p) => p.kind === 'release-asset');
  deps.setOutput('release-asset-url', release?.location ?? '');
  return { publications, attestationUrl };
}
