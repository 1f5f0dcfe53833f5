// Integration through the real parts: provenance built by our own predicate/statement code
// for a run of our generic.yml builder, signed keylessly against the loopback sandbox
// (Fulcio + CT log, Rekor, TSA), then checked by verify-artifact with the sandbox's trusted
// root. The builder is trusted at a release tag, and at a commit SHA only when named.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSandbox, type RunDescription, type Sandbox } from '../../sandbox/index.js';
import { BUILDER_WORKFLOW_PATHS, PROJECT_REPOSITORY } from '../../src/identity.js';
import { buildPredicate } from '../../src/provenance/predicate.js';
import { buildStatement, serializeStatement } from '../../src/provenance/statement.js';
import type { BuildContext } from '../../src/types.js';
import { verifyArtifactCommand } from '../../src/verify/cli/verify-artifact.js';

const DIGEST = 'c'.repeat(64);
const GENERIC = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}`;

function contextOf(run: RunDescription): BuildContext {
  return {
    serverUrl: run.serverUrl,
    repository: run.repository,
    repositoryId: run.repositoryId,
    repositoryOwnerId: run.repositoryOwnerId,
    ref: run.ref,
    sha: run.sha,
    workflowRef: `${run.repository}/${run.workflowPath}@${run.ref}`,
    workflowPath: run.workflowPath,
    jobWorkflowRef: run.jobWorkflowRef,
    jobWorkflowSha: run.jobWorkflowSha,
    eventName: run.eventName,
    runId: run.runId,
    runAttempt: run.runAttempt,
    runnerEnvironment: run.runnerEnvironment,
    startedOn: run.runStartedAt
  };
}

/** Signs our statement in a tsx child (the verify-core helper), returning a .intoto.jsonl path. */
async function signedProvenance(sandbox: Sandbox): Promise<string> {
  const statement = buildStatement(
    [{ name: 'app.tar.gz', digest: { sha256: DIGEST } }],
    buildPredicate(contextOf(sandbox.run), { isolation: 'reusable-workflow' })
  );
  const script = fileURLToPath(new URL('../verify-core/sign-with-sandbox.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, script], {
    env: {
      ...process.env,
      SANDBOX_FULCIO: sandbox.urls.fulcio,
      SANDBOX_REKOR: sandbox.urls.rekor,
      SANDBOX_TSA: sandbox.urls.tsa,
      SANDBOX_TOKEN: sandbox.mintToken({ audience: 'sigstore' }),
      SANDBOX_PAYLOAD: serializeStatement(statement).toString('utf8')
    },
    timeout: 30_000
  });
  const path = join(mkdtempSync(join(tmpdir(), 'our-provenance-')), 'app.intoto.jsonl');
  writeFileSync(path, `${stdout.trim()}\n`);
  return path;
}

async function verify(sandbox: Sandbox, provenance: string, flags: string[]) {
  const sink = {
    out: '',
    err: '',
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t)
  };
  const code = await verifyArtifactCommand(
    [
      `sha256:${DIGEST}`,
      '--provenance-path',
      provenance,
      '--trusted-root',
      sandbox.trustedRootPath,
      '--certificate-oidc-issuer',
      sandbox.urls.oidc,
      ...flags
    ],
    sink
  );
  return { code, err: sink.err };
}

describe('our builder at a release tag', () => {
  let sandbox: Sandbox;
  let provenance: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    provenance = await signedProvenance(sandbox);
  }, 60_000);
  afterAll(async () => sandbox?.close());

  it('verifies with the caller repository and tag', async () => {
    const { code, err } = await verify(sandbox, provenance, [
      '--source-uri',
      'github.com/octo-org/octo-app',
      '--source-versioned-tag',
      'v1.2'
    ]);
    expect(err).toContain(
      `Verified build using builder "${GENERIC}@refs/tags/v1.0.0" from https://github.com/octo-org/octo-app@refs/tags/v1.2.3`
    );
    expect(code).toBe(0);
  });

  it('fails for another source repository', async () => {
    const { code, err } = await verify(sandbox, provenance, [
      '--source-uri',
      'github.com/octo-org/octo-app2'
    ]);
    expect(err).toBe(
      'FAILED: source repository: expected github.com/octo-org/octo-app2, found github.com/octo-org/octo-app\n'
    );
    expect(code).toBe(1);
  });

  it('fails with the default (GitHub) issuer, since the sandbox has its own', async () => {
    const sink = {
      out: '',
      err: '',
      stdout: (t: string) => void (sink.out += t),
      stderr: (t: string) => void (sink.err += t)
    };
    const code = await verifyArtifactCommand(
      [
        `sha256:${DIGEST}`,
        '--provenance-path',
        provenance,
        '--trusted-root',
        sandbox.trustedRootPath,
        '--source-uri',
        'github.com/octo-org/octo-app'
      ],
      sink
    );
    expect(sink.err).toBe(
      `FAILED: certificate OIDC issuer: expected https://token.actions.githubusercontent.com, found ${sandbox.urls.oidc}\n`
    );
    expect(code).toBe(1);
  });
});

describe('our builder pinned by commit SHA', () => {
  let sandbox: Sandbox;
  let provenance: string;
  let sha: string;
  beforeAll(async () => {
    sha = 'd'.repeat(40);
    sandbox = await startSandbox({
      run: {
        jobWorkflowRef: `${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}@${sha}`,
        jobWorkflowSha: sha
      }
    });
    provenance = await signedProvenance(sandbox);
  }, 60_000);
  afterAll(async () => sandbox?.close());

  it('is refused unless the user names that commit', async () => {
    const refused = await verify(sandbox, provenance, [
      '--source-uri',
      'github.com/octo-org/octo-app'
    ]);
    // Not one of our recorded releases (builder-releases.ts), and the refusal never suggests
    // trusting the commit the certificate names (issue 16 item 11).
    expect(refused.err).toBe(
      `FAILED: builder ${GENERIC} commit: expected the commit of one of our releases (the verifier ships their list), found ${sha} (GitHub also resolves commits that exist only in a fork; to trust a commit you have reviewed, name it in --builder-id NAME@<sha>)\n`
    );
    expect(refused.err).not.toContain(`${GENERIC}@${sha}`);
    expect(refused.code).toBe(1);
    const named = await verify(sandbox, provenance, [
      '--source-uri',
      'github.com/octo-org/octo-app',
      '--builder-id',
      `${GENERIC}@${sha}`
    ]);
    expect(named.err).toContain('PASSED: Verified SLSA provenance for');
    expect(named.code).toBe(0);
  });
});

// Issue 16 items 7 and 12, issue 15 item 7: the certificate's runner environment (.1.11),
// deployment environment (.1.23), raw token subject (.1.24) and repository ids (.1.15/.1.17),
// as the sandbox's Fulcio writes them from the run's token.
describe('our builder on a self-hosted runner, deploying to an environment', () => {
  let sandbox: Sandbox;
  let provenance: string;
  beforeAll(async () => {
    sandbox = await startSandbox({
      run: { runnerEnvironment: 'self-hosted', environment: 'production' }
    });
    provenance = await signedProvenance(sandbox);
  }, 60_000);
  afterAll(async () => sandbox?.close());

  const source = ['--source-uri', 'github.com/octo-org/octo-app'];

  it('passes and reports the runner, environment, token subject and ids', async () => {
    const { code, err } = await verify(sandbox, provenance, [
      ...source,
      '--source-repository-id',
      '123456789',
      '--source-owner-id',
      '987654',
      '--deployment-environment',
      'production'
    ]);
    expect(err).toContain(
      'Source: repository id 123456789, owner id 987654, runner self-hosted, environment production'
    );
    expect(err).toMatch(
      /^Token subject: repo:octo-org(@987654)?\/octo-app(@123456789)?:environment:production$/m
    );
    expect(err).toContain('NOTE: built on a self-hosted runner');
    expect(code).toBe(0);
  });

  it('refuses it with --deny-self-hosted-runners', async () => {
    const { code, err } = await verify(sandbox, provenance, [
      ...source,
      '--deny-self-hosted-runners'
    ]);
    expect(err).toBe(
      'FAILED: runner environment (--deny-self-hosted-runners): expected github-hosted, found self-hosted\n'
    );
    expect(code).toBe(1);
  });

  it('refuses another deployment environment or repository id', async () => {
    expect(
      (await verify(sandbox, provenance, [...source, '--deployment-environment', 'staging'])).err
    ).toBe('FAILED: deployment environment: expected "staging", found "production"\n');
    expect(
      (await verify(sandbox, provenance, [...source, '--source-repository-id', '123456780'])).err
    ).toBe('FAILED: source repository id: expected 123456780, found 123456789\n');
  });
});
