// The one description of "the workflow run" that every sandbox service reads: the OIDC
// issuer mints its claims from it, the runner env is derived from it, and the GitHub REST
// stand-in answers run-attempt lookups from it. Keeping one object means they always agree.
import { BUILDER_WORKFLOW_PATHS, PROJECT_REPOSITORY } from '../src/identity.js';

export interface RunDescription {
  serverUrl: string; // https://github.com (URIs in claims-derived certificate fields)
  repository: string; // owner/name of the caller repository
  repositoryId: string;
  repositoryOwnerId: string;
  repositoryVisibility: 'public' | 'private' | 'internal';
  ref: string; // refs/heads/main, refs/tags/v1.0.0, refs/pull/1/merge
  sha: string; // source commit
  eventName: string; // push, workflow_dispatch, release, pull_request, ...
  headRef: string; // PR source branch ('' outside pull requests)
  /** The PR's head commit ('' outside pull requests); `sha` is then the merge commit. */
  pullRequestHeadSha: string;
  baseRef: string; // PR target branch ('' outside pull requests)
  workflowName: string; // the caller workflow's `name:`
  workflowPath: string; // .github/workflows/release.yml (caller workflow file)
  workflowSha: string; // commit of the caller workflow file
  /** The reusable workflow running this job: owner/repo/path@ref (our builder in the L3 flow). */
  jobWorkflowRef: string;
  jobWorkflowSha: string;
  runId: string;
  runNumber: string;
  runAttempt: string;
  actor: string;
  actorId: string;
  triggeringActor: string;
  runnerEnvironment: 'github-hosted' | 'self-hosted';
  environment: string; // deployment environment name ('' when none)
  enterprise: string; // '' when the owner is not in an enterprise
  enterpriseId: string;
  runStartedAt: string; // RFC 3339; what the REST API reports as run_started_at
  /** The job's check run (`check_run_id` claim). */
  checkRunId: string;
  /** Branch protection or rulesets apply to the ref (`ref_protected` claim, "true"/"false"). */
  refProtected: boolean;
  /**
   * The `sub` claim's owner and repository carry their immutable ids (`repo:OWNER@ID/REPO@ID:…`),
   * the default for repositories created or renamed from 2026-07-15 on (changelog 2026-04-23,
   * "Immutable subject claims for GitHub Actions OIDC tokens"; github/docs#45221).
   */
  immutableSubject: boolean;
  /** Repository custom properties an org admin put into tokens (`repo_property_<name>` claims). */
  repositoryProperties: Record<string, string>;
  /** workflow_dispatch inputs (REST/event payload only; GitHub puts none in the token). */
  inputs: Record<string, unknown>;
}

const SOURCE_SHA = '5b1f6e0c3a1d2e4f60718293a4b5c6d7e8f90a1b';
const BUILDER_SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

/** A plausible push-to-tag run calling our generic builder at v1.0.0. */
export function defaultRun(): RunDescription {
  return {
    serverUrl: 'https://github.com',
    repository: 'octo-org/octo-app',
    repositoryId: '123456789',
    repositoryOwnerId: '987654',
    repositoryVisibility: 'public',
    ref: 'refs/tags/v1.2.3',
    sha: SOURCE_SHA,
    eventName: 'push',
    headRef: '',
    pullRequestHeadSha: '',
    baseRef: '',
    workflowName: 'Release',
    workflowPath: '.github/workflows/release.yml',
    workflowSha: SOURCE_SHA,
    jobWorkflowRef: `${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}@refs/tags/v1.0.0`,
    jobWorkflowSha: BUILDER_SHA,
    runId: '4242424242',
    runNumber: '17',
    runAttempt: '1',
    actor: 'octocat',
    actorId: '583231',
    triggeringActor: 'octocat',
    runnerEnvironment: 'github-hosted',
    environment: '',
    enterprise: '',
    enterpriseId: '',
    runStartedAt: '2026-01-01T00:00:00Z',
    checkRunId: '31415926535',
    refProtected: false,
    immutableSubject: true,
    repositoryProperties: {},
    inputs: {}
  };
}

export function resolveRun(overrides: Partial<RunDescription> = {}): RunDescription {
  return { ...defaultRun(), ...overrides };
}

export function repositoryOwner(run: RunDescription): string {
  return run.repository.split('/')[0] ?? run.repository;
}

export function refType(ref: string): 'tag' | 'branch' {
  return ref.startsWith('refs/tags/') ? 'tag' : 'branch';
}

/** owner/repo/.github/workflows/x.yml@refs/... — GitHub's `workflow_ref` claim. */
export function workflowRef(run: RunDescription): string {
  return `${run.repository}/${run.workflowPath}@${run.ref}`;
}

/** GitHub's default `sub` claim shape (docs: "OpenID Connect", example subject claims). */
export function subjectClaim(run: RunDescription): string {
  const [owner = '', name = ''] = run.repository.split('/');
  const repo = run.immutableSubject
    ? `${owner}@${run.repositoryOwnerId}/${name}@${run.repositoryId}`
    : run.repository;
  if (run.environment) return `repo:${repo}:environment:${run.environment}`;
  if (run.eventName === 'pull_request') return `repo:${repo}:pull_request`;
  return `repo:${repo}:ref:${run.ref}`;
}

/** The token claims GitHub Actions issues for this run (minus iss/aud/time claims). */
export function runClaims(run: RunDescription): Record<string, string> {
  const claims: Record<string, string> = {
    sub: subjectClaim(run),
    ref: run.ref,
    ref_type: refType(run.ref),
    sha: run.sha,
    repository: run.repository,
    repository_id: run.repositoryId,
    repository_owner: repositoryOwner(run),
    repository_owner_id: run.repositoryOwnerId,
    repository_visibility: run.repositoryVisibility,
    run_id: run.runId,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    actor: run.actor,
    actor_id: run.actorId,
    triggering_actor: run.triggeringActor,
    workflow: run.workflowName,
    workflow_ref: workflowRef(run),
    workflow_sha: run.workflowSha,
    job_workflow_ref: run.jobWorkflowRef,
    job_workflow_sha: run.jobWorkflowSha,
    event_name: run.eventName,
    runner_environment: run.runnerEnvironment,
    head_ref: run.headRef,
    base_ref: run.baseRef,
    check_run_id: run.checkRunId,
    ref_protected: String(run.refProtected)
  };
  for (const [name, value] of Object.entries(run.repositoryProperties))
    claims[`repo_property_${name}`] = value;
  if (run.environment) claims.environment = run.environment;
  if (run.enterprise) {
    claims.enterprise = run.enterprise;
    claims.enterprise_id = run.enterpriseId;
  }
  return claims;
}

/** The GITHUB_* / RUNNER_* variables a runner sets for this run, consistent with the claims. */
export function runEnv(run: RunDescription): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: run.serverUrl,
    GITHUB_REPOSITORY: run.repository,
    GITHUB_REPOSITORY_ID: run.repositoryId,
    GITHUB_REPOSITORY_OWNER: repositoryOwner(run),
    GITHUB_REPOSITORY_OWNER_ID: run.repositoryOwnerId,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: run.ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: refType(run.ref),
    GITHUB_SHA: run.sha,
    GITHUB_WORKFLOW: run.workflowName,
    GITHUB_WORKFLOW_REF: workflowRef(run),
    GITHUB_WORKFLOW_SHA: run.workflowSha,
    GITHUB_RUN_ID: run.runId,
    GITHUB_RUN_NUMBER: run.runNumber,
    GITHUB_RUN_ATTEMPT: run.runAttempt,
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_ACTOR: run.actor,
    GITHUB_ACTOR_ID: run.actorId,
    GITHUB_TRIGGERING_ACTOR: run.triggeringActor,
    GITHUB_HEAD_REF: run.headRef,
    GITHUB_BASE_REF: run.baseRef,
    RUNNER_ENVIRONMENT: run.runnerEnvironment
  };
  return env;
}
