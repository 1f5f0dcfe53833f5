// verify-artifact end to end on real provenance (fixtures copied from the corpus, see the
// README next to them): the real core verifies signatures and Rekor evidence against the
// embedded public-good trusted root, then the policy decides.
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { verifyArtifactCommand } from '../../src/verify/cli/verify-artifact.js';
import { runCli } from '../../src/verify/cli/index.js';
import type { Output } from '../../src/verify/cli/report.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../__fixtures__/verify-policy/${name}`, import.meta.url));
const GENERIC_V14_2 = fixture('generic-v2.1.0-push-v14.2.intoto.jsonl');
const GENERIC_DISPATCH = fixture('generic-v2.1.0-workflow_dispatch.intoto.jsonl');
const ARTIFACT = 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';
const SOURCE = ['--source-uri', 'github.com/slsa-framework/example-package'];
const GENERIC =
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

function capture(): Output & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t)
  };
  return sink;
}

async function run(argv: string[]) {
  const sink = capture();
  const code = await verifyArtifactCommand(argv, sink);
  return { code, out: sink.out, err: sink.err };
}

describe('verify-artifact on slsa-github-generator generic v2.1.0', () => {
  it('passes with the right source and tag', async () => {
    const { code, err } = await run([
      ARTIFACT,
      '--provenance-path',
      GENERIC_V14_2,
      ...SOURCE,
      '--source-tag',
      'v14.2'
    ]);
    expect(err).toContain('PASSED: Verified SLSA provenance for');
    expect(err).toContain(`Verified build using builder "${GENERIC}@refs/tags/v2.1.0"`);
    expect(code).toBe(0);
  });

  it('prints a JSON report with the verified facts', async () => {
    const { code, out } = await run([
      ARTIFACT,
      '--provenance-path',
      GENERIC_V14_2,
      ...SOURCE,
      '--json'
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toEqual({
      command: 'verify-artifact',
      verified: true,
      artifacts: [ARTIFACT],
      provenance: GENERIC_V14_2,
      builderId: `${GENERIC}@refs/tags/v2.1.0`,
      signerIdentity: `${GENERIC}@refs/tags/v2.1.0`,
      slsaBuildLevel: 3,
      builderTrustedAt: 'release',
      builderTrustedBy: 'default',
      sourceUri: 'https://github.com/slsa-framework/example-package',
      sourceRef: 'refs/tags/v14.2',
      // From the certificate (Fulcio .1.13 / .1.15 / .1.17 / .1.11).
      sourceCommit: '4d329c75e7ec1725f7c9ce917a8799d408d06be3',
      sourceRepositoryId: '486325809',
      sourceOwnerId: '80431187',
      runnerEnvironment: 'github-hosted',
      sourceDigest: { sha1: '4d329c75e7ec1725f7c9ce917a8799d408d06be3' },
      trigger: 'push',
      warnings: [],
      subjects: [
        { artifact: ARTIFACT, subject: 'gha_generic-binary-linux-amd64-v14.2', digest: ARTIFACT }
      ],
      envelope: {
        format: 'bundle-v0.3',
        index: 0,
        timestamps: [{ source: 'tlog', time: expect.stringMatching(/^2025-02-25T/) }]
      }
    });
  });

  it('prints the failure as JSON too, with the error code', async () => {
    const { code, out, err } = await run([
      ARTIFACT,
      '--provenance-path',
      GENERIC_V14_2,
      '--source-uri',
      'github.com/evil/repo',
      '--json'
    ]);
    expect(code).toBe(1);
    expect(err).toBe(
      'FAILED: source repository: expected github.com/evil/repo, found github.com/slsa-framework/example-package\n'
    );
    expect(JSON.parse(out)).toEqual({
      command: 'verify-artifact',
      verified: false,
      artifacts: [ARTIFACT],
      error: {
        code: 'VERIFY_FAILED',
        message:
          'source repository: expected github.com/evil/repo, found github.com/slsa-framework/example-package'
      }
    });
  });

  it.each([
    [
      ['--source-uri', 'github.com/slsa-framework/example-packageA'],
      'FAILED: source repository: expected github.com/slsa-framework/example-packageA, found github.com/slsa-framework/example-package'
    ],
    // The tag was pushed from main (push payload base_ref, slsa-verifier common.go getBranchForTag).
    [
      [...SOURCE, '--source-branch', 'release'],
      'FAILED: source branch: expected refs/heads/release, found refs/heads/main (the branch of tag refs/tags/v14.2)'
    ],
    [
      [...SOURCE, '--source-tag', 'v14.3'],
      'FAILED: source tag: expected refs/tags/v14.3, found refs/tags/v14.2'
    ],
    [
      [...SOURCE, '--source-versioned-tag', 'v15'],
      'FAILED: source versioned tag: expected a tag matching v15, found refs/tags/v14.2'
    ],
    [
      [...SOURCE, '--builder-id', `${GENERIC}@v2.0.0`],
      'FAILED: builder ref: expected refs/tags/v2.0.0, found refs/tags/v2.1.0'
    ],
    [
      [
        ...SOURCE,
        '--builder-id',
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml'
      ],
      `FAILED: builder: expected https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml, found ${GENERIC}@refs/tags/v2.1.0`
    ]
  ])('fails for %j', async (flags, message) => {
    const { code, err } = await run([ARTIFACT, '--provenance-path', GENERIC_V14_2, ...flags]);
    expect(err).toBe(`${message}\n`);
    expect(code).toBe(1);
  });

  it('fails for branch master on the workflow_dispatch build and passes for main', async () => {
    const artifact = 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';
    expect(
      (
        await run([
          artifact,
          '--provenance-path',
          GENERIC_DISPATCH,
          ...SOURCE,
          '--source-branch',
          'main'
        ])
      ).code
    ).toBe(0);
    const { code, err } = await run([
      artifact,
      '--provenance-path',
      GENERIC_DISPATCH,
      ...SOURCE,
      '--source-branch',
      'master'
    ]);
    expect(err).toBe('FAILED: source branch: expected refs/heads/master, found refs/heads/main\n');
    expect(code).toBe(1);
  });

  it('fails when the artifact is not a subject', async () => {
    const { code, err } = await run([
      fixture('delegator-v2.1.0-push-v14'),
      '--provenance-path',
      GENERIC_V14_2,
      ...SOURCE
    ]);
    expect(err).toMatch(
      /^FAILED: artifact .*delegator-v2.1.0-push-v14: expected sha256:5891b5b5.* among the subjects, found gha_generic-binary-linux-amd64-v14.2 376e7e01/
    );
    expect(code).toBe(1);
  });

  it('puts the verified statement in the JSON report with --print-provenance --json', async () => {
    const { code, out } = await run([
      ARTIFACT,
      '--provenance-path',
      GENERIC_V14_2,
      ...SOURCE,
      '--print-provenance',
      '--json'
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { verified: boolean; statement: { _type: string } };
    expect([report.verified, report.statement._type]).toEqual([
      true,
      'https://in-toto.io/Statement/v0.1'
    ]);
  });

  it('prints the verified statement with --print-provenance', async () => {
    const { out } = await run([
      ARTIFACT,
      '--provenance-path',
      GENERIC_V14_2,
      ...SOURCE,
      '--print-provenance'
    ]);
    expect((JSON.parse(out) as { predicateType: string }).predicateType).toBe(
      'https://slsa.dev/provenance/v0.2'
    );
  });
});

describe('verify-artifact on untrusted and delegated builders', () => {
  it('refuses provenance whose predicate names a builder that did not sign it (offline-verifiable bundle)', async () => {
    const { code, err } = await run([
      fixture('bcr-MODULE-wrong-signer.bazel'),
      '--provenance-path',
      fixture('bcr-MODULE-wrong-signer.bazel.intoto.jsonl'),
      '--source-uri',
      'github.com/aspect-build/rules_lint',
      '--builder-id',
      'https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml'
    ]);
    expect(err).toMatch(
      /^FAILED: predicate builder id: expected the certificate identity https:\/\/github.com\/loosebazooka\/aa-test\/.*malicious_attestation.yaml@refs\/heads\/main, found https:\/\/github.com\/bazel-contrib\/publish-to-bcr/
    );
    expect(code).toBe(1);
  });

  it('refuses the fork builder file offline (no transparency-log evidence)', async () => {
    const { code, err } = await run([
      `sha256:${'b01c4f22b92c57fe1c94ba99b568e8d704bbf544882784b5b8c765fc32e627c4'}`,
      '--provenance-path',
      fixture('untrusted-fork-builder.intoto.jsonl'),
      ...SOURCE
    ]);
    expect(err).toMatch(/^FAILED: .*no transparency-log evidence/);
    expect(code).toBe(1);
  });

  it('verifies BYOB provenance only with the builder named', async () => {
    const base = [
      fixture('delegator-v2.1.0-push-v14'),
      '--provenance-path',
      fixture('delegator-v2.1.0-push-v14.build.slsa'),
      ...SOURCE,
      '--source-versioned-tag',
      'v14'
    ];
    const trw =
      'https://github.com/slsa-framework/example-trw/.github/workflows/builder_high-perms_slsa3.yml';
    const named = await run([...base, '--builder-id', trw]);
    expect(named.err).toContain(`Verified build using builder "${trw}@refs/tags/v2.1.0"`);
    expect(named.code).toBe(0);
    const unnamed = await run(base);
    expect(unnamed.err).toMatch(/^FAILED: --builder-id: expected the builder you trust/);
    expect(unnamed.code).toBe(1);
  });
});

describe('verify-artifact input errors', () => {
  it.each([
    [[ARTIFACT, ...SOURCE], 'FAILED: verify-artifact: --provenance-path is required'],
    [
      ['--provenance-path', GENERIC_V14_2, ...SOURCE],
      'FAILED: verify-artifact: expected at least one ARTIFACT (a file or sha256:HEX), found none'
    ],
    [
      [ARTIFACT, '--provenance-path', GENERIC_V14_2],
      'FAILED: verify-artifact: --source-uri is required (e.g. --source-uri github.com/OWNER/REPO)'
    ],
    [
      ['sha256:abc', '--provenance-path', GENERIC_V14_2, ...SOURCE],
      'FAILED: artifact digest sha256:abc: expected 64 hex characters after sha256:, found 3'
    ],
    [
      [
        ARTIFACT,
        '--provenance-path',
        GENERIC_V14_2,
        ...SOURCE,
        '--source-tag',
        'v1',
        '--source-branch',
        'main'
      ],
      'FAILED: verify-artifact: give at most one of --source-branch, --source-tag, --source-versioned-tag'
    ],
    [
      [
        ARTIFACT,
        '--provenance-path',
        GENERIC_V14_2,
        ...SOURCE,
        '--build-workflow-input',
        'novalue'
      ],
      'FAILED: verify-artifact: --build-workflow-input: expected KEY=VALUE, found "novalue"'
    ],
    [
      [ARTIFACT, '--provenance-path', '/nonexistent.jsonl', ...SOURCE],
      /^FAILED: cannot read provenance \/nonexistent.jsonl: .*ENOENT/
    ]
  ])('%j', async (argv, message) => {
    const { code, err } = await run(argv);
    if (typeof message === 'string') expect(err).toBe(`${message}\n`);
    else expect(err).toMatch(message);
    expect(code).toBe(1);
  });

  it('rejects unknown flags through the CLI entry', async () => {
    const sink = capture();
    const code = await runCli(
      ['verify-artifact', ARTIFACT, '--provenance-path', GENERIC_V14_2, '--source', 'x'],
      sink,
      {
        'verify-artifact': async () => (argv) => verifyArtifactCommand(argv, sink)
      }
    );
    expect(sink.err).toBe(
      'FAILED: verify-artifact: unknown flag --source (see verify-artifact --help)\n'
    );
    expect(code).toBe(1);
  });
});
