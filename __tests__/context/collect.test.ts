// The context stage end to end over loopback: a real OIDC issuer (JWKS over node:http), a
// REST stand-in answering the run attempt, an event payload file; then the predicate.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectBuildContext } from '../../src/context/index.js';
import { buildPredicate } from '../../src/provenance/predicate.js';
import { ProvenanceError } from '../../src/errors.js';
import { serveService, sendJson, type RunningService } from '../../sandbox/http.js';
import {
  BUILDER,
  CALLER,
  githubClaims,
  makeKey,
  signJwt,
  startIssuer,
  type TestIssuer
} from './oidc-fixtures.js';

const key = makeKey('ES256', 'k1');
let issuer: TestIssuer;
let rest: RunningService;
let restHeadSha = 'a'.repeat(40);
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  issuer = await startIssuer([key]);
  rest = await serveService({
    name: 'test-github-rest',
    handle(req, res) {
      if (req.url.pathname !== `/repos/${CALLER}/actions/runs/4242424242/attempts/1`) return;
      sendJson(res, 200, {
        id: 4242424242,
        run_attempt: 1,
        run_started_at: new Date((nowSeconds() - 120) * 1000).toISOString(),
        path: '.github/workflows/release.yml',
        head_sha: restHeadSha,
        head_branch: 'main',
        event: 'workflow_dispatch',
        html_url: `https://github.com/${CALLER}/actions/runs/4242424242`,
        repository: { id: 123456789, full_name: CALLER, owner: { id: 987654 } }
      });
    }
  });
});
afterAll(async () => {
  await issuer.close();
  await rest.close();
});

function setup() {
  const claims = githubClaims(issuer.url, {
    iat: nowSeconds() - 5,
    nbf: nowSeconds() - 5,
    exp: nowSeconds() + 300,
    event_name: 'workflow_dispatch',
    ref: 'refs/heads/main',
    workflow_ref: `${CALLER}/.github/workflows/release.yml@refs/heads/main`
  });
  const dir = mkdtempSync(join(tmpdir(), 'ctx-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({ inputs: { version: '2.0.0', notes: '' }, repository: { full_name: CALLER } })
  );
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer.url}/token`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token',
    GITHUB_API_URL: rest.url,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: CALLER,
    GITHUB_REPOSITORY_ID: '123456789',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242424242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_WORKFLOW_REF: `${CALLER}/.github/workflows/release.yml@refs/heads/main`,
    RUNNER_ENVIRONMENT: 'github-hosted',
    GITHUB_SERVER_URL: 'https://github.com'
  };
  return { token: signJwt(key, claims), env };
}

describe('collectBuildContext over loopback', () => {
  it('verifies the token, reads the run, cross-checks, and yields the predicate inputs', async () => {
    const { token, env } = setup();
    restHeadSha = 'a'.repeat(40);
    const { context, oidcToken } = await collectBuildContext({
      issuer: issuer.url,
      getToken: async () => token,
      githubToken: 'ghs_x',
      isolation: 'reusable-workflow',
      allowSelfHosted: false,
      trustedBuilderRepository: BUILDER,
      env
    });
    expect(oidcToken).toBe(token);
    const predicate = buildPredicate(context, {
      isolation: 'reusable-workflow',
      finishedOn: new Date().toISOString()
    });
    expect(predicate.buildDefinition.externalParameters).toEqual({
      workflow: {
        ref: 'refs/heads/main',
        repository: `https://github.com/${CALLER}`,
        path: '.github/workflows/release.yml'
      },
      inputs: { version: '2.0.0' }
    });
    expect(predicate.runDetails.builder.id).toBe(
      `https://github.com/${BUILDER}/.github/workflows/generic.yml@refs/tags/v1.0.0`
    );
  });

  it('stops when the REST API disagrees with the signed claims (nothing to sign)', async () => {
    const { token, env } = setup();
    restHeadSha = 'f'.repeat(40);
    await expect(
      collectBuildContext({
        issuer: issuer.url,
        getToken: async () => token,
        githubToken: 'ghs_x',
        isolation: 'reusable-workflow',
        allowSelfHosted: false,
        trustedBuilderRepository: 'isolated-provenance/isolated-provenance',
        env
      })
    ).rejects.toThrow(
      new ProvenanceError(
        'CONTEXT_MISMATCH',
        `sha: token says "${'a'.repeat(40)}", REST API head_sha says "${'f'.repeat(40)}"`
      )
    );
  });
});
