// The generator's refusals, end to end: the bundled action (dist/index.js) in a child process,
// as a runner starts it, against the loopback sandbox. A refusal is a non-zero exit with one
// `::error::` line naming the problem (no stack trace), and nothing written, logged to Rekor,
// released, attested or uploaded. Every publisher is switched on so a leak would show: release
// assets, the attestations API, and workflow artifacts (sandboxes start artifact storage).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type RunDescription, type Sandbox } from '../../sandbox/index.js';
import { PROJECT_REPOSITORY } from '../../src/identity.js';
import { runActionProcess, type ActionProcessResult } from '../helpers/run-action.js';
import {
  NOTHING_LEFT,
  base64SubjectsFor,
  leftovers,
  provenanceFiles,
  signedStatements,
  stackTraceLines
} from './generator.js';

const OUR_BUILDER_PREFIX = `https://github.com/${PROJECT_REPOSITORY}/`;

function inputsFor(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...sandbox.actionInputs,
    'base64-subjects': base64SubjectsFor(['app-linux-amd64']),
    'upload-assets': 'true',
    'attest-to-github': 'true',
    ...extra
  };
}

function expectRefusal(
  sandbox: Sandbox,
  result: ActionProcessResult,
  code: string,
  names: RegExp
): void {
  expect(result.exitCode).not.toBe(0);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(new RegExp(`^${code}: `));
  expect(result.errors[0]).toMatch(names);
  expect(result.errors[0]).not.toContain('\n');
  expect(stackTraceLines(result.log)).toEqual([]);
  expect(leftovers(sandbox, result)).toEqual(NOTHING_LEFT);
}

async function withSandbox<T>(
  run: Partial<RunDescription>,
  fn: (sandbox: Sandbox) => Promise<T>
): Promise<T> {
  const sandbox = await startSandbox({ run, artifacts: true });
  try {
    return await fn(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe('token, REST API and environment must agree', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ artifacts: true });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('refuses when GITHUB_SHA in the environment differs from the token', async () => {
    const forged = 'f'.repeat(40);
    const result = await runActionProcess({
      inputs: inputsFor(sandbox),
      env: sandbox.runnerEnv({ GITHUB_SHA: forged })
    });
    expectRefusal(
      sandbox,
      result,
      'CONTEXT_MISMATCH',
      new RegExp(`GITHUB_SHA: token says "${sandbox.run.sha}", environment says "${forged}"`)
    );
  });

  it('refuses when GITHUB_REF in the environment names another branch', async () => {
    const result = await runActionProcess({
      inputs: inputsFor(sandbox),
      env: sandbox.runnerEnv({ GITHUB_REF: 'refs/heads/main' })
    });
    expectRefusal(
      sandbox,
      result,
      'CONTEXT_MISMATCH',
      /GITHUB_REF: token says "refs\/tags\/v1\.2\.3"/
    );
  });

  it('refuses when the REST API reports another head commit for the run', async () => {
    // A second platform that knows the same run id at a different commit: the action gets its
    // token from the first and asks the second's REST API about the run.
    const otherSha = 'e'.repeat(40);
    await withSandbox({ sha: otherSha, workflowSha: otherSha }, async (liar) => {
      const result = await runActionProcess({
        inputs: inputsFor(sandbox, { 'github-token': liar.githubToken }),
        env: sandbox.runnerEnv({ GITHUB_API_URL: liar.urls.github })
      });
      expectRefusal(
        sandbox,
        result,
        'CONTEXT_MISMATCH',
        new RegExp(`sha: token says "${sandbox.run.sha}", REST API head_sha says "${otherSha}"`)
      );
      expect(liar.rekorSize()).toBe(0);
      expect(liar.github.releases).toEqual([]);
    });
  });
});

describe('isolation: the token must name one of our reusable workflows', () => {
  // The action used straight from the caller's own release workflow.
  const direct: Partial<RunDescription> = {
    jobWorkflowRef: 'octo-org/octo-app/.github/workflows/release.yml@refs/tags/v1.2.3',
    jobWorkflowSha: '5b1f6e0c3a1d2e4f60718293a4b5c6d7e8f90a1b'
  };

  it('refuses a job_workflow_ref outside our builder workflows: not isolated', async () => {
    await withSandbox(direct, async (sandbox) => {
      const result = await runActionProcess({
        inputs: inputsFor(sandbox),
        env: sandbox.runnerEnv()
      });
      expectRefusal(
        sandbox,
        result,
        'NOT_ISOLATED',
        /runs in "octo-org\/octo-app\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.2\.3", not in one of/
      );
    });
  });

  it('refuses our repository at a workflow path that is not a builder', async () => {
    await withSandbox(
      { jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/ci.yml@refs/tags/v1.0.0` },
      async (sandbox) => {
        const result = await runActionProcess({
          inputs: inputsFor(sandbox),
          env: sandbox.runnerEnv()
        });
        expectRefusal(
          sandbox,
          result,
          'NOT_ISOLATED',
          /ci\.yml@refs\/tags\/v1\.0\.0", not in one of/
        );
      }
    );
  });

  it('signs with isolation: none, and the builder id is the caller workflow, never our L3 builder', async () => {
    await withSandbox(direct, async (sandbox) => {
      const result = await runActionProcess({
        inputs: { ...inputsFor(sandbox), isolation: 'none' },
        env: sandbox.runnerEnv()
      });
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      const [file] = provenanceFiles(result.runnerTemp);
      const statements = signedStatements(file!);
      expect(statements).toHaveLength(1);
      const builderId = statements[0]!.predicate.runDetails.builder.id;
      expect(builderId).toBe(`https://github.com/${direct.jobWorkflowRef}`);
      expect(builderId.startsWith(OUR_BUILDER_PREFIX)).toBe(false);
      expect(sandbox.rekorSize()).toBe(1);
      // The publishers the refusals leave empty are live: a signing run fills them.
      expect(sandbox.artifacts?.listArtifacts()).toHaveLength(1);
      expect(sandbox.github.attestations).toHaveLength(1);
      expect(sandbox.github.assets).toHaveLength(1);
    });
  });

  it('refuses isolation: none inside our builder (it would hide the L3 claim)', async () => {
    await withSandbox({}, async (sandbox) => {
      const result = await runActionProcess({
        inputs: { ...inputsFor(sandbox), isolation: 'none' },
        env: sandbox.runnerEnv()
      });
      expectRefusal(
        sandbox,
        result,
        'INPUT_INVALID',
        /isolation: none is for running the action outside/
      );
    });
  });
});

describe('self-hosted runners', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ run: { runnerEnvironment: 'self-hosted' }, artifacts: true });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('refuses a self-hosted runner unless allow-self-hosted-runners is true', async () => {
    const result = await runActionProcess({ inputs: inputsFor(sandbox), env: sandbox.runnerEnv() });
    expectRefusal(
      sandbox,
      result,
      'RUNNER_REFUSED',
      /runs on a self-hosted runner: set allow-self-hosted-runners: true/
    );
  });

  it('signs with allow-self-hosted-runners: true, and the predicate says self-hosted', async () => {
    const result = await runActionProcess({
      inputs: { ...inputsFor(sandbox), 'allow-self-hosted-runners': 'true' },
      env: sandbox.runnerEnv()
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const [file] = provenanceFiles(result.runnerTemp);
    const [statement] = signedStatements(file!);
    expect(statement!.predicate.buildDefinition.internalParameters.github.runner_environment).toBe(
      'self-hosted'
    );
  });
});
