import { describe, it, expect } from '@jest/globals';
import type { GitHubClaims } from '../../src/context/claims.js';
import { resolveBuildContext, type ResolveInput } from '../../src/context/resolve.js';
import type { RunAttempt } from '../../src/context/run.js';
import { ProvenanceError } from '../../src/errors.js';
import { GITHUB_OIDC_ISSUER, PROJECT_REPOSITORY } from '../../src/identity.js';

const CALLER = 'octo-org/octo-repo';
const ISSUED_AT = Date.parse('2026-11-22T03:00:30Z') / 1000;

function claims(over: Partial<GitHubClaims> = {}): GitHubClaims {
  return {
    iss: GITHUB_OIDC_ISSUER,
    iat: ISSUED_AT,
    repository: CALLER,
    repository_id: '123456789',
    repository_owner_id: '987654',
    ref: 'refs/tags/v1.2.3',
    sha: 'a'.repeat(40),
    workflow_ref: `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    job_workflow_ref: `${PROJECT_REPOSITORY}/.github/workflows/generic.yml@refs/tags/v1.0.0`,
    job_workflow_sha: 'b'.repeat(40),
    event_name: 'push',
    run_id: '4242424242',
    run_attempt: '2',
    runner_environment: 'github-hosted',
    ...over
  };
}

function run(over: Partial<RunAttempt> = {}): RunAttempt {
  return {
    runId: '4242424242',
    runAttempt: '2',
    startedAt: '2026-11-22T03:00:00Z',
    path: '.github/workflows/release.yml',
    headSha: 'a'.repeat(40),
    headBranch: 'v1.2.3',
    event: 'push',
    repositoryId: '123456789',
    repositoryFullName: CALLER,
    repositoryOwnerId: '987654',
    htmlUrl: `https://github.com/${CALLER}/actions/runs/4242424242`,
    ...over
  };
}

function env(over: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GITHUB_REPOSITORY: CALLER,
    GITHUB_REPOSITORY_ID: '123456789',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_RUN_ID: '4242424242',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKFLOW_REF: `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    RUNNER_ENVIRONMENT: 'github-hosted',
    GITHUB_SERVER_URL: 'https://github.com',
    ...over
  };
}

function input(over: Partial<ResolveInput> = {}): ResolveInput {
  return {
    claims: claims(),
    run: run(),
    env: env(),
    allowSelfHosted: false,
    isolation: 'reusable-workflow',
    issuer: GITHUB_OIDC_ISSUER,
    ...over
  };
}

function refusal(i: ResolveInput): ProvenanceError {
  try {
    resolveBuildContext(i);
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    return e as ProvenanceError;
  }
  throw new Error('expected resolveBuildContext to refuse');
}

describe('resolveBuildContext: the consistent baseline (the control for every test below)', () => {
  it('produces the context from the three agreeing witnesses', () => {
    expect(resolveBuildContext(input())).toEqual({
      serverUrl: 'https://github.com',
      repository: CALLER,
      repositoryId: '123456789',
      repositoryOwnerId: '987654',
      ref: 'refs/tags/v1.2.3',
      sha: 'a'.repeat(40),
      workflowRef: `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`,
      workflowPath: '.github/workflows/release.yml',
      jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/generic.yml@refs/tags/v1.0.0`,
      jobWorkflowSha: 'b'.repeat(40),
      eventName: 'push',
      runId: '4242424242',
      runAttempt: '2',
      runnerEnvironment: 'github-hosted',
      startedOn: '2026-11-22T03:00:00Z'
    });
  });

  it('accepts the API path forms the OpenAPI examples show', () => {
    for (const path of [
      '.github/workflows/release.yml@refs/tags/v1.2.3',
      '.github/workflows/release.yml@v1.2.3',
      `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`
    ])
      expect(resolveBuildContext(input({ run: run({ path }) })).workflowPath).toBe(
        '.github/workflows/release.yml'
      );
  });

  it('accepts a builder pinned by commit SHA and a run html_url with /attempts/N', () => {
    const ctx = resolveBuildContext(
      input({
        claims: claims({
          job_workflow_ref: `${PROJECT_REPOSITORY}/.github/workflows/container.yml@${'c'.repeat(40)}`
        }),
        run: run({ htmlUrl: `https://github.com/${CALLER}/actions/runs/4242424242/attempts/2` })
      })
    );
    expect(ctx.jobWorkflowRef.endsWith(`@${'c'.repeat(40)}`)).toBe(true);
  });
});

describe('token vs REST API: each field disagreeing alone is refused, naming both values', () => {
  it.each<[string, Partial<RunAttempt>, string]>([
    [
      'repository',
      { repositoryFullName: 'octo-org/other' },
      `repository: token says "${CALLER}", REST API says "octo-org/other"`
    ],
    [
      'repository_id',
      { repositoryId: '1' },
      'repository_id: token says "123456789", REST API says "1"'
    ],
    [
      'repository_owner_id',
      { repositoryOwnerId: '2' },
      'repository_owner_id: token says "987654", REST API says "2"'
    ],
    ['run_id', { runId: '1' }, 'run_id: token says "4242424242", REST API says "1"'],
    ['run_attempt', { runAttempt: '1' }, 'run_attempt: token says "2", REST API says "1"'],
    [
      'sha',
      { headSha: 'f'.repeat(40) },
      `sha: token says "${'a'.repeat(40)}", REST API head_sha says "${'f'.repeat(40)}"`
    ],
    [
      'event_name',
      { event: 'workflow_dispatch' },
      'event_name: token says "push", REST API event says "workflow_dispatch"'
    ],
    [
      'workflow path',
      { path: '.github/workflows/other.yml' },
      'workflow path: token (workflow_ref) says ".github/workflows/release.yml", REST API says ".github/workflows/other.yml"'
    ],
    [
      'workflow ref',
      { path: '.github/workflows/release.yml@main' },
      'workflow ref: token says "refs/tags/v1.2.3", REST API path says ".github/workflows/release.yml@main"'
    ],
    [
      'ref',
      { headBranch: 'main' },
      'ref: token says "refs/tags/v1.2.3", REST API head_branch says "main"'
    ],
    [
      'server URL',
      { htmlUrl: `https://evil.example/${CALLER}/actions/runs/4242424242` },
      `server URL: environment says "https://github.com/${CALLER}/actions/runs/4242424242", REST API html_url says "https://evil.example/${CALLER}/actions/runs/4242424242"`
    ],
    [
      'run start',
      { startedAt: '2026-11-22T04:00:00Z' },
      'run start: token iat says "2026-11-22T03:00:30.000Z", REST API run_started_at (later) says "2026-11-22T04:00:00Z"'
    ]
  ])('%s', (_field, runOver, message) => {
    const e = refusal(input({ run: run(runOver) }));
    expect(e.code).toBe('CONTEXT_MISMATCH');
    expect(e.message).toBe(message);
  });
});

describe('token vs environment: each variable disagreeing alone is refused', () => {
  it.each<[string, string]>([
    ['GITHUB_REPOSITORY', 'octo-org/other'],
    ['GITHUB_REPOSITORY_ID', '1'],
    ['GITHUB_SHA', 'f'.repeat(40)],
    ['GITHUB_REF', 'refs/heads/main'],
    ['GITHUB_RUN_ID', '1'],
    ['GITHUB_RUN_ATTEMPT', '1'],
    ['GITHUB_EVENT_NAME', 'workflow_dispatch'],
    ['GITHUB_WORKFLOW_REF', `${CALLER}/.github/workflows/other.yml@refs/tags/v1.2.3`],
    ['RUNNER_ENVIRONMENT', 'self-hosted']
  ])('%s', (name, value) => {
    const e = refusal(input({ env: env({ [name]: value }) }));
    expect(e.code).toBe('CONTEXT_MISMATCH');
    expect(e.message).toMatch(
      new RegExp(
        `^${name}: token says ".*", environment says "${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"$`
      )
    );
  });

  it('refuses an unset variable', () => {
    expect(refusal(input({ env: env({ GITHUB_SHA: undefined }) })).message).toBe(
      `GITHUB_SHA: token says "${'a'.repeat(40)}", environment says nothing`
    );
  });

  it("refuses a server URL that is not github.com under GitHub's issuer, or not a bare origin", () => {
    expect(
      refusal(input({ env: env({ GITHUB_SERVER_URL: 'https://evil.example' }) })).message
    ).toBe(
      'server URL: issuer https://token.actions.githubusercontent.com says "https://github.com", environment says "https://evil.example"'
    );
    expect(
      refusal(input({ env: env({ GITHUB_SERVER_URL: 'https://github.com/x' }) })).message
    ).toMatch(/not a bare http\(s\) origin/);
  });

  it("follows the server URL the sandbox gives when the issuer is not GitHub's", () => {
    const ctx = resolveBuildContext(
      input({
        issuer: 'http://127.0.0.1:9999',
        env: env({ GITHUB_SERVER_URL: 'http://127.0.0.1:8888' }),
        run: run({ htmlUrl: `http://127.0.0.1:8888/${CALLER}/actions/runs/4242424242` })
      })
    );
    expect(ctx.serverUrl).toBe('http://127.0.0.1:8888');
  });

  it("refuses a workflow_ref that is not a workflow of the token's repository at its ref", () => {
    const other = `${CALLER}/.github/workflows/release.yml@refs/heads/main`;
    const e = refusal(
      input({ claims: claims({ workflow_ref: other }), env: env({ GITHUB_WORKFLOW_REF: other }) })
    );
    expect(e.message).toContain('is not a workflow of "octo-org/octo-repo" at "refs/tags/v1.2.3"');
  });

  it('refuses an event payload for another repository', () => {
    const e = refusal(input({ event: { repository: { full_name: 'evil/repo' } } }));
    expect(e.message).toBe(`repository: token says "${CALLER}", event payload says "evil/repo"`);
  });
});

describe('runner and isolation policy', () => {
  const selfHosted = {
    claims: claims({ runner_environment: 'self-hosted' }),
    env: env({ RUNNER_ENVIRONMENT: 'self-hosted' })
  };

  it('refuses a self-hosted runner unless allowed, and then says so in the context', () => {
    const e = refusal(input(selfHosted));
    expect(e.code).toBe('RUNNER_REFUSED');
    expect(e.message).toMatch(/allow-self-hosted-runners: true/);
    expect(
      resolveBuildContext(input({ ...selfHosted, allowSelfHosted: true })).runnerEnvironment
    ).toBe('self-hosted');
  });

  it.each([
    ["the caller's own workflow", `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`],
    [
      'a fork of our repository',
      'evil-fork/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0'
    ],
    ['another workflow of ours', `${PROJECT_REPOSITORY}/.github/workflows/ci.yml@refs/heads/main`]
  ])('refuses to claim isolation inside %s', (_what, jobWorkflowRef) => {
    const e = refusal(input({ claims: claims({ job_workflow_ref: jobWorkflowRef }) }));
    expect(e.code).toBe('NOT_ISOLATED');
    expect(e.message).toMatch(/generic\.yml or container\.yml/);
    expect(e.message).toMatch(/isolation: none/);
  });

  // A pull request's merge ref is code nobody released or reviewed into a branch: our builder
  // run from it (a caller's `uses: …@refs/pull/N/merge`) must not sign (issue 16 item 11).
  it('refuses to run from a refs/pull/* builder ref', () => {
    const fromPull = `${PROJECT_REPOSITORY}/.github/workflows/generic.yml@refs/pull/7/merge`;
    const e = refusal(input({ claims: claims({ job_workflow_ref: fromPull }) }));
    expect(e.code).toBe('NOT_ISOLATED');
    expect(e.message).toMatch(/refs\/pull\/7\/merge/);
  });

  it('refuses our builder run as the top-level workflow (job_workflow_ref == workflow_ref)', () => {
    const own = `${PROJECT_REPOSITORY}/.github/workflows/generic.yml@refs/heads/main`;
    const e = refusal(
      input({
        claims: claims({
          repository: PROJECT_REPOSITORY,
          ref: 'refs/heads/main',
          workflow_ref: own,
          job_workflow_ref: own
        }),
        env: env({
          GITHUB_REPOSITORY: PROJECT_REPOSITORY,
          GITHUB_REF: 'refs/heads/main',
          GITHUB_WORKFLOW_REF: own
        }),
        run: run({
          repositoryFullName: PROJECT_REPOSITORY,
          headBranch: 'main',
          path: '.github/workflows/generic.yml',
          htmlUrl: `https://github.com/${PROJECT_REPOSITORY}/actions/runs/4242424242`
        })
      })
    );
    expect(e.code).toBe('NOT_ISOLATED');
    expect(e.message).toMatch(/not the build's own workflow/);
  });

  it('takes the trusted builder repository as a parameter (the sandbox runs under another name)', () => {
    const sandboxBuilder = 'sandbox-org/builder/.github/workflows/generic.yml@refs/tags/v0';
    const i = input({ claims: claims({ job_workflow_ref: sandboxBuilder }) });
    expect(refusal(i).code).toBe('NOT_ISOLATED');
    expect(
      resolveBuildContext({ ...i, trustedBuilderRepository: 'sandbox-org/builder' }).jobWorkflowRef
    ).toBe(sandboxBuilder);
  });

  it('isolation none signs outside our workflows, but not inside them', () => {
    const inCaller = `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`;
    const ctx = resolveBuildContext(
      input({ isolation: 'none', claims: claims({ job_workflow_ref: inCaller }) })
    );
    expect(ctx.jobWorkflowRef).toBe(inCaller);
    expect(refusal(input({ isolation: 'none' })).message).toMatch(
      /use isolation: reusable-workflow/
    );
  });

  it('refuses events the workflow/v1 build type does not define', () => {
    const pr = {
      claims: claims({ event_name: 'pull_request' }),
      env: env({ GITHUB_EVENT_NAME: 'pull_request' }),
      run: run({ event: 'pull_request' })
    };
    const e = refusal(input(pr));
    expect(e.code).toBe('EVENT_UNSUPPORTED');
    expect(e.message).toContain('supported: push, create, release, workflow_dispatch');
  });
});

describe('event payload fields', () => {
  const dispatch = {
    claims: claims({
      event_name: 'workflow_dispatch',
      ref: 'refs/heads/main',
      workflow_ref: `${CALLER}/.github/workflows/release.yml@refs/heads/main`
    }),
    env: env({
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: `${CALLER}/.github/workflows/release.yml@refs/heads/main`
    }),
    run: run({ event: 'workflow_dispatch', headBranch: 'main' })
  };

  it('reads workflow_dispatch inputs, drops empty ones, sorts keys, keeps __proto__ a plain key', () => {
    const ctx = resolveBuildContext(
      input({
        ...dispatch,
        event: JSON.parse(
          '{"inputs":{"version":"1.2.3","dry_run":false,"empty":"","__proto__":"x"}}'
        )
      })
    );
    expect(JSON.stringify(ctx.inputs)).toBe('{"__proto__":"x","dry_run":false,"version":"1.2.3"}');
    expect(Object.getPrototypeOf(ctx.inputs)).toBe(Object.prototype);
  });

  it('needs the payload for workflow_dispatch and refuses hostile inputs', () => {
    expect(refusal(input(dispatch)).message).toMatch(/needs its event payload/);
    expect(refusal(input({ ...dispatch, event: { inputs: { 'a b': 'x' } } })).message).toMatch(
      /input name "a b"/
    );
    expect(
      refusal(input({ ...dispatch, event: { inputs: { a: { nested: 1 } } } })).message
    ).toMatch(/input a must be a string/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`i${i}`, 'x']));
    expect(refusal(input({ ...dispatch, event: { inputs: many } })).message).toMatch(
      /more than 100 inputs/
    );
  });

  it('reads non-default release parameters for a release event', () => {
    const release = {
      claims: claims({ event_name: 'release' }),
      env: env({ GITHUB_EVENT_NAME: 'release' }),
      run: run({ event: 'release' })
    };
    const ctx = resolveBuildContext(
      input({
        ...release,
        event: {
          release: {
            body: '',
            draft: false,
            name: 'v1.2.3',
            prerelease: true,
            target_commitish: 'main',
            id: 5
          }
        }
      })
    );
    expect(ctx.release).toEqual({ name: 'v1.2.3', prerelease: true, target_commitish: 'main' });
  });
});
