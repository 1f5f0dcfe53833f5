// A run long enough to need two Fulcio certificates, with GitHub's token lifetime (five
// minutes): the sandbox clock moves forward eight and a half minutes between two signatures, so
// the certificate is renewed and the token the run started with has expired at the stand-in
// Fulcio. Only a fresh token per certificate gets the second one.
import { afterEach, describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { obtainVerifiedToken } from '../../src/context/index.js';
import { ProvenanceError } from '../../src/errors.js';
import { fulcioTokenSource } from '../../src/signing/fulcio-token.js';
import { ReusedCertificateSigner } from '../../src/signing/reused-certificate.js';
import { decodeJwt } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup() {
  let offsetMs = 0;
  const clock = () => Date.now() + offsetMs;
  sandbox = await startSandbox({ clock });
  const env = sandbox.runnerEnv();
  const handedOut: string[] = [];
  const getIDToken = async (audience: string) => {
    const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
      headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    });
    const { value } = (await res.json()) as { value: string };
    handedOut.push(value);
    return value;
  };
  const issuer = sandbox.urls.oidc;
  const verify = () =>
    obtainVerifiedToken({
      issuer,
      getToken: getIDToken,
      env,
      now: () => Math.floor(clock() / 1000)
    });
  const signerFor = (getToken: () => Promise<string>) =>
    new ReusedCertificateSigner({
      fulcioBaseURL: sandbox!.urls.fulcio,
      identityProvider: { getToken },
      now: clock,
      retry: { retries: 0 }
    });
  return {
    clock,
    advance: (ms: number) => (offsetMs += ms),
    verify,
    signerFor,
    handedOut
  };
}

const EIGHT_AND_A_HALF_MINUTES = 8.5 * 60_000;

describe('Fulcio tokens over a long run', () => {
  it('asks for a fresh token for the renewed certificate; the run’s first token has expired', async () => {
    const { clock, advance, verify, signerFor, handedOut } = await setup();
    const initial = await verify();
    const claims = decodeJwt(initial.token).claims;
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);

    const signer = signerFor(fulcioTokenSource({ initial, refresh: verify, now: clock }));
    const first = await signer.sign(Buffer.from('first statement'));
    advance(EIGHT_AND_A_HALF_MINUTES);
    const second = await signer.sign(Buffer.from('second statement'));

    expect(signer.certificatesIssued).toBe(2);
    const pem = (s: typeof first) =>
      s.key.$case === 'x509Certificate' ? s.key.certificate : 'no certificate';
    expect(new X509Certificate(pem(first)).serialNumber).toBeDefined();
    expect(pem(second)).not.toBe(pem(first));
    // One token for the context (and the first certificate), one fresh for the second.
    expect(handedOut).toHaveLength(2);
  });

  it('fails at the second certificate when the first token is reused (what the action used to do)', async () => {
    const { advance, verify, signerFor } = await setup();
    const initial = await verify();
    const signer = signerFor(async () => initial.token);
    await signer.sign(Buffer.from('first statement'));
    advance(EIGHT_AND_A_HALF_MINUTES);
    const err = await signer.sign(Buffer.from('second statement')).catch((e: unknown) => e);
    const cause = (err as { cause?: unknown }).cause;
    expect(`${String(err)} ${String(cause)}`).toMatch(/identity token has expired/);
  });
});

describe('fulcioTokenSource', () => {
  const token = (exp: number) =>
    `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.`;
  const claims = {
    iss: 'https://token.actions.githubusercontent.com',
    iat: 1,
    repository: 'o/r',
    repository_id: '1',
    repository_owner_id: '2',
    ref: 'refs/tags/v1',
    sha: 'a'.repeat(40),
    workflow_ref: 'o/r/.github/workflows/w.yml@refs/tags/v1',
    job_workflow_ref: 'b/b/.github/workflows/x.yml@refs/tags/v1',
    job_workflow_sha: 'b'.repeat(40),
    event_name: 'push',
    run_id: '3',
    run_attempt: '1',
    runner_environment: 'github-hosted' as const
  };
  const NOW = 1_800_000_000_000;

  it('uses the first token while it has more than a minute left, then always a fresh one', async () => {
    let refreshed = 0;
    const source = fulcioTokenSource({
      initial: { token: token(NOW / 1000 + 120), claims },
      refresh: async () => ({ token: `fresh-${++refreshed}`, claims: { ...claims, iat: 99 } }),
      now: () => NOW
    });
    expect(await source()).toBe(token(NOW / 1000 + 120));
    expect(await source()).toBe('fresh-1');
    expect(await source()).toBe('fresh-2');
  });

  it('does not hand Fulcio a first token about to expire', async () => {
    const source = fulcioTokenSource({
      initial: { token: token(NOW / 1000 + 30), claims },
      refresh: async () => ({ token: 'fresh', claims }),
      now: () => NOW
    });
    expect(await source()).toBe('fresh');
  });

  it('refuses a fresh token that names another identity', async () => {
    const source = fulcioTokenSource({
      initial: { token: token(NOW / 1000 + 30), claims },
      refresh: async () => ({
        token: 'fresh',
        claims: { ...claims, job_workflow_sha: 'c'.repeat(40) }
      }),
      now: () => NOW
    });
    const err = await source().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvenanceError);
    expect((err as ProvenanceError).code).toBe('CONTEXT_MISMATCH');
    expect((err as ProvenanceError).message).toBe(
      `OIDC token: the new token for the next Fulcio certificate names another identity (job_workflow_sha is "${'c'.repeat(40)}" where the first token had "${'b'.repeat(40)}"); refusing to sign`
    );
  });
});
