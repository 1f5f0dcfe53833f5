// A same-repository pull-request run. GitHub's token and GITHUB_SHA name the merge commit on
// refs/pull/<n>/merge, while the REST run attempt names the PR's head branch and head commit
// (docs "Events that trigger workflows", pull_request: GITHUB_SHA is the last merge commit;
// github/docs#15302). The action refuses the event and says why — not a "mismatch".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectBuildContext } from '../../src/context/index.js';
import { ProvenanceError } from '../../src/errors.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

const MERGE_SHA = '1111111111111111111111111111111111111111';
const HEAD_SHA = '2222222222222222222222222222222222222222';

describe('a pull_request run from a branch of the same repository', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      run: {
        eventName: 'pull_request',
        ref: 'refs/pull/7/merge',
        sha: MERGE_SHA,
        workflowSha: MERGE_SHA,
        headRef: 'feature/login',
        baseRef: 'main',
        pullRequestHeadSha: HEAD_SHA
      }
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('the REST run attempt names the head branch and head commit, not the merge ref and commit', async () => {
    const { run } = sandbox;
    const res = await fetch(
      `${sandbox.urls.github}/repos/${run.repository}/actions/runs/${run.runId}/attempts/${run.runAttempt}`,
      { headers: { authorization: `Bearer ${sandbox.githubToken}` } }
    );
    const body = (await res.json()) as { head_branch: unknown; head_sha: unknown; event: unknown };
    expect(body).toMatchObject({
      event: 'pull_request',
      head_branch: 'feature/login',
      head_sha: HEAD_SHA
    });
    expect(sandbox.runnerEnv().GITHUB_SHA).toBe(MERGE_SHA);
  });

  it('the action refuses the event with the reason, not as a token/REST mismatch', async () => {
    const env = sandbox.runnerEnv();
    const err = await collectBuildContext({
      issuer: sandbox.urls.oidc,
      getToken: async (audience) => sandbox.mintToken({ audience }),
      githubToken: sandbox.githubToken,
      isolation: 'reusable-workflow',
      allowSelfHosted: false,
      trustedBuilderRepository: sandbox.run.jobWorkflowRef.split('/').slice(0, 2).join('/'),
      env
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('EVENT_UNSUPPORTED');
    expect((err as ProvenanceError).message).toBe(
      'event "pull_request" is not one the workflow/v1 build type can describe (supported: push, create, release, workflow_dispatch): a pull request run builds a temporary merge commit (refs/pull/<n>/merge) that no branch or tag holds; sign the build of the push, tag or release that follows the merge'
    );
  });
});
