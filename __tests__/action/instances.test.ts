// Which Sigstore instance signs, through the bundled action: a private repository's name must
// not reach the public Rekor log. The sandbox says "private" in the signed
// repository_visibility claim; a recording proxy (HTTPS_PROXY) shows which public hosts the
// action then tries to reach — nothing is reachable from here, so each run ends in an error.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness
} from '../helpers/action-harness.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy.js';
import { base64Of, digestOf } from '../helpers/subjects.js';

// The inputs that would point the action at the sandbox's own Sigstore: left out, so the
// action chooses an instance itself (the OIDC issuer and GitHub token stay the sandbox's).
const SANDBOX_SIGSTORE = ['sigstore-instance', 'fulcio-url', 'rekor-url', 'tsa-url'];
const SUBJECTS = {
  'base64-subjects': base64Of(`${digestOf('private build')}  secret-app.tar.gz\n`)
};

describe.each(['private', 'internal'] as const)('a %s repository', (visibility) => {
  let harness: ActionHarness;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    harness = await startActionHarness({ run: { repositoryVisibility: visibility } });
    proxy = await startRecordingProxy();
  });
  afterAll(async () => {
    await harness?.close();
    await proxy?.close();
  });

  const run = (inputs: Record<string, string>) => {
    proxy.destinations.length = 0;
    return harness.run(
      { ...SUBJECTS, ...inputs },
      { without: SANDBOX_SIGSTORE, env: { HTTPS_PROXY: proxy.url } }
    );
  };

  it("signs with GitHub's instance by default: only fulcio.githubapp.com is contacted", async () => {
    const result = await run({});
    expect(result.exitCode).not.toBe(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^SERVICE_UNAVAILABLE: Fulcio \(https:\/\/fulcio\.githubapp\.com\): /
    );
    expect(showsStackTrace(result.log)).toBe(false);
    expect(proxy.destinations.length).toBeGreaterThan(0);
    expect(new Set(proxy.destinations)).toEqual(new Set(['fulcio.githubapp.com:443']));
    expect(result.writtenFiles).toEqual([]);
  }, 60_000);

  it('refuses sigstore-instance public-good without private-repository: true, contacting nothing', async () => {
    const result = await run({ 'sigstore-instance': 'public-good' });
    expect(result.exitCode).not.toBe(0);
    expect(result.errors).toEqual([
      "INPUT_INVALID: sigstore-instance: public-good would publish this private repository's name in the public Rekor log; use sigstore-instance: github, or set private-repository: true to accept that"
    ]);
    expect(proxy.destinations).toEqual([]);
    expect(result.writtenFiles).toEqual([]);
  });

  it('with private-repository: true, goes to the public-good instance as asked', async () => {
    const result = await run({ 'sigstore-instance': 'public-good', 'private-repository': 'true' });
    expect(result.exitCode).not.toBe(0);
    expect(result.errors[0]).toMatch(
      /^SERVICE_UNAVAILABLE: Fulcio \(https:\/\/fulcio\.sigstore\.dev\): /
    );
    expect(new Set(proxy.destinations)).toEqual(new Set(['fulcio.sigstore.dev:443']));
  }, 60_000);
});

describe('a public repository', () => {
  let harness: ActionHarness;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    harness = await startActionHarness();
    proxy = await startRecordingProxy();
  });
  afterAll(async () => {
    await harness?.close();
    await proxy?.close();
  });

  it('signs with the public-good instance by default', async () => {
    const result = await harness.run(SUBJECTS, {
      without: SANDBOX_SIGSTORE,
      env: { HTTPS_PROXY: proxy.url }
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.errors[0]).toMatch(
      /^SERVICE_UNAVAILABLE: Fulcio \(https:\/\/fulcio\.sigstore\.dev\): /
    );
    expect(new Set(proxy.destinations)).toEqual(new Set(['fulcio.sigstore.dev:443']));
  }, 60_000);
});
