// The policy on real slsa-github-generator provenance (see __fixtures__/verify-policy/README.md).
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicy } from '../../src/verify/policy/evaluate.js';
import type { VerifyPolicy } from '../../src/verify/policy/types.js';
import { evidenceFromFixture } from './evidence-from-file.js';

const GENERIC =
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
const GENERIC_V14_2 = 'generic-v2.1.0-push-v14.2.intoto.jsonl';
const ARTIFACT = {
  label: 'binary-linux-amd64-push-v14.2',
  algorithm: 'sha256' as const,
  hex: '376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa'
};

function policy(overrides: Partial<VerifyPolicy> = {}): VerifyPolicy {
  return {
    sourceUri: 'github.com/slsa-framework/example-package',
    sourceRef: { kind: 'any' },
    workflowInputs: {},
    artifacts: [ARTIFACT],
    ...overrides
  };
}

function failure(fixture: string, p: VerifyPolicy): string {
  try {
    evaluatePolicy(evidenceFromFixture(fixture), p);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('policy passed but was expected to fail');
}

describe('slsa-github-generator generic v2.1.0 (tag v14.2)', () => {
  it('passes with the right source and reports the builder, ref and subject', () => {
    const outcome = evaluatePolicy(
      evidenceFromFixture(GENERIC_V14_2),
      policy({ sourceRef: { kind: 'tag', tag: 'v14.2' } })
    );
    expect(outcome.builderId).toBe(`${GENERIC}@refs/tags/v2.1.0`);
    expect(outcome.sourceUri).toBe('https://github.com/slsa-framework/example-package');
    expect(outcome.sourceRef).toBe('refs/tags/v14.2');
    expect(outcome.sourceDigest.sha1).toBe('4d329c75e7ec1725f7c9ce917a8799d408d06be3');
    expect(outcome.matchedSubjects).toEqual([
      {
        artifact: ARTIFACT.label,
        subject: 'gha_generic-binary-linux-amd64-v14.2',
        digest: `sha256:${ARTIFACT.hex}`
      }
    ]);
  });

  it('accepts the https:// form of --source-uri', () => {
    expect(() =>
      evaluatePolicy(
        evidenceFromFixture(GENERIC_V14_2),
        policy({ sourceUri: 'https://github.com/slsa-framework/example-package' })
      )
    ).not.toThrow();
  });

  it.each([
    'github.com/laurentsimon/slsa-verifier-test-gen',
    'github.com/slsa-framework/example-packageA',
    'github.com/Aslsa-framework/example-package',
    'github.com/slsa-framework/example-pack'
  ])('fails for source %s, naming expected and found', (sourceUri) => {
    expect(failure(GENERIC_V14_2, policy({ sourceUri }))).toBe(
      `source repository: expected ${sourceUri}, found github.com/slsa-framework/example-package`
    );
  });

  it.each([
    'Agithub.com/slsa-framework/example-package',
    'github.com/slsa-framework/example-package/sub',
    'github.com/slsa-framework/example-package.git'
  ])('refuses the malformed source %s', (sourceUri) => {
    expect(failure(GENERIC_V14_2, policy({ sourceUri }))).toMatch(
      /source repository: expected|--source-uri: expected a repository/
    );
  });

  it('fails for a wrong exact tag', () => {
    expect(failure(GENERIC_V14_2, policy({ sourceRef: { kind: 'tag', tag: 'v14.2.1' } }))).toBe(
      'source tag: expected refs/tags/v14.2.1, found refs/tags/v14.2'
    );
  });

  it.each(['v14.2', 'v14'])('matches versioned tag %s', (version) => {
    expect(() =>
      evaluatePolicy(
        evidenceFromFixture(GENERIC_V14_2),
        policy({ sourceRef: { kind: 'versioned-tag', version } })
      )
    ).not.toThrow();
  });

  it.each(['v14.2.1', 'v14.2.3', 'v14.1', 'v13', 'v15', 'v15.1'])(
    'rejects versioned tag %s',
    (version) => {
      expect(
        failure(GENERIC_V14_2, policy({ sourceRef: { kind: 'versioned-tag', version } }))
      ).toBe(`source versioned tag: expected a tag matching ${version}, found refs/tags/v14.2`);
    }
  );

  // slsa-verifier common.go GetBranch → getBranchForTag: a push of a tag names its branch in
  // the event payload's base_ref (here refs/heads/main), and that is the branch checked.
  it('reads the branch of a tag build from the push payload’s base_ref', () => {
    expect(() =>
      evaluatePolicy(
        evidenceFromFixture(GENERIC_V14_2),
        policy({ sourceRef: { kind: 'branch', branch: 'main' } })
      )
    ).not.toThrow();
    expect(failure(GENERIC_V14_2, policy({ sourceRef: { kind: 'branch', branch: 'dev' } }))).toBe(
      'source branch: expected refs/heads/dev, found refs/heads/main (the branch of tag refs/tags/v14.2)'
    );
  });

  it('accepts --builder-id with a short or full ref, or none', () => {
    for (const builderId of [GENERIC, `${GENERIC}@v2.1.0`, `${GENERIC}@refs/tags/v2.1.0`]) {
      expect(
        evaluatePolicy(evidenceFromFixture(GENERIC_V14_2), policy({ builderId })).builderId
      ).toBe(`${GENERIC}@refs/tags/v2.1.0`);
    }
  });

  it('fails for a different --builder-id', () => {
    const builderId =
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml';
    expect(failure(GENERIC_V14_2, policy({ builderId }))).toBe(
      `builder: expected ${builderId}, found ${GENERIC}@refs/tags/v2.1.0`
    );
  });

  it('fails for the right builder at another release', () => {
    expect(failure(GENERIC_V14_2, policy({ builderId: `${GENERIC}@v2.0.0` }))).toBe(
      'builder ref: expected refs/tags/v2.0.0, found refs/tags/v2.1.0'
    );
  });

  it('fails when the artifact is not a subject', () => {
    const other = { ...ARTIFACT, label: 'other', hex: '0'.repeat(64) };
    expect(failure(GENERIC_V14_2, policy({ artifacts: [other] }))).toBe(
      `artifact other: expected sha256:${'0'.repeat(64)} among the subjects, found gha_generic-binary-linux-amd64-v14.2 ${ARTIFACT.hex}`
    );
  });
});

describe('slsa-github-generator generic v2.1.0 (workflow_dispatch on main)', () => {
  const fixture = 'generic-v2.1.0-workflow_dispatch.intoto.jsonl';
  it('passes for branch main and fails for master', () => {
    expect(
      evaluatePolicy(
        evidenceFromFixture(fixture),
        policy({ sourceRef: { kind: 'branch', branch: 'main' } })
      ).trigger
    ).toBe('workflow_dispatch');
    expect(failure(fixture, policy({ sourceRef: { kind: 'branch', branch: 'master' } }))).toBe(
      'source branch: expected refs/heads/master, found refs/heads/main'
    );
  });
  it('fails a tag requirement on a branch build', () => {
    expect(failure(fixture, policy({ sourceRef: { kind: 'versioned-tag', version: 'v1' } }))).toBe(
      'source versioned tag: expected a tag matching v1, found refs/heads/main'
    );
  });
});

describe('untrusted builders', () => {
  it('refuses a fork of slsa-github-generator', () => {
    const message = failure('untrusted-fork-builder.intoto.jsonl', policy({ artifacts: [] }));
    expect(message).toContain('builder: expected one of the trusted builders');
    expect(message).toContain(
      'found https://github.com/asraa/slsa-github-generator/.github/workflows/builder_go_slsa3.yml@refs/tags/v1.4.0'
    );
  });

  it('refuses a predicate that names a builder which did not sign it (bcr wrong signer)', () => {
    const message = failure(
      'bcr-MODULE-wrong-signer.bazel.intoto.jsonl',
      policy({
        sourceUri: 'github.com/aspect-build/rules_lint',
        builderId: 'https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml',
        artifacts: []
      })
    );
    expect(message).toBe(
      'predicate builder id: expected the certificate identity https://github.com/loosebazooka/aa-test/.github/workflows/malicious_attestation.yaml@refs/heads/main, found https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml@refs/tags/v0.0.1 (the provenance claims a builder that did not sign it)'
    );
  });
});

describe('BYOB delegator v2.1.0', () => {
  const fixture = 'delegator-v2.1.0-push-v14.build.slsa';
  const TRW =
    'https://github.com/slsa-framework/example-trw/.github/workflows/builder_high-perms_slsa3.yml';
  const artifact = {
    label: 'delegator-v2.1.0-push-v14',
    algorithm: 'sha256' as const,
    hex: '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03'
  };

  it('passes with the predicate builder named by --builder-id', () => {
    const outcome = evaluatePolicy(
      evidenceFromFixture(fixture),
      policy({
        builderId: TRW,
        artifacts: [artifact],
        sourceRef: { kind: 'versioned-tag', version: 'v14.0' }
      })
    );
    expect(outcome.builderId).toBe(`${TRW}@refs/tags/v2.1.0`);
    expect(outcome.signerIdentity).toBe(
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/delegator_generic_slsa3.yml@refs/tags/v2.1.0'
    );
  });

  it('requires --builder-id', () => {
    expect(failure(fixture, policy({ artifacts: [artifact] }))).toMatch(
      /^--builder-id: expected the builder you trust .*found none given; the predicate names https:\/\/github.com\/slsa-framework\/example-trw/
    );
  });

  // The TRW lives in its own repository with its own releases: only the delegator's ref is
  // bound to slsa-github-generator's releases. Same real evidence, builder ref edited.
  function withBuilderRef(ref: string) {
    const evidence = evidenceFromFixture(fixture);
    return { ...evidence, provenance: { ...evidence.provenance, builderId: `${TRW}@${ref}` } };
  }
  const named = () =>
    policy({
      builderId: TRW,
      artifacts: [artifact],
      sourceRef: { kind: 'versioned-tag', version: 'v14.0' }
    });

  it("accepts the named builder at its own release, different from the delegator's", () => {
    expect(evaluatePolicy(withBuilderRef('refs/tags/v3.0.0'), named()).builderId).toBe(
      `${TRW}@refs/tags/v3.0.0`
    );
  });

  it('rejects the named builder at a branch or commit, even when named without a ref', () => {
    for (const ref of ['refs/heads/main', 'a'.repeat(40)]) {
      expect(() => evaluatePolicy(withBuilderRef(ref), named())).toThrow(
        `predicate builder ${TRW} ref: expected a release tag refs/tags/vX.Y.Z, found ${ref} (a BYOB builder is trusted only at a release)`
      );
    }
  });

  it('fails for another builder id', () => {
    const other =
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_maven_slsa3.yml';
    expect(failure(fixture, policy({ builderId: other, artifacts: [artifact] }))).toBe(
      `builder: expected ${other}, found ${TRW}@refs/tags/v2.1.0`
    );
  });
});

describe('BYOB delegator signed at a branch (slsa-verifier gha_delegator/v1.9.0)', () => {
  const TRW =
    'https://github.com/slsa-framework/example-trw/.github/workflows/builder_high-perms_slsa3.yml';
  it('is rejected even with the builder named: the delegator must be at a release', () => {
    // slsa-verifier accepts this file only with SLSA_VERIFIER_TESTING set; in production it is
    // ErrorInvalidRef. The builder ref (v1.9.0) is a release, so only the delegator check stops it.
    const message = failure(
      'delegator-v1.9.0-at-main-push-v14.build.slsa',
      policy({
        builderId: TRW,
        artifacts: [],
        sourceRef: { kind: 'versioned-tag', version: 'v14' }
      })
    );
    expect(message).toBe(
      'BYOB delegator https://github.com/slsa-framework/slsa-github-generator/.github/workflows/delegator_generic_slsa3.yml ref: expected a release tag refs/tags/vX.Y.Z, found refs/heads/main'
    );
  });
});

describe('container-based builder v2.1.0', () => {
  it('passes as a default trusted builder with the empty-file subject', () => {
    const empty = {
      label: 'empty',
      algorithm: 'sha256' as const,
      hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    };
    const outcome = evaluatePolicy(
      evidenceFromFixture('container-based-v2.1.0-push-v14.intoto.build.slsa'),
      policy({ artifacts: [empty], sourceRef: { kind: 'tag', tag: 'v14' } })
    );
    expect(outcome.builderId).toBe(
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_container-based_slsa3.yml@refs/tags/v2.1.0'
    );
  });
});

describe('workflow inputs (slsa-verifier workflow-inputs fixture)', () => {
  const fixture = 'workflow-inputs.intoto.jsonl';
  const p = (workflowInputs: Record<string, string>) =>
    policy({
      sourceUri: 'github.com/laurentsimon/slsa-on-github-test',
      workflowInputs,
      artifacts: []
    });
  it('matches the recorded inputs', () => {
    expect(() =>
      evaluatePolicy(
        evidenceFromFixture(fixture),
        p({ release_version: '(for example, 0.1.0)', some_bool: 'true', some_integer: '123' })
      )
    ).not.toThrow();
  });
  it('fails for a missing input and a different value', () => {
    expect(failure(fixture, p({ missing_field: 'x' }))).toBe(
      'workflow input missing_field: expected "x", found no such input (recorded: release_version, some_bool, some_integer)'
    );
    expect(failure(fixture, p({ some_integer: '321' }))).toBe(
      'workflow input some_integer: expected "321", found "123"'
    );
  });
});
