// run() wires the stages, nothing else. Data flows one way:
// inputs → subjects → context → predicate → statements → signatures → file → publishers.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { bundleToJSON } from '@sigstore/bundle';
import { collectBuildContext } from './context/index.js';
import { ProvenanceError, describeError, isProvenanceError } from './errors.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { buildPredicate } from './provenance/predicate.js';
import { buildStatement, serializeStatement, splitStatements } from './provenance/statement.js';
import type { ImagePublishing } from './publish/oci/action.js';
import { attestsSameBuild } from './publish/equivalence.js';
import { resolveProvenanceName, serializeBundles, writeProvenanceFile } from './publish/jsonl.js';
import { renderSummary, type Publication } from './publish/summary.js';
import { safeLogText } from './sanitize.js';
import { resolveInstance } from './signing/instances.js';
import { signStatements } from './signing/sign.js';
import { mergeSubjects, parseBase64Subjects, parseSubjectsBytes } from './subjects/index.js';
import type { BuildContext, ProvenancePredicateV1, Statement, Subject } from './types.js';

/** The edges run() touches; index.ts passes the real ones, tests pass their own. */
export interface RunDependencies {
  getInput: (name: string) => string;
  getIDToken: (audience: string) => Promise<string>;
  env: NodeJS.ProcessEnv;
  setOutput: (name: string, value: string) => void;
  writeSummary: (markdown: string) => Promise<void>;
  info: (message: string) => void;
  setFailed: (message: string) => void;
  debug: (message: string) => void;
}

export function actionsDependencies(): RunDependencies {
  return {
    getInput: (name) => core.getInput(name),
    getIDToken: (audience) => core.getIDToken(audience),
    env: process.env,
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    info: (message) => core.info(message),
    setFailed: (message) => core.setFailed(message),
    debug: (message) => core.debug(message)
  };
}

export interface RunResult {
  provenanceName: string;
  bundlePath: string;
  provenanceSha256: string;
  bundleCount: number;
  publications: Publication[];
}

async function readSubjects(inputs: ActionInputs): Promise<Subject[]> {
  const lists: Subject[][] = [];
  const sources: string[] = [];
  if (inputs.base64Subjects !== '') {
    lists.push(parseBase64Subjects(inputs.base64Subjects));
    sources.push('base64-subjects');
  }
  for (const path of inputs.subjectsFiles) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw new ProvenanceError(
        'SUBJECTS_INVALID',
        `subjects-file ${safeLogText(path)}: cannot read it (${describeError(e)})`
      );
    }
    lists.push(parseSubjectsBytes(bytes, `subjects-file ${path}`));
    sources.push(`subjects-file ${path}`);
  }
  if (inputs.images.length > 0) {
    if (lists.length > 0) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        'images cannot be combined with base64-subjects or subjects-file: container mode attests images only'
      );
    }
    const { imageSubjects } = await import('./publish/oci/action.js');
    return imageSubjects(inputs.images);
  }
  if (lists.length === 0) {
    throw new ProvenanceError(
      'SUBJECTS_INVALID',
      'no subjects: set base64-subjects, subjects-file or images'
    );
  }
  return lists.length === 1 ? lists[0]! : mergeSubjects(lists, sources);
}

function repositoryIsPrivate(claims: Record<string, unknown>): boolean {
  // repository_visibility is a signed claim: private and internal both stay off the public log.
  return claims.repository_visibility !== undefined && claims.repository_visibility !== 'public';
}

async function publish(
  inputs: ActionInputs,
  deps: RunDependencies,
  context: BuildContext,
  statements: Statement<ProvenancePredicateV1>[],
  file: { name: string; path: string; content: Buffer },
  bundles: Parameters<typeof bundleToJSON>[0][],
  fulcioUrl: string
): Promise<{
  publications: Publication[];
  attestationUrl: string;
  images?: ImagePublishing['images'];
}> {
  const publications: Publication[] = [];
  let attestationUrl = '';
  const sameBuild = (existing: Buffer) => attestsSameBuild(existing, statements);

  if (inputs.uploadArtifact && deps.env.ACTIONS_RUNTIME_TOKEN) {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { publishWorkflowArtifact } = await import('./publish/artifact.js');
    const result = await publishWorkflowArtifact({
      client: new DefaultArtifactClient(),
      name: file.name,
      filePath: file.path,
      sameBuild
    });
    publications.push({
      kind: 'artifact',
      location: `artifact ${file.name} (id ${result.id})`,
      status: result.uploaded ? 'created' : 'unchanged'
    });
  }

  const needsApi = inputs.uploadAssets || inputs.attestToGithub;
  const api = needsApi
    ? new (await import('./publish/github-api.js')).GitHubApi({
        baseUrl: deps.env.GITHUB_API_URL ?? 'https://api.github.com',
        token: inputs.githubToken
      })
    : undefined;

  if (inputs.uploadAssets && api) {
    const tag =
      inputs.uploadTagName ||
      (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
    if (tag === '') {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `upload-assets: the run's ref ${safeLogText(context.ref)} is not a tag; set upload-tag-name`
      );
    }
    const { publishReleaseAsset } = await import('./publish/release.js');
    const result = await publishReleaseAsset({
      api,
      repository: context.repository,
      tag,
      draft: inputs.draftRelease,
      targetCommitish: context.sha,
      assetName: file.name,
      content: file.content,
      sameBuild
    });
    publications.push({
      kind: 'release-asset',
      location: result.downloadUrl,
      status: result.uploaded ? 'created' : 'unchanged',
      ...(result.releaseCreated
        ? { note: `release ${tag} created${result.draft ? ' as a draft' : ''}` }
        : {})
    });
  }

  if (inputs.attestToGithub && api) {
    const { publishAttestations } = await import('./publish/attestations.js');
    const results = await publishAttestations({
      api,
      repository: context.repository,
      serverUrl: context.serverUrl,
      bundles: bundles.map((b) => bundleToJSON(b)),
      sameBuild: (existing, index) => attestsSameBuild(existing, [statements[index]!])
    });
    for (const r of results) {
      publications.push({
        kind: 'attestation',
        location: r.url ?? `attestations for ${r.subjectDigest}`,
        status: r.reused ? 'unchanged' : 'created'
      });
      if (!attestationUrl && r.url) attestationUrl = r.url;
    }
  }

  if (inputs.images.length > 0) {
    const { publishImages } = await import('./publish/oci/action.js');
    const published = await publishImages({ inputs, bundles, fulcioUrl });
    publications.push(...published.publications);
    return { publications, attestationUrl, images: published.images };
  }
  return { publications, attestationUrl };
}

export async function generate(deps: RunDependencies): Promise<RunResult> {
  const inputs = readInputs(deps.getInput);
  const subjects = await readSubjects(inputs);
  const provenanceName = resolveProvenanceName(inputs.provenanceName, subjects);
  deps.info(
    `Subjects: ${subjects.length} (${safeLogText(subjects[0]!.name)}${subjects.length > 1 ? ', …' : ''})`
  );

  const { context, oidcToken, claims } = await collectBuildContext({
    issuer: inputs.oidcIssuer,
    getToken: deps.getIDToken,
    githubToken: inputs.githubToken,
    isolation: inputs.isolation,
    allowSelfHosted: inputs.allowSelfHostedRunners,
    env: deps.env
  });
  deps.info(
    `Builder: ${safeLogText(context.jobWorkflowRef)}; source ${safeLogText(context.repository)}@${context.sha} (${safeLogText(context.ref)})`
  );

  const instance = resolveInstance({
    instance: inputs.sigstoreInstance,
    fulcioUrl: inputs.fulcioUrl,
    rekorUrl: inputs.rekorUrl,
    tsaUrl: inputs.tsaUrl,
    repositoryIsPrivate: repositoryIsPrivate(claims as unknown as Record<string, unknown>),
    allowPublicLogForPrivate: inputs.privateRepository
  });

  const predicate = buildPredicate(context, {
    isolation: inputs.isolation,
    finishedOn: new Date().toISOString()
  });
  // Container mode: one statement per image, so each image carries exactly its own attestation.
  const statements =
    inputs.images.length > 0
      ? subjects.map((s) => buildStatement([s], predicate))
      : splitStatements(subjects, predicate);
  const bundles = await signStatements(statements.map(serializeStatement), {
    instance,
    getToken: async () => oidcToken
  });
  deps.info(
    `Signed ${bundles.length} bundle${bundles.length === 1 ? '' : 's'} with Sigstore instance ${instance.name} (${instance.fulcioUrl})`
  );

  // Only now, with every bundle signed, does anything leave this process.
  const content = serializeBundles(bundles);
  const directory = inputs.outputDirectory || deps.env.RUNNER_TEMP || tmpdir();
  const written = await writeProvenanceFile(directory, provenanceName, content);
  deps.info(`Provenance: ${written.path} (sha256 ${written.sha256})`);

  const { publications, attestationUrl, images } = await publish(
    inputs,
    deps,
    context,
    statements,
    { name: provenanceName, path: written.path, content },
    bundles,
    instance.fulcioUrl
  );
  publications.unshift({ kind: 'file', location: written.path, status: 'created' });
  for (const p of publications)
    deps.info(`Published ${p.kind}: ${safeLogText(p.location, 500)} (${p.status})`);

  deps.setOutput('provenance-name', provenanceName);
  deps.setOutput('bundle-path', written.path);
  deps.setOutput('provenance-sha256', written.sha256);
  deps.setOutput('attestation-url', attestationUrl);
  await deps.writeSummary(
    renderSummary({
      context,
      subjects,
      provenanceName,
      provenanceSha256: written.sha256,
      bundleCount: bundles.length,
      publications,
      ...(images ? { images } : {})
    })
  );
  return {
    provenanceName,
    bundlePath: written.path,
    provenanceSha256: written.sha256,
    bundleCount: bundles.length,
    publications
  };
}

/** The action's entry: a user error is one line naming the problem; never a stack trace. */
export async function run(deps: RunDependencies = actionsDependencies()): Promise<void> {
  try {
    await generate(deps);
  } catch (e) {
    if (isProvenanceError(e)) {
      deps.setFailed(`${e.code}: ${safeLogText(e.message, 2000)}`);
    } else {
      deps.setFailed(`internal error: ${safeLogText(describeError(e), 2000)}`);
      if (e instanceof Error && e.stack) deps.debug(e.stack);
    }
  }
}
