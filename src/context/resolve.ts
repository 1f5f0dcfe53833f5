// The build context is what the signed token, the REST API and the runner's environment
// agree on. Each field has a primary source (the signed claim) and at least one
// independent witness; any disagreement stops the run before anything is signed.
import { ProvenanceError } from '../errors.js';
import { BUILDER_WORKFLOW_PATHS, GITHUB_OIDC_ISSUER, PROJECT_REPOSITORY } from '../identity.js';
import type { BuildContext } from '../types.js';
import type { GitHubClaims } from './claims.js';
import { extractDispatchInputs, extractReleaseParameters } from './event.js';
import type { RunAttempt } from './run.js';
import { isWorkflowPath, namesTrustedBuilder, quote } from './shapes.js';

export type Isolation = 'reusable-workflow' | 'none';

/** Events the workflow/v1 build type defines external parameters for (it forbids the rest). */
export const SUPPORTED_EVENTS: readonly string[] = [
  'push',
  'create',
  'release',
  'workflow_dispatch'
];

/** How far run_started_at may lie after the token's iat: both are GitHub's clocks. */
const START_AFTER_ISSUE_TOLERANCE_SECONDS = 300;

export interface ResolveInput {
  claims: GitHubClaims;
  run: RunAttempt;
  env: Record<string, string | undefined>;
  /** Parsed GITHUB_EVENT_PATH; required for workflow_dispatch and release events. */
  event?: Record<string, unknown>;
  allowSelfHosted: boolean;
  isolation: Isolation;
  /** owner/name whose reusable workflows count as our builder; the sandbox passes its own. */
  trustedBuilderRepository?: string;
  /** The issuer the token was verified against: decides which server URL is plausible. */
  issuer?: string;
}

function mismatch(
  field: string,
  a: string,
  aValue: unknown,
  b: string,
  bValue: unknown
): ProvenanceError {
  return new ProvenanceError(
    'CONTEXT_MISMATCH',
    `${field}: ${a} says ${quote(aValue)}, ${b} says ${quote(bValue)}`
  );
}

function requireSame(
  field: string,
  tokenValue: string,
  otherName: string,
  otherValue: unknown
): void {
  if (tokenValue !== otherValue) throw mismatch(field, 'token', tokenValue, otherName, otherValue);
}

/** The workflow file path inside workflow_ref, which must be `<repository>/<path>@<ref>`. */
function callerWorkflowPath(claims: GitHubClaims): string {
  const prefix = `${claims.repository}/`;
  const suffix = `@${claims.ref}`;
  const ref = claims.workflow_ref;
  const path =
    ref.startsWith(prefix) && ref.endsWith(suffix)
      ? ref.slice(prefix.length, ref.length - suffix.length)
      : '';
  if (!isWorkflowPath(path))
    throw new ProvenanceError(
      'CONTEXT_MISMATCH',
      `workflow_ref: token says ${quote(ref)}, which is not a workflow of ${quote(claims.repository)} at ${quote(claims.ref)}`
    );
  return path;
}

/**
 * The API's `path` is documented as the workflow file path; examples show it bare, with
 * `@<ref>` and with an `owner/name/` prefix. Every form must name the same file (and ref).
 */
function checkApiWorkflowPath(claims: GitHubClaims, run: RunAttempt, path: string): void {
  let apiPath = run.path;
  const repoPrefix = `${claims.repository}/`;
  if (apiPath.startsWith(repoPrefix)) apiPath = apiPath.slice(repoPrefix.length);
  const at = apiPath.indexOf('@');
  const apiRef = at >= 0 ? apiPath.slice(at + 1) : undefined;
  if (at >= 0) apiPath = apiPath.slice(0, at);
  if (apiPath !== path)
    throw mismatch('workflow path', 'token (workflow_ref)', path, 'REST API', run.path);
  if (
    apiRef !== undefined &&
    apiRef !== claims.ref &&
    `refs/heads/${apiRef}` !== claims.ref &&
    `refs/tags/${apiRef}` !== claims.ref
  )
    throw mismatch('workflow ref', 'token', claims.ref, 'REST API path', run.path);
}

function checkServerUrl(
  env: ResolveInput['env'],
  run: RunAttempt,
  claims: GitHubClaims,
  issuer: string | undefined
): string {
  const serverUrl = env.GITHUB_SERVER_URL;
  if (!serverUrl)
    throw new ProvenanceError(
      'CONTEXT_MISMATCH',
      'GITHUB_SERVER_URL is not set in the environment'
    );
  let parsed: URL | undefined;
  try {
    parsed = new URL(serverUrl);
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
    parsed.origin !== serverUrl
  )
    throw new ProvenanceError(
      'CONTEXT_MISMATCH',
      `GITHUB_SERVER_URL ${quote(serverUrl)} is not a bare http(s) origin`
    );
  if (issuer === GITHUB_OIDC_ISSUER && serverUrl !== 'https://github.com')
    throw mismatch(
      'server URL',
      `issuer ${GITHUB_OIDC_ISSUER}`,
      'https://github.com',
      'environment',
      serverUrl
    );
  const runUrl = `${serverUrl}/${claims.repository}/actions/runs/${claims.run_id}`;
  const html = run.htmlUrl;
  if (html !== runUrl && !html.startsWith(`${runUrl}/`))
    throw mismatch('server URL', 'environment', runUrl, 'REST API html_url', html);
  return serverUrl;
}

function checkEnvironment(claims: GitHubClaims, env: ResolveInput['env']): void {
  const pairs: [string, string][] = [
    ['GITHUB_REPOSITORY', claims.repository],
    ['GITHUB_REPOSITORY_ID', claims.repository_id],
    ['GITHUB_SHA', claims.sha],
    ['GITHUB_REF', claims.ref],
    ['GITHUB_RUN_ID', claims.run_id],
    ['GITHUB_RUN_ATTEMPT', claims.run_attempt],
    ['GITHUB_EVENT_NAME', claims.event_name],
    ['GITHUB_WORKFLOW_REF', claims.workflow_ref],
    ['RUNNER_ENVIRONMENT', claims.runner_environment]
  ];
  for (const [name, tokenValue] of pairs) requireSame(name, tokenValue, 'environment', env[name]);
}

function checkRunAttempt(claims: GitHubClaims, run: RunAttempt): void {
  requireSame('repository', claims.repository, 'REST API', run.repositoryFullName);
  requireSame('repository_id', claims.repository_id, 'REST API', run.repositoryId);
  requireSame('repository_owner_id', claims.repository_owner_id, 'REST API', run.repositoryOwnerId);
  requireSame('run_id', claims.run_id, 'REST API', run.runId);
  requireSame('run_attempt', claims.run_attempt, 'REST API', run.runAttempt);
  requireSame('sha', claims.sha, 'REST API head_sha', run.headSha);
  requireSame('event_name', claims.event_name, 'REST API event', run.event);
  if (run.headBranch !== null) {
    const { ref } = claims;
    if (ref !== `refs/heads/${run.headBranch}` && ref !== `refs/tags/${run.headBranch}`)
      throw mismatch('ref', 'token', ref, 'REST API head_branch', run.headBranch);
  }
  const started = Date.parse(run.startedAt) / 1000;
  if (started > claims.iat + START_AFTER_ISSUE_TOLERANCE_SECONDS)
    throw mismatch(
      'run start',
      'token iat',
      new Date(claims.iat * 1000).toISOString(),
      'REST API run_started_at (later)',
      run.startedAt
    );
}

function checkEventPayload(claims: GitHubClaims, event: Record<string, unknown>): void {
  const repo = event.repository;
  if (typeof repo === 'object' && repo !== null && 'full_name' in repo)
    requireSame(
      'repository',
      claims.repository,
      'event payload',
      (repo as { full_name: unknown }).full_name
    );
}

function checkIsolation(claims: GitHubClaims, trustedRepository: string): void {
  if (!namesTrustedBuilder(claims.job_workflow_ref, trustedRepository))
    throw new ProvenanceError(
      'NOT_ISOLATED',
      `this job runs in ${quote(claims.job_workflow_ref)}, not in one of ${trustedRepository}'s reusable workflows (${BUILDER_WORKFLOW_PATHS.join(', ')}): call the action through generic.yml or container.yml for isolated (Build L3) provenance, or set \`isolation: none\` to sign without that claim`
    );
  // A builder from a pull request's ref runs unreleased code; the verifier would never trust it.
  if (
    claims.job_workflow_ref
      .slice(claims.job_workflow_ref.lastIndexOf('@') + 1)
      .startsWith('refs/pull/')
  )
    throw new ProvenanceError(
      'NOT_ISOLATED',
      `this job runs our builder from a pull request ref (${quote(claims.job_workflow_ref)}): call generic.yml or container.yml at a release tag or commit`
    );
  if (claims.job_workflow_ref === claims.workflow_ref)
    throw new ProvenanceError(
      'NOT_ISOLATED',
      `job_workflow_ref equals workflow_ref (${quote(claims.workflow_ref)}): the builder must be a reusable workflow called by the build's workflow, not the build's own workflow`
    );
}

/**
 * Refuses an event the build type cannot describe, first: for a pull request the REST API names
 * the PR's head branch and head commit while the token and GITHUB_SHA name the merge commit
 * (refs/pull/N/merge), so a cross-check would misreport it as a mismatch.
 */
function checkEventSupported(eventName: string): void {
  if (SUPPORTED_EVENTS.includes(eventName)) return;
  const pullRequest =
    eventName === 'pull_request' || eventName === 'pull_request_target'
      ? `: a pull request run builds a temporary merge commit (refs/pull/<n>/merge) that no branch or tag holds; sign the build of the push, tag or release that follows the merge`
      : '';
  throw new ProvenanceError(
    'EVENT_UNSUPPORTED',
    `event ${quote(eventName)} is not one the workflow/v1 build type can describe (supported: ${SUPPORTED_EVENTS.join(', ')})${pullRequest}`
  );
}

export function resolveBuildContext(input: ResolveInput): BuildContext {
  const { claims, run, env } = input;
  checkEventSupported(claims.event_name);
  checkEnvironment(claims, env);
  checkRunAttempt(claims, run);
  const workflowPath = callerWorkflowPath(claims);
  checkApiWorkflowPath(claims, run, workflowPath);
  const serverUrl = checkServerUrl(env, run, claims, input.issuer);
  if (input.event) checkEventPayload(claims, input.event);

  if (claims.runner_environment !== 'github-hosted' && !input.allowSelfHosted)
    throw new ProvenanceError(
      'RUNNER_REFUSED',
      `this job runs on a ${claims.runner_environment} runner: set allow-self-hosted-runners: true to sign anyway (the provenance will say runner_environment ${claims.runner_environment})`
    );
  const trustedRepository = input.trustedBuilderRepository ?? PROJECT_REPOSITORY;
  if (input.isolation === 'reusable-workflow') checkIsolation(claims, trustedRepository);
  else if (namesTrustedBuilder(claims.job_workflow_ref, trustedRepository))
    throw new ProvenanceError(
      'INPUT_INVALID',
      `isolation: none is for running the action outside ${trustedRepository}'s reusable workflows; inside ${quote(claims.job_workflow_ref)} use isolation: reusable-workflow`
    );

  const context: BuildContext = {
    serverUrl,
    repository: claims.repository,
    repositoryId: claims.repository_id,
    repositoryOwnerId: claims.repository_owner_id,
    ref: claims.ref,
    sha: claims.sha,
    workflowRef: claims.workflow_ref,
    workflowPath,
    jobWorkflowRef: claims.job_workflow_ref,
    jobWorkflowSha: claims.job_workflow_sha,
    eventName: claims.event_name,
    runId: claims.run_id,
    runAttempt: claims.run_attempt,
    runnerEnvironment: claims.runner_environment,
    startedOn: run.startedAt
  };
  if (claims.event_name === 'workflow_dispatch' || claims.event_name === 'release') {
    if (!input.event)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `a ${claims.event_name} run needs its event payload (GITHUB_EVENT_PATH)`
      );
    const extra =
      claims.event_name === 'workflow_dispatch'
        ? { inputs: extractDispatchInputs(input.event) }
        : { release: extractReleaseParameters(input.event) };
    for (const [key, value] of Object.entries(extra))
      if (value !== undefined) Object.assign(context, { [key]: value });
  }
  return context;
}
