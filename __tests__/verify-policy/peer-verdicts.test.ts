// The policy's verdicts against slsa-verifier v2's and gh attestation verify's, on real
// provenance (fixtures copied from ../shared/corpus, see __fixtures__/verify-policy/README.md).
// Each expectation names the peer source file it was read from (slsa-verifier @ aaf98fd77ddc,
// cli/cli pkg/cmd/attestation). Where the evidence is edited, only the fields the check reads
// are changed, to show the check itself refuses them (the signature is the core's business).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { BUILDER_WORKFLOW_PATHS, PROJECT_REPOSITORY } from '../../src/identity.js';
import { evaluatePolicy } from '../../src/verify/policy/evaluate.js';
import type { PolicyEvidence, VerifyPolicy } from '../../src/verify/policy/types.js';
import { parseProvenance } from '../../src/verify/provenance/index.js';
import { FIXTURES, evidenceFromFixture } from './evidence-from-file.js';

const GENERATOR = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows';
const GENERIC = `${GENERATOR}/generator_generic_slsa3.yml`;
const GENERIC_V14_2 = 'generic-v2.1.0-push-v14.2.intoto.jsonl';
const DELEGATOR_V14 = 'delegator-v2.1.0-push-v14.build.slsa';
const ATTEST = 'attest-reusable-workflow.sigstore.json';
const NPM = 'npm-sigstore-3.0.0.sigstore.json';
const OUR_GENERIC = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}`;
const OUR_CONTAINER = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[1]}`;

const V14_2_ARTIFACT = {
  label: 'binary-linux-amd64-push-v14.2',
  algorithm: 'sha256' as const,
  hex: '376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa'
};

function subjectOf(evidence: PolicyEvidence): VerifyPolicy['artifacts'][number] {
  const [subject] = evidence.provenance.subjects;
  const algorithm = subject?.digest.sha256 !== undefined ? 'sha256' : 'sha512';
  return { label: subject?.name ?? '', algorithm, hex: subject?.digest[algorithm] ?? '' };
}

function policyFor(evidence: PolicyEvidence, overrides: Partial<VerifyPolicy> = {}): VerifyPolicy {
  return {
    sourceUri: evidence.identity.extensions.sourceRepositoryURI ?? '',
    sourceRef: { kind: 'any' },
    workflowInputs: {},
    artifacts: [subjectOf(evidence)],
    ...overrides
  };
}

function failure(evidence: PolicyEvidence, policy: VerifyPolicy): string {
  try {
    evaluatePolicy(evidence, policy);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('policy passed but was expected to fail');
}

/** The real v2.1.0 generic provenance with the builder (SAN and predicate) at another ref. */
function genericAt(ref: string, name = GENERIC): PolicyEvidence {
  const evidence = evidenceFromFixture(GENERIC_V14_2);
  const signer = `${name}@${ref}`;
  return {
    identity: { ...evidence.identity, subjectAlternativeName: signer },
    provenance: { ...evidence.provenance, builderId: signer }
  };
}

describe('item 1: builder refs (slsa-verifier verifiers/utils/builder.go IsValidBuilderTag)', () => {
  it.each([
    'refs/tags/v2.1.0-rc.0',
    'refs/tags/v1.0.0-rc.1',
    'refs/tags/v2.1',
    'refs/tags/v2.1.0+b'
  ])('refuses a default builder at %s', (ref) => {
    const e = genericAt(ref);
    expect(failure(e, policyFor(e))).toBe(
      `builder ${GENERIC} ref: expected a release tag refs/tags/vX.Y.Z, found ${ref} (a builder is trusted by default only at a release; to trust another ref you have reviewed, name it in --builder-id NAME@REF)`
    );
  });

  it('refuses a builder named without a ref at a branch (builder.go verifyTrustedBuilderRef runs for named builders too)', () => {
    const e = genericAt('refs/heads/main');
    expect(failure(e, policyFor(e, { builderId: GENERIC }))).toMatch(
      /^builder .*generator_generic_slsa3\.yml ref: expected a release tag refs\/tags\/vX\.Y\.Z, found refs\/heads\/main/
    );
    const untrusted = genericAt(
      'refs/heads/main',
      'https://github.com/acme/ci/.github/workflows/b.yml'
    );
    expect(
      failure(
        untrusted,
        policyFor(untrusted, { builderId: 'https://github.com/acme/ci/.github/workflows/b.yml' })
      )
    ).toMatch(/ref: expected a release tag refs\/tags\/vX\.Y\.Z, found refs\/heads\/main/);
  });

  it('trusts a branch only when named with it, and says so', () => {
    const e = genericAt('refs/heads/main');
    const outcome = evaluatePolicy(e, policyFor(e, { builderId: `${GENERIC}@refs/heads/main` }));
    expect(outcome.trustedAt).toBe('branch');
    expect(outcome.trustedBy).toBe('builder-id');
    expect(outcome.warnings.join(' ')).toMatch(/builder trusted at a branch refs\/heads\/main/);
  });
});

describe('item 3: builder sets per command (slsa-verifier verifiers/internal/gha/builder.go)', () => {
  it('verify-artifact does not trust the container generator', () => {
    const e = genericAt('refs/tags/v2.1.0', `${GENERATOR}/generator_container_slsa3.yml`);
    expect(failure(e, policyFor(e))).toMatch(
      /^builder: expected one of the trusted builders .*untrusted reusable workflow/
    );
  });

  it('verify-image trusts neither the artifact builders nor our generic.yml', () => {
    const e = genericAt('refs/tags/v2.1.0');
    expect(failure(e, policyFor(e, { builderSet: 'image' }))).toMatch(
      /untrusted reusable workflow/
    );
    const ours = genericAt('refs/tags/v1.0.0', OUR_GENERIC);
    expect(failure(ours, policyFor(ours, { builderSet: 'image' }))).toMatch(
      /untrusted reusable workflow/
    );
  });

  it('verify-artifact does not trust our container.yml', () => {
    const e = genericAt('refs/tags/v1.0.0', OUR_CONTAINER);
    expect(failure(e, policyFor(e))).toMatch(/untrusted reusable workflow/);
  });

  it('verify-image refuses BYOB delegators (VerifyImage uses defaultContainerTrustedReusableWorkflows only)', () => {
    const e = evidenceFromFixture(DELEGATOR_V14);
    expect(failure(e, policyFor(e, { builderSet: 'image' }))).toMatch(
      /untrusted reusable workflow|predicate builder id/
    );
  });
});

describe('item 2: --source-versioned-tag (slsa-verifier verifiers/utils/source_tag.go)', () => {
  const withTag = (tag: string): PolicyEvidence => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const ref = `refs/tags/${tag}`;
    return {
      identity: {
        ...e.identity,
        extensions: { ...e.identity.extensions, sourceRepositoryRef: ref, legacyRef: ref }
      },
      provenance: { ...e.provenance, sourceRef: ref }
    };
  };

  it('v1.2.3 does not accept v1.2.3-rc.1 (the patch compares the pre-release)', () => {
    const e = withTag('v1.2.3-rc.1');
    expect(
      failure(e, policyFor(e, { sourceRef: { kind: 'versioned-tag', version: 'v1.2.3' } }))
    ).toBe('source versioned tag: expected a tag matching v1.2.3, found refs/tags/v1.2.3-rc.1');
    expect(() =>
      evaluatePolicy(e, policyFor(e, { sourceRef: { kind: 'versioned-tag', version: 'v1' } }))
    ).not.toThrow();
  });

  it.each(['14', '1.2.3', 'v1.2-rc.1', 'v01.2'])(
    'refuses the wanted version %s (not semver)',
    (version) => {
      const e = evidenceFromFixture(GENERIC_V14_2);
      expect(failure(e, policyFor(e, { sourceRef: { kind: 'versioned-tag', version } }))).toBe(
        `--source-versioned-tag: expected a semantic version vMAJOR[.MINOR[.PATCH[-PRERELEASE]]], found "${version}"`
      );
    }
  );

  it('refuses a built tag that is not a semantic version', () => {
    const e = withTag('1.2.3');
    expect(failure(e, policyFor(e, { sourceRef: { kind: 'versioned-tag', version: 'v1' } }))).toBe(
      'source versioned tag: expected a tag matching v1, found refs/tags/1.2.3, which is not a semantic version'
    );
  });
});

describe('item 4: Build L2 provenance (gh pkg/cmd/attestation/verify/policy.go; slsa-verifier verifier.go verifyNpmEnvAndCert)', () => {
  it('refuses runner-built provenance until the signer workflow is named', () => {
    const e = evidenceFromFixture(ATTEST);
    expect(failure(e, policyFor(e))).toBe(
      'signer: expected --signer-workflow OWNER/REPO/.github/workflows/FILE[@REF] or --signer-repo OWNER/REPO, found neither given (this is Build L2 provenance: its builder is the GitHub runner, so say which workflow you trust to have built and signed it)'
    );
  });

  it('reads attest-build-provenance as SLSA Build L2 with --signer-repo (case-insensitive, as gh)', () => {
    const e = evidenceFromFixture(ATTEST);
    const outcome = evaluatePolicy(
      e,
      policyFor(e, { signerRepo: 'GitHub/artifact-attestations-workflows' })
    );
    expect(outcome.slsaBuildLevel).toBe(2);
    expect(outcome.builderId).toBe('https://github.com/actions/runner/github-hosted');
    expect(outcome.signerIdentity).toMatch(
      /^https:\/\/github\.com\/github\/artifact-attestations-workflows\//
    );
    expect(failure(e, policyFor(e, { signerRepo: 'malancas/attest-demo' }))).toMatch(
      /^signer repository: expected a workflow of malancas\/attest-demo, found https:\/\/github\.com\/github\/artifact-attestations-workflows/
    );
  });

  it('reads npm CLI provenance as SLSA Build L2 with --signer-workflow, ref optional', () => {
    const e = evidenceFromFixture(NPM);
    for (const signerWorkflow of [
      'sigstore/sigstore-js/.github/workflows/release.yml',
      'github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main'
    ]) {
      const outcome = evaluatePolicy(e, policyFor(e, { signerWorkflow }));
      expect(outcome.slsaBuildLevel).toBe(2);
      expect(outcome.trustedAt).toBe('branch');
    }
    expect(
      failure(
        e,
        policyFor(e, { signerWorkflow: 'sigstore/sigstore-js/.github/workflows/release.y' })
      )
    ).toMatch(/^signer workflow: expected/);
    expect(
      failure(
        e,
        policyFor(e, {
          signerWorkflow: 'sigstore/sigstore-js/.github/workflows/release.yml@refs/tags/v1'
        })
      )
    ).toMatch(/^signer workflow: expected/);
  });

  // SLSA v1 npm provenance: only the full id (slsaprovenance/v1.0/provenance.go buildTypeMap knows
  // NpmCLIHostedBuilderID alone); the short id is for v0.2 (see cli-peer-verdicts.test.ts).
  it('accepts the full runner builder id for v1 npm provenance, not the short one', () => {
    const e = evidenceFromFixture(NPM);
    const signerWorkflow = 'sigstore/sigstore-js/.github/workflows/release.yml';
    expect(
      evaluatePolicy(
        e,
        policyFor(e, {
          signerWorkflow,
          builderId: 'https://github.com/actions/runner/github-hosted'
        })
      ).slsaBuildLevel
    ).toBe(2);
    expect(
      failure(e, policyFor(e, { signerWorkflow, builderId: 'https://github.com/actions/runner' }))
    ).toBe(
      'builder: expected https://github.com/actions/runner/github-hosted (SLSA v1 provenance), found https://github.com/actions/runner'
    );
    expect(
      failure(
        e,
        policyFor(e, { signerWorkflow, builderId: 'https://github.com/actions/runner/self-hosted' })
      )
    ).toMatch(/^builder: expected/);
  });

  it('refuses a runner builder id the certificate’s runner environment contradicts', () => {
    const e = evidenceFromFixture(NPM);
    const selfHosted: PolicyEvidence = {
      ...e,
      identity: {
        ...e.identity,
        extensions: { ...e.identity.extensions, runnerEnvironment: 'self-hosted' }
      }
    };
    expect(failure(selfHosted, policyFor(e, { signerRepo: 'sigstore/sigstore-js' }))).toBe(
      'predicate builder id: expected the runner the certificate names (self-hosted), found https://github.com/actions/runner/github-hosted'
    );
  });

  it('refuses --signer-repo for a builder’s (L3) provenance', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    expect(
      failure(e, policyFor(e, { signerRepo: 'slsa-framework/slsa-github-generator' }))
    ).toMatch(/^--signer-workflow \/ --signer-repo: expected Build L2 provenance/);
  });

  it('reports a generator build as SLSA Build L3', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    expect(evaluatePolicy(e, policyFor(e)).slsaBuildLevel).toBe(3);
  });
});

describe('item 5: BYOB without --builder-id (slsa-verifier provenance.go VerifyProvenance)', () => {
  it('refuses a TRW outside slsa-framework/slsa-github-generator without --builder-id', () => {
    const e = evidenceFromFixture(DELEGATOR_V14);
    expect(failure(e, policyFor(e))).toMatch(
      /^--builder-id: expected the builder you trust \(only BYOB builders under https:\/\/github\.com\/slsa-framework\/slsa-github-generator\/\.github\/workflows\/ are trusted without it\)/
    );
  });

  it('trusts a slsa-github-generator TRW without --builder-id', () => {
    const e = evidenceFromFixture(DELEGATOR_V14);
    const trw = `${GENERATOR}/builder_maven_slsa3.yml@refs/tags/v2.1.0`;
    const maven: PolicyEvidence = { ...e, provenance: { ...e.provenance, builderId: trw } };
    expect(evaluatePolicy(maven, policyFor(maven)).builderId).toBe(trw);
  });
});

describe('item 6: --source-branch on a tag build (slsa-verifier common.go getBranchForTag)', () => {
  it('refuses when the provenance does not say which branch', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const { tagBaseBranch: _dropped, ...provenance } = e.provenance;
    expect(
      failure({ ...e, provenance }, policyFor(e, { sourceRef: { kind: 'branch', branch: 'main' } }))
    ).toBe(
      'source branch: expected refs/heads/main, found a build of tag refs/tags/v14.2, and the provenance does not say which branch'
    );
  });
});

describe('item 8: strictness (slsa-verifier provenance.go verifyDigest / verifySourceURI; v0.2/provenance.go buildTypeMap)', () => {
  it('does not match an upper-case subject digest (the statement is read as written)', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const line = readFileSync(new URL(GENERIC_V14_2, FIXTURES), 'utf8').trim();
    const { dsseEnvelope } = JSON.parse(line) as { dsseEnvelope: { payload: string } };
    const statement = Buffer.from(dsseEnvelope.payload, 'base64')
      .toString('utf8')
      .replace(V14_2_ARTIFACT.hex, V14_2_ARTIFACT.hex.toUpperCase());
    const provenance = parseProvenance('application/vnd.in-toto+json', statement);
    expect(provenance.subjects[0]?.digest.sha256).toBe(V14_2_ARTIFACT.hex.toUpperCase());
    expect(failure({ ...e, provenance }, policyFor(e, { artifacts: [V14_2_ARTIFACT] }))).toMatch(
      /^artifact binary-linux-amd64-push-v14\.2: expected sha256:376e/
    );
  });

  it('accepts git+https:// in --source-uri and compares owner/repo case-sensitively', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    expect(() =>
      evaluatePolicy(
        e,
        policyFor(e, { sourceUri: 'git+https://github.com/slsa-framework/example-package' })
      )
    ).not.toThrow();
    expect(
      failure(e, policyFor(e, { sourceUri: 'github.com/SLSA-framework/example-package' }))
    ).toBe(
      'source repository: expected github.com/SLSA-framework/example-package, found github.com/slsa-framework/example-package'
    );
  });

  it('refuses a v0.2 materials[0] that is not the configSource', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const edited: PolicyEvidence = {
      ...e,
      provenance: {
        ...e.provenance,
        materialUri: 'git+https://github.com/slsa-framework/example-package@refs/heads/evil'
      }
    };
    expect(failure(edited, policyFor(e))).toBe(
      'provenance materials[0].uri: expected git+https://github.com/slsa-framework/example-package@refs/tags/v14.2 (the configSource), found git+https://github.com/slsa-framework/example-package@refs/heads/evil'
    );
  });

  it('refuses a buildType the builder does not write', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const edited: PolicyEvidence = {
      ...e,
      provenance: {
        ...e.provenance,
        buildType: 'https://github.com/slsa-framework/slsa-github-generator/go@v1'
      }
    };
    expect(failure(edited, policyFor(e))).toBe(
      `buildType for builder ${GENERIC}: expected https://github.com/slsa-framework/slsa-github-generator/generic@v1, found v0.2 https://github.com/slsa-framework/slsa-github-generator/go@v1`
    );
  });
});

describe('item 9: the report’s source facts come from the certificate', () => {
  it('reports the certificate’s commit and refuses a predicate commit that disagrees', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    expect(evaluatePolicy(e, policyFor(e)).sourceCommit).toBe(
      '4d329c75e7ec1725f7c9ce917a8799d408d06be3'
    );
    const edited: PolicyEvidence = {
      ...e,
      provenance: { ...e.provenance, sourceDigest: { sha1: 'f'.repeat(40) } }
    };
    expect(failure(edited, policyFor(e))).toBe(
      `predicate source commit: expected 4d329c75e7ec1725f7c9ce917a8799d408d06be3 (from the certificate), found ${'f'.repeat(40)}`
    );
  });
});

describe('item 11: our builder pinned by commit (Fulcio .1.10 build-signer digest)', () => {
  const SHA = '1'.repeat(40);
  const ours = (ref: string, ran: string): PolicyEvidence => {
    const e = genericAt(ref, OUR_GENERIC);
    return {
      identity: { ...e.identity, extensions: { ...e.identity.extensions, buildSignerDigest: ran } },
      provenance: {
        ...e.provenance,
        buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
        predicateVersion: 'v1'
      }
    };
  };
  const releases = [{ tag: 'refs/tags/v1.0.0', commit: SHA }];

  it('trusts a commit listed as a release', () => {
    const e = ours(SHA, SHA);
    const outcome = evaluatePolicy(e, policyFor(e, { builderReleases: releases }));
    expect(outcome.trustedBy).toBe('release-manifest');
    expect(outcome.warnings.join(' ')).toContain('our release refs/tags/v1.0.0');
  });

  it('refuses a commit not listed, without suggesting it', () => {
    const other = '2'.repeat(40);
    const message = failure(
      ours(other, other),
      policyFor(ours(other, other), { builderReleases: releases })
    );
    expect(message).toMatch(
      /^builder .*generic\.yml commit: expected the commit of one of our releases/
    );
    expect(message).not.toContain(`@${other}`);
  });

  it('refuses a release tag whose certificate ran another commit than the recorded one', () => {
    const e = ours('refs/tags/v1.0.0', '3'.repeat(40));
    expect(failure(e, policyFor(e, { builderReleases: releases }))).toBe(
      `builder ${OUR_GENERIC}@refs/tags/v1.0.0 commit: expected ${SHA} (recorded when refs/tags/v1.0.0 was released), found ${'3'.repeat(40)} (the certificate's build-signer digest)`
    );
  });

  it('refuses a named commit the certificate did not run', () => {
    const e = ours(SHA, '4'.repeat(40));
    expect(failure(e, policyFor(e, { builderId: `${OUR_GENERIC}@${SHA}` }))).toBe(
      `builder commit: expected ${SHA} (the commit you named), found ${'4'.repeat(40)} (the certificate's build-signer digest)`
    );
  });
});

describe('item 12: --source-repository-id / --source-owner-id (Fulcio .1.15 / .1.17)', () => {
  it('passes with the ids the certificate names and reports them', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const outcome = evaluatePolicy(
      e,
      policyFor(e, { sourceRepositoryId: '486325809', sourceOwnerId: '80431187' })
    );
    expect(outcome.sourceRepositoryId).toBe('486325809');
    expect(outcome.sourceOwnerId).toBe('80431187');
  });

  it('refuses a re-created repository (another id)', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    expect(failure(e, policyFor(e, { sourceRepositoryId: '1' }))).toBe(
      'source repository id: expected 1, found 486325809'
    );
    expect(failure(e, policyFor(e, { sourceOwnerId: '2' }))).toBe(
      'source owner id: expected 2, found 80431187'
    );
  });

  it('refuses when the certificate has no id to compare, and a predicate id that disagrees', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const { sourceRepositoryIdentifier: _gone, ...extensions } = e.identity.extensions;
    expect(
      failure(
        { ...e, identity: { ...e.identity, extensions } },
        policyFor(e, { sourceRepositoryId: '486325809' })
      )
    ).toMatch(
      /^source repository id: expected 486325809, found none \(the certificate has no Fulcio \.1\.15 extension/
    );
    expect(
      failure({ ...e, provenance: { ...e.provenance, sourceRepositoryId: '7' } }, policyFor(e))
    ).toBe('predicate source repository id: expected 486325809 (from the certificate), found 7');
  });
});

describe('item 7 / issue 15 item 7: runner and deployment environment', () => {
  it('refuses a self-hosted runner with --deny-self-hosted-runners (gh policy.go buildVerifyCertIdOption)', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    const selfHosted: PolicyEvidence = {
      ...e,
      identity: {
        ...e.identity,
        extensions: { ...e.identity.extensions, runnerEnvironment: 'self-hosted' }
      }
    };
    expect(failure(selfHosted, policyFor(e, { denySelfHostedRunners: true }))).toBe(
      'runner environment (--deny-self-hosted-runners): expected github-hosted, found self-hosted'
    );
    expect(evaluatePolicy(selfHosted, policyFor(e)).warnings.join(' ')).toMatch(
      /self-hosted runner/
    );
    expect(() => evaluatePolicy(e, policyFor(e, { denySelfHostedRunners: true }))).not.toThrow();
  });

  it('requires the deployment environment the certificate names (.1.23) and reports it with the raw sub (.1.24)', () => {
    const e = evidenceFromFixture(GENERIC_V14_2);
    expect(failure(e, policyFor(e, { deploymentEnvironment: 'production' }))).toBe(
      'deployment environment: expected "production", found none (the certificate has no Fulcio .1.23 extension)'
    );
    const deployed: PolicyEvidence = {
      ...e,
      identity: {
        ...e.identity,
        extensions: {
          ...e.identity.extensions,
          deploymentEnvironment: 'production',
          tokenSubject: 'repo:o/r:environment:production'
        }
      }
    };
    const outcome = evaluatePolicy(deployed, policyFor(e, { deploymentEnvironment: 'production' }));
    expect(outcome.deploymentEnvironment).toBe('production');
    expect(outcome.tokenSubject).toBe('repo:o/r:environment:production');
    expect(failure(deployed, policyFor(e, { deploymentEnvironment: 'staging' }))).toBe(
      'deployment environment: expected "staging", found "production"'
    );
  });
});

describe('item 5: a BYOB builder may build a commit of its own (slsa-verifier provenance.go verifySourceURI)', () => {
  // The real delegator v2.1.0 statement, with the built commit (resolvedDependencies[0]) changed.
  const statement = (): Record<string, unknown> => {
    const line = readFileSync(new URL(DELEGATOR_V14, FIXTURES), 'utf8').trim();
    const bundle = JSON.parse(line) as { dsseEnvelope: { payload: string } };
    return JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    ) as Record<string, unknown>;
  };
  const withBuiltCommit = (s: Record<string, unknown>, commit: string) => {
    const predicate = s.predicate as {
      buildDefinition: { resolvedDependencies: { digest: Record<string, string> }[] };
    };
    const dependency = predicate.buildDefinition.resolvedDependencies[0];
    if (dependency) dependency.digest = { gitCommit: commit };
    return JSON.stringify(s);
  };

  it('reads and accepts it, reporting the trigger commit from the certificate', () => {
    const e = evidenceFromFixture(DELEGATOR_V14);
    const provenance = parseProvenance(
      'application/vnd.in-toto+json',
      withBuiltCommit(statement(), 'e'.repeat(40))
    );
    expect(provenance.sourceDigest).toEqual({ gitCommit: 'e'.repeat(40) });
    const outcome = evaluatePolicy(
      { ...e, provenance },
      policyFor(e, { builderId: provenance.builderId })
    );
    expect(outcome.sourceCommit).toBe('4d329c75e7ec1725f7c9ce917a8799d408d06be3');
  });

  it('still refuses a non-BYOB generator predicate whose commits disagree', () => {
    const s = statement();
    (s.predicate as { buildDefinition: { buildType: string } }).buildDefinition.buildType =
      'https://slsa.dev/container-based-build/v0.1?draft';
    expect(() =>
      parseProvenance('application/vnd.in-toto+json', withBuiltCommit(s, 'e'.repeat(40)))
    ).toThrow(/provenance is inconsistent about the source commit/);
  });
});
