// One caller workflow of examples/ through act against a fresh sandbox: the product as users run
// it — the caller's build job, then our reusable workflow's jobs (builder pin, builder checkout,
// subject collection, pinned builder, the action; the publish jobs in mode publish).
//
// The sandbox's OIDC issuer mints the token GitHub would give the called workflow's jobs:
// job_workflow_ref = isolated-provenance/isolated-provenance/<called>@refs/tags/v1.0.0 (or @<sha>
// for a SHA-pinned caller) and job_workflow_sha = the commit of this repository's work tree
// published into the local git root (repos.ts). The caller's `uses:` of our workflow and the
// third-party actions resolve to local folders through act's --local-repository.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import {
  startSandbox,
  type RunDescription,
  type Sandbox,
  type SandboxOptions
} from '../../sandbox/index.js';
import { PROJECT_REPOSITORY } from '../../src/identity.js';
import { runAct, type ActJob, type ActRecord } from './run-act.js';
import { publishBuilder, publishCaller, type LocalRepository } from './repos.js';

export const CALLER_REPOSITORY = 'octo-org/octo-app';
export const BUILDER_TAG = 'v1.0.0';
export const RELEASE_TAG = 'v1.2.3';

export interface CallerRun {
  /** examples/….yml, relative to the project root. */
  caller: string;
  /** .github/workflows/generic.yml or container.yml. */
  called: string;
  /** Reference the builder by commit SHA instead of the tag. */
  pinBySha?: boolean;
  eventName?: string;
  /** The ref of the run (default refs/tags/v1.2.3). */
  ref?: string;
  /** Event payload fields on top of push/repository defaults. */
  event?: Record<string, unknown>;
  /** Runner labels the caller uses (matrix builds name several). */
  labels?: string[];
  /** Extra `with:` for the call of our workflow (e.g. the container caller's image). */
  callWith?: Record<string, string>;
  /** Configuration variables of the caller repository (e.g. REGISTRY). */
  vars?: Record<string, string>;
  /** Changes to the run the sandbox describes (e.g. a pull request's head branch). */
  runOverrides?: Partial<RunDescription>;
  /** Changes to the runner environment; undefined removes a variable (e.g. no OIDC endpoint). */
  env?: Record<string, string | undefined>;
}

export interface WorkflowRunContext {
  act: string;
  projectRoot: string;
  /** --local-repository entries for the third-party stand-ins (standins.ts). */
  standIns: Record<string, string>;
  /** A private build of the action for the builder commit (PROVENANCE_DIST), else dist/. */
  distDir?: string;
  sandbox?: Omit<SandboxOptions, 'run' | 'artifacts'>;
  /** 2: the callers pass rekor-version 2 and their rekor-url var names the sandbox v2 log. */
  rekorVersion?: 1 | 2;
  /** Runs act this many times against the same sandbox (2: a run and its re-run). */
  attempts?: number;
  onRecord?: (record: ActRecord) => void;
  /** Called with the sandbox still up, after act finished: read what it holds. */
  inspect?: (sandbox: Sandbox, result: WorkflowRunResult) => Promise<void>;
  keepScratch?: boolean;
}

export interface WorkflowRunResult {
  caller: string;
  called: string;
  builder: LocalRepository;
  callerRepo: LocalRepository;
  attempts: { exitCode: number; jobs: ActJob[]; durationMs: number; log: string[] }[];
  scratch: string;
}

/** Configuration variables (`vars`) the demo's caller reads the sandbox's URLs from. */
export const SANDBOX_VARS = {
  'fulcio-url': 'SIGSTORE_FULCIO_URL',
  'rekor-url': 'SIGSTORE_REKOR_URL',
  'tsa-url': 'SIGSTORE_TSA_URL',
  'oidc-issuer': 'OIDC_ISSUER'
} as const;

/**
 * The example as the demo runs it: our workflow's `uses:` kept (at the tag, or swapped for the
 * commit SHA), and the Sigstore instance switched to the sandbox's through the workflow's own
 * `sigstore-instance: custom` inputs, read from configuration variables — what a GitHub
 * Enterprise Server caller with its own Sigstore passes.
 */
export function callerWorkflowText(text: string, run: CallerRun, builder: LocalRepository): string {
  const doc = parseDocument(text);
  const jobs = doc.get('jobs') as { items: { key: { value: string } }[] };
  const prefix = `${PROJECT_REPOSITORY}/${run.called}@`;
  let found = 0;
  for (const { key } of jobs.items) {
    const uses = doc.getIn(['jobs', key.value, 'uses']);
    if (typeof uses !== 'string' || !uses.startsWith(prefix)) continue;
    found++;
    if (run.pinBySha) doc.setIn(['jobs', key.value, 'uses'], `${prefix}${builder.sha}`);
    const sandboxWith: Record<string, string> = { 'sigstore-instance': 'custom' };
    for (const [input, variable] of Object.entries(SANDBOX_VARS))
      sandboxWith[input] = `\${{ vars.${variable} }}`;
    for (const [name, value] of Object.entries({ ...sandboxWith, ...run.callWith }))
      doc.setIn(['jobs', key.value, 'with', name], value);
  }
  if (found === 0) throw new Error(`${run.caller} does not call ${prefix}…`);
  return doc.toString({ lineWidth: 0 });
}

/** The event payload GitHub sends for this run (the parts the jobs and the action read). */
function eventPayload(run: CallerRun, sandbox: Sandbox): Record<string, unknown> {
  const [owner] = CALLER_REPOSITORY.split('/');
  const repository = {
    id: Number(sandbox.run.repositoryId),
    full_name: CALLER_REPOSITORY,
    name: CALLER_REPOSITORY.split('/')[1],
    owner: { login: owner, id: Number(sandbox.run.repositoryOwnerId) },
    private: sandbox.run.repositoryVisibility !== 'public',
    visibility: sandbox.run.repositoryVisibility,
    html_url: `${sandbox.run.serverUrl}/${CALLER_REPOSITORY}`
  };
  const base: Record<string, unknown> = { repository, sender: { login: sandbox.run.actor } };
  if ((run.eventName ?? 'push') === 'push')
    Object.assign(base, { ref: sandbox.run.ref, after: sandbox.run.sha, created: true });
  return { ...base, ...run.event };
}

export async function runCallerWorkflow(
  run: CallerRun,
  context: WorkflowRunContext
): Promise<WorkflowRunResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'act-run-'));
  try {
    const gitRoot = join(scratch, 'git');
    const builder = publishBuilder({
      projectRoot: context.projectRoot,
      workDir: join(scratch, 'builder'),
      gitRoot,
      tag: BUILDER_TAG,
      ...(context.distDir ? { distDir: context.distDir } : {})
    });
    const workflowFile = basename(run.caller);
    const callerRepo = publishCaller({
      repository: CALLER_REPOSITORY,
      workDir: join(scratch, 'caller'),
      gitRoot,
      workflowFile,
      workflowText: callerWorkflowText(
        readFileSync(join(context.projectRoot, run.caller), 'utf8'),
        run,
        builder
      ),
      tag: RELEASE_TAG
    });
    const ref = run.ref ?? `refs/tags/${RELEASE_TAG}`;
    const eventName = run.eventName ?? 'push';
    const builderRef = run.pinBySha ? builder.sha : `refs/tags/${BUILDER_TAG}`;
    const sandbox = await startSandbox({
      ...context.sandbox,
      artifacts: true,
      run: {
        repository: CALLER_REPOSITORY,
        ref,
        sha: callerRepo.sha,
        workflowSha: callerRepo.sha,
        eventName,
        workflowPath: `.github/workflows/${workflowFile}`,
        jobWorkflowRef: `${PROJECT_REPOSITORY}/${run.called}@${builderRef}`,
        jobWorkflowSha: builder.sha,
        // The REST run attempt must not start after the token is issued (context/resolve.ts).
        runStartedAt: new Date(Date.now() - 5_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        ...run.runOverrides
      }
    });
    const result: WorkflowRunResult = {
      caller: run.caller,
      called: run.called,
      builder,
      callerRepo,
      attempts: [],
      scratch
    };
    try {
      const localRepositories: Record<string, string> = { ...context.standIns };
      for (const r of [BUILDER_TAG, builder.sha])
        localRepositories[`${PROJECT_REPOSITORY}@${r}`] = builder.dir;
      const vars: Record<string, string> = {
        [SANDBOX_VARS['fulcio-url']]: sandbox.urls.fulcio,
        [SANDBOX_VARS['rekor-url']]:
          context.rekorVersion === 2 ? sandbox.urls.rekorV2 : sandbox.urls.rekor,
        [SANDBOX_VARS['tsa-url']]: sandbox.urls.tsa,
        [SANDBOX_VARS['oidc-issuer']]: sandbox.urls.oidc,
        ...run.vars
      };
      const env: Record<string, string> = {
        ...sandbox.runnerEnv(),
        ISOLATED_PROVENANCE_GIT_ROOT: gitRoot
      };
      for (const [name, value] of Object.entries(run.env ?? {})) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
      for (let attempt = 1; attempt <= (context.attempts ?? 1); attempt++) {
        const act = await runAct({
          act: context.act,
          workdir: callerRepo.dir,
          workflow: `.github/workflows/${workflowFile}`,
          eventName,
          event: eventPayload(run, sandbox),
          env,
          vars,
          secrets: { GITHUB_TOKEN: sandbox.githubToken },
          localRepositories,
          stateDir: join(scratch, `act-${attempt}`),
          ...(run.labels ? { labels: run.labels } : {}),
          ...(context.onRecord ? { onRecord: context.onRecord } : {})
        });
        result.attempts.push(act);
      }
      await context.inspect?.(sandbox, result);
      return result;
    } finally {
      await sandbox.close();
    }
  } finally {
    if (!context.keepScratch) rmSync(scratch, { recursive: true, force: true });
  }
}
