// verify-artifact end to end (real core, embedded public-good root) for the issue-16 items
// that live in the CLI: Build L2 provenance read as L2, the source ids and certificate facts in
// the report, --online being a real flag, and --help stating the deliberate differences.
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { verifyArtifactCommand } from '../../src/verify/cli/verify-artifact.js';
import type { Output } from '../../src/verify/cli/report.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../__fixtures__/verify-policy/${name}`, import.meta.url));
const ATTEST = fixture('attest-reusable-workflow.sigstore.json');
// The statement's own subject (gh-cli's reusable-workflow-artifact).
const ATTEST_ARTIFACT = 'sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25';
const GENERIC_V14_2 = fixture('generic-v2.1.0-push-v14.2.intoto.jsonl');
const GENERIC_ARTIFACT = 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';

async function run(argv: string[]) {
  const sink = { out: '', err: '' };
  const out: Output = {
    stdout: (t) => void (sink.out += t),
    stderr: (t) => void (sink.err += t)
  };
  const code = await verifyArtifactCommand(argv, out);
  return { code, ...sink };
}

describe('Build L2 provenance through verify-artifact', () => {
  const base = [
    ATTEST_ARTIFACT,
    '--provenance-path',
    ATTEST,
    '--source-uri',
    'github.com/malancas/attest-demo'
  ];

  it('refuses without --signer-workflow / --signer-repo', async () => {
    const { code, err } = await run(base);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^FAILED: signer: expected --signer-workflow .* or --signer-repo OWNER\/REPO, found neither given/m
    );
  });

  it('passes as SLSA Build L2 (never L3) in text and --json', async () => {
    const { code, err, out } = await run([
      ...base,
      '--signer-workflow',
      'github/artifact-attestations-workflows/.github/workflows/attest.yml',
      '--json'
    ]);
    expect(code).toBe(0);
    expect(err).toContain('(SLSA Build L2)');
    expect(err).not.toContain('L3');
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report.slsaBuildLevel).toBe(2);
    expect(report.builderId).toBe('https://github.com/actions/runner/github-hosted');
    expect(report.sourceRepositoryId).toBe('804070735');
    expect(report.sourceOwnerId).toBe('16248153');
  });
});

describe('certificate facts and source ids in the report', () => {
  const base = [
    GENERIC_ARTIFACT,
    '--provenance-path',
    GENERIC_V14_2,
    '--source-uri',
    'github.com/slsa-framework/example-package'
  ];

  it('prints the ids and the certificate commit; --json carries them', async () => {
    const { code, err, out } = await run([
      ...base,
      '--source-repository-id',
      '486325809',
      '--source-owner-id',
      '80431187',
      '--json'
    ]);
    expect(code).toBe(0);
    expect(err).toContain('at commit 4d329c75e7ec1725f7c9ce917a8799d408d06be3');
    expect(err).toContain(
      'Source: repository id 486325809, owner id 80431187, runner github-hosted'
    );
    expect(err).toContain('(SLSA Build L3)');
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report.sourceCommit).toBe('4d329c75e7ec1725f7c9ce917a8799d408d06be3');
    expect(report.slsaBuildLevel).toBe(3);
  });

  it('refuses another repository id and a malformed one', async () => {
    expect((await run([...base, '--source-repository-id', '486325808'])).err).toContain(
      'FAILED: source repository id: expected 486325808, found 486325809'
    );
    expect((await run([...base, '--source-owner-id', 'x1'])).err).toContain(
      "--source-owner-id: expected GitHub's numeric id"
    );
  });
});

describe('CLI flags', () => {
  it('knows --online (and refuses it together with --trusted-root)', async () => {
    const { code, err } = await run([
      GENERIC_ARTIFACT,
      '--provenance-path',
      GENERIC_V14_2,
      '--source-uri',
      'github.com/slsa-framework/example-package',
      '--online',
      '--trusted-root',
      GENERIC_V14_2
    ]);
    expect(code).toBe(1);
    expect(err).toBe('FAILED: use either --trusted-root or --online, not both\n');
  });

  it('states the deliberate differences from slsa-verifier and gh in --help', async () => {
    const { out } = await run(['--help']);
    expect(out).toContain('Deliberate differences from slsa-verifier v2 and gh attestation verify');
    for (const flag of [
      '--signer-workflow',
      '--signer-repo',
      '--source-repository-id',
      '--source-owner-id',
      '--deny-self-hosted-runners',
      '--deployment-environment',
      '--online'
    ])
      expect(out).toContain(flag);
  });
});

// slsa-verifier verify-npm-package on its own corpus file (provenance-npm-test-cli-v02-prega:
// npm CLI v0.2 provenance, builder https://github.com/actions/runner, plus npm's publish
// attestation under the registry key). Package @laurentsimon/provenance-npm-test@1.0.3.
describe('npm package policy (slsa-verifier verifiers/internal/gha/npm.go)', () => {
  const NPM = fileURLToPath(
    new URL('../../__fixtures__/verify-core/npm-v02.tgz.json', import.meta.url)
  );
  const TARBALL =
    'sha512:f2995e2565a1510c707850d8194f983b91fe61ec243c5551ad849c357273768b5f3a57e44b81cc0cd36a34b8b933322be871eea5b058202be807e24dc882811b';
  const base = [
    TARBALL,
    '--provenance-path',
    NPM,
    '--source-uri',
    'github.com/laurentsimon/provenance-npm-test',
    '--signer-repo',
    'laurentsimon/provenance-npm-test'
  ];

  it('passes with the package name and version, as Build L2', async () => {
    const { code, err } = await run([
      ...base,
      '--package-name',
      '@laurentsimon/provenance-npm-test',
      '--package-version',
      '1.0.3'
    ]);
    expect(err).toContain('(SLSA Build L2)');
    expect(code).toBe(0);
  });

  it('accepts the v0.2 short runner builder id and refuses an unknown one', async () => {
    expect((await run([...base, '--builder-id', 'https://github.com/actions/runner'])).code).toBe(
      0
    );
    expect(
      (await run([...base, '--builder-id', 'https://github.com/actions/runner/github-hosted2'])).err
    ).toMatch(/^FAILED: builder: expected https:\/\/github\.com\/actions\/runner\/github-hosted2/);
  });

  it('refuses another name or version (MismatchPackageName / MismatchPackageVersion)', async () => {
    expect((await run([...base, '--package-name', '@laurentsimon/provenance-npm-test2'])).err).toBe(
      'FAILED: npm provenance subject package name: expected @laurentsimon/provenance-npm-test2, found @laurentsimon/provenance-npm-test\n'
    );
    expect((await run([...base, '--package-version', '1.0.4'])).err).toBe(
      'FAILED: npm provenance subject package version: expected 1.0.4, found 1.0.3\n'
    );
  });
});
