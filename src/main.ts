// run() wires the stages, nothing else. Data flows one way:
// inputs → subjects → context → predicate → statements → signatures → file → publishers.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import type { Bundle } from '@sigstore/bundle';
import { bundleJson } from './publish/bundle-json.js';
import { collectBuildContext, obtainVerifiedToken } from './context/index.js';
import { ProvenanceError, describeError, isProvenanceError } from './errors.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { buildPredicate } from './provenance/predicate.js';
import { buildStatement, serializeStatement, splitStatements } from './provenance/statement.js';
import type { ImagePublishing } from './publish/oci/action.js';
import { attestsSameBuild } from './publish/equivalence.js';
import { publishToAttestationsApi, publishToRelease } from './publish/github-publishers.js';
import { bundleLines, resolveProvenanceName } from './publish/jsonl.js';
import { PublicationLedger } from './publish/rollback.js';
import { stageProvenanceFile } from './publish/staging.js';
import { renderSummary, type Publication } from './publish/summary.js';
import { safeLogText } from './sanitize.js';
import { describeLog, ociFormatFor, resolveInstance } from './signing/instances.js';
import { readSigningConfigFile } from './signing/signing-config-file.js';
import { fulcioTokenSource } from './signing/fulcio-token.js';
import { preloadSigningStack, signStatements } from './signing/sign.js';
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

/** The release a provenance goes to: upload-tag-name, else the run's tag. */
function releaseTag(inputs: ActionInputs, context: BuildContext): string {
  const tag =
    inputs.uploadTagName ||
    (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
  if (tag === '') {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `upload-assets: the run's ref ${safeLogText(context.ref)} is not a tag; set upload-tag-name`
    );
  }
  return tag;
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
    const { imageSubjects, registryCredentials } = await import('./publish/oci/action.js');
    registryCredentials(inputs); // a half-given login is refused before anything is signed
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

/**
 * ISOLATED_PROVENANCE_HTTP_TIMEOUT_MS: per-request timeout for every service the action calls
 * (default: each client's own, 10-30 s). For tests that hold answers back on purpose; a real
 * runner has no reason to set it.
 */
export function httpTimeoutFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.ISOLATED_PROVENANCE_HTTP_TIMEOUT_MS?.trim();
  if (!raw) return undefined;
  const ms = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(ms >= 100)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `ISOLATED_PROVENANCE_HTTP_TIMEOUT_MS: expected milliseconds between 100 and 9999999, found ${safeLogText(raw)}`
    );
  }
  return ms;
}

/** Everything the publishers need, decided before signing. */
interface PublishPlan {
  inputs: ActionInputs;
  env: NodeJS.ProcessEnv;
  context: BuildContext;
  statements: Statement<ProvenancePredicateV1>[];
  bundles: Bundle[];
  file: { name: string; path: string };
  /** Makes an earlier publication of the same build the file this run hands on (a re-run). */
  adoptEarlier: (earlier: Buffer) => Promise<void>;
  /** The release to upload to; undefined when upload-assets is off. */
  releaseTag: string | undefined;
  fulcioUrl: string;
  timeoutMs: number | undefined;
}

async function publish(
  plan: PublishPlan,
  ledger: PublicationLedger
): Promise<{
  publications: Publication[];
  attestationUrl: string;
  images?: ImagePublishing['images'];
}> {
  const { inputs, env, context, statements, bundles, file, fulcioUrl, timeoutMs } = plan;
  // All or nothing: destinations that can take back what we gave them come first and register
  // how (ledger.created); the ones that cannot (registries, the attestations API) come last.
  const publications: Publication[] = [];
  let attestationUrl = '';
  let images: ImagePublishing['images'] | undefined;
  const sameBuild = (existing: Buffer) => attestsSameBuild(existing, statements);

  if (inputs.uploadArtifact && env.ACTIONS_RUNTIME_TOKEN) {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { publishWorkflowArtifact } = await import('./publish/artifact.js');
    const client = new DefaultArtifactClient();
    const result = await publishWorkflowArtifact({
      client,
      name: file.name,
      filePath: file.path,
      sameBuild
    });
    if (result.uploaded) {
      ledger.created(`workflow artifact ${file.name}`, async () => {
        await client.deleteArtifact(file.name);
      });
    }
    // The run's artifact is the hand-over to the workflow's publish jobs, pinned by the sha256
    // this job outputs: when an earlier attempt's artifact stands, that is the file to hand on.
    if (result.kept) await plan.adoptEarlier(result.kept);
    publications.push({
      kind: 'artifact',
      location: `artifact ${file.name} (id ${result.id})`,
      status: result.uploaded ? 'created' : 'unchanged'
    });
  }

  const needsApi = inputs.uploadAssets || inputs.attestToGithub;
  const api = needsApi
    ? new (await import('./publish/github-api.js')).GitHubApi({
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        token: inputs.githubToken,
        ...(timeoutMs ? { timeoutMs } : {})
      })
    : undefined;

  if (plan.releaseTag !== undefined && api) {
    publications.push(
      await publishToRelease({
        api,
        repository: context.repository,
        tag: plan.releaseTag,
        draft: inputs.draftRelease,
        targetCommitish: context.sha,
        file: { name: file.name, content: await readFile(file.path) },
        statements,
        ledger
      })
    );
  }

  if (inputs.images.length > 0) {
    const { publishImages } = await import('./publish/oci/action.js');
    const published = await publishImages({
      inputs,
      bundles,
      fulcioUrl,
      ...(timeoutMs ? { timeoutMs } : {})
    });
    publications.push(...published.publications);
    for (const p of published.publications)
      if (p.status === 'created') ledger.irrevocable(`${p.kind} ${p.location}`);
    images = published.images;
  }

  if (inputs.attestToGithub && api) {
    const stored = await publishToAttestationsApi({
      api,
      repository: context.repository,
      serverUrl: context.serverUrl,
      bundles: bundles.map((b) => bundleJson(b)),
      statements,
      ledger
    });
    publications.push(...stored.publications);
    attestationUrl = stored.attestationUrl;
  }

  return { publications, attestationUrl, ...(images ? { images } : {}) };
}

export async function generate(deps: RunDependencies): Promise<RunResult> {
  const inputs = readInputs(deps.getInput);
  const subjects = await readSubjects(inputs);
  const provenanceName = resolveProvenanceName(inputs.provenanceName, subjects);
  deps.info(
    `Subjects: ${subjects.length} (${safeLogText(subjects[0]!.name)}${subjects.length > 1 ? ', …' : ''})`
  );

  const timeoutMs = httpTimeoutFromEnv(deps.env);
  const collecting = collectBuildContext({
    issuer: inputs.oidcIssuer,
    getToken: deps.getIDToken,
    githubToken: inputs.githubToken,
    isolation: inputs.isolation,
    allowSelfHosted: inputs.allowSelfHostedRunners,
    env: deps.env,
    ...(timeoutMs ? { http: { timeoutMs } } : {})
  });
  // While the token, the issuer's keys and the run lookup are on the network (bench/README.md).
  preloadSigningStack();
  const { context, oidcToken, claims } = await collecting;
  deps.info(
    `Builder: ${safeLogText(context.jobWorkflowRef)}; source ${safeLogText(context.repository)}@${context.sha} (${safeLogText(context.ref)})`
  );

  // Decided before signing, so a refusal costs no log entry.
  const tag = inputs.uploadAssets ? releaseTag(inputs, context) : undefined;
  // An immutable release someone already published takes no new asset: say so before signing.
  if (tag !== undefined) {
    const { GitHubApi } = await import('./publish/github-api.js');
    const { checkReleaseAcceptsAsset } = await import('./publish/release.js');
    const api = new GitHubApi({
      baseUrl: deps.env.GITHUB_API_URL ?? 'https://api.github.com',
      token: inputs.githubToken,
      ...(timeoutMs ? { timeoutMs } : {})
    });
    await checkReleaseAcceptsAsset(api, context.repository, tag, provenanceName);
  }

  const instance = resolveInstance({
    instance: inputs.sigstoreInstance,
    fulcioUrl: inputs.fulcioUrl,
    rekorUrl: inputs.rekorUrl,
    tsaUrl: inputs.tsaUrl,
    // A signed claim: private and internal repositories both stay off the public log.
    repositoryIsPrivate:
      claims.repository_visibility !== undefined && claims.repository_visibility !== 'public',
    allowPublicLogForPrivate: inputs.privateRepository,
    rekorVersion: inputs.rekorVersion,
    ...(inputs.signingConfig
      ? { signingConfig: await readSigningConfigFile(inputs.signingConfig) }
      : {}),
    // GitHub's own Sigstore hosts follow the server (GHE.com tenants have their own).
    serverUrl: context.serverUrl
  });
  deps.info(`Sigstore: ${instance.name}; CA ${instance.fulcioUrl}; log ${describeLog(instance)}`);
  // Container mode: which OCI layouts this log can back, decided before anything is signed.
  const oci = inputs.images.length > 0 ? ociFormatFor(instance, inputs.ociFormat) : undefined;
  if (oci?.note) deps.info(oci.note);

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
    // GitHub's tokens last five minutes, a run may need a certificate after more: the first
    // certificate uses the context's token while it has time left, later ones a fresh one.
    getToken: fulcioTokenSource({
      initial: { token: oidcToken, claims },
      refresh: () =>
        obtainVerifiedToken({
          issuer: inputs.oidcIssuer,
          getToken: deps.getIDToken,
          env: deps.env,
          ...(timeoutMs ? { http: { timeoutMs } } : {})
        })
    }),
    ...(timeoutMs ? { timeoutMs } : {})
  });
  deps.info(
    `Signed ${bundles.length} bundle${bundles.length === 1 ? '' : 's'} with Sigstore instance ${instance.name} (${instance.fulcioUrl})`
  );

  // Only now, with every bundle signed, does anything leave this process.
  const directory = inputs.outputDirectory || deps.env.RUNNER_TEMP || tmpdir();
  // Staged, and moved into place only once every destination has it; on any failure the staged
  // file goes and what this run published is taken back (publish/rollback.ts).
  // Written line by line: the file's bytes are not held in memory beside the bundles.
  const staged = await stageProvenanceFile(directory, provenanceName, bundleLines(bundles));
  const ledger = new PublicationLedger();
  let published: Awaited<ReturnType<typeof publish>>;
  let written: Awaited<ReturnType<typeof staged.commit>>;
  try {
    published = await publish(
      {
        inputs: oci ? { ...inputs, ociFormat: oci.format } : inputs,
        env: deps.env,
        context,
        statements,
        bundles,
        file: { name: provenanceName, path: staged.path },
        adoptEarlier: (earlier) => staged.adopt(earlier),
        releaseTag: tag,
        fulcioUrl: instance.fulcioUrl,
        timeoutMs
      },
      ledger
    );
    written = await staged.commit();
  } catch (e) {
    await staged.discard();
    throw await ledger.rollback(e);
  }
  deps.info(`Provenance: ${written.path} (sha256 ${written.sha256})`);
  const { publications, attestationUrl, images } = published;
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
      ...(images ? { images } : {}),
      transparencyLog: describeLog(instance)
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
    const inputs = readInputs(deps.getInput);
    if (inputs.mode === 'publish') {
      const { publishSigned } = await import('./publish-mode.js');
      await publishSigned(inputs, deps);
    } else {
      await generate(deps);
    }
  } catch (e) {
    if (isProvenanceError(e)) {
      deps.setFailed(`${e.code}: ${safeLogText(e.message, 2000)}`);
    } else {
      deps.setFailed(`internal error: ${safeLogText(describeError(e), 2000)}`);
      if (e instanceof Error && e.stack) deps.debug(e.stack);
    }
  }
}
