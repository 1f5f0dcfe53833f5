// Our own reusable workflows: trusted at a release tag, or at a commit SHA the user names.
import { describe, expect, it } from '@jest/globals';
import type { CertificateIdentity } from '../../src/verify/core/types.js';
import {
  BUILDER_WORKFLOW_PATHS,
  GITHUB_OIDC_ISSUER,
  PROJECT_REPOSITORY
} from '../../src/identity.js';
import { evaluatePolicy } from '../../src/verify/policy/evaluate.js';
import type { PolicyEvidence, VerifyPolicy } from '../../src/verify/policy/types.js';
import type { ProvenanceView } from '../../src/verify/provenance/index.js';
import { BUILD_TYPE_WORKFLOW_V1 } from '../../src/types.js';

const GENERIC = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}`;
const CONTAINER = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[1]}`;
const SHA = 'a'.repeat(40);
const DIGEST = 'b'.repeat(64);

function evidence(
  signer: string,
  overrides: { provenance?: Partial<ProvenanceView>; identity?: Partial<CertificateIdentity> } = {}
): PolicyEvidence {
  return {
    identity: {
      subjectAlternativeName: signer,
      issuer: GITHUB_OIDC_ISSUER,
      extensions: {
        sourceRepositoryURI: 'https://github.com/acme/app',
        sourceRepositoryRef: 'refs/tags/v2.0.0',
        buildSignerURI: signer
      },
      ...overrides.identity
    },
    provenance: {
      statementType: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      predicateVersion: 'v1',
      buildType: BUILD_TYPE_WORKFLOW_V1,
      buildTypeFamily: 'github-workflow',
      builderId: signer,
      sourceRepositoryUri: 'https://github.com/acme/app',
      sourceRef: 'refs/tags/v2.0.0',
      sourceDigest: { gitCommit: 'c'.repeat(40) },
      trigger: 'push',
      workflowInputs: {},
      subjects: [{ name: 'app.tgz', digest: { sha256: DIGEST } }],
      ...overrides.provenance
    }
  };
}

const policy = (overrides: Partial<VerifyPolicy> = {}): VerifyPolicy => ({
  sourceUri: 'github.com/acme/app',
  sourceRef: { kind: 'any' },
  workflowInputs: {},
  artifacts: [{ label: 'app.tgz', algorithm: 'sha256', hex: DIGEST }],
  ...overrides
});

function failure(e: PolicyEvidence, p: VerifyPolicy): string {
  try {
    evaluatePolicy(e, p);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('policy passed but was expected to fail');
}

describe('our builders', () => {
  it('trusts generic.yml at a release tag for artifacts', () => {
    expect(evaluatePolicy(evidence(`${GENERIC}@refs/tags/v1.2.3`), policy()).builderId).toBe(
      `${GENERIC}@refs/tags/v1.2.3`
    );
  });

  it('trusts container.yml at a release tag for images', () => {
    expect(
      evaluatePolicy(evidence(`${CONTAINER}@refs/tags/v1.2.3`), policy({ builderSet: 'image' }))
        .builderId
    ).toBe(`${CONTAINER}@refs/tags/v1.2.3`);
  });

  it('refuses a commit-pinned builder unless the user names that commit, never suggesting the certificate’s commit', () => {
    const signer = `${GENERIC}@${SHA}`;
    const message = failure(evidence(signer), policy());
    expect(message).toBe(
      `builder ${GENERIC} commit: expected the commit of one of our releases (the verifier ships their list), found ${SHA} (GitHub also resolves commits that exist only in a fork; to trust a commit you have reviewed, name it in --builder-id NAME@<sha>)`
    );
    expect(message).not.toContain(`--builder-id ${signer}`);
    const named = evaluatePolicy(evidence(signer), policy({ builderId: signer }));
    expect(named.builderId).toBe(signer);
    expect(named.trustedAt).toBe('commit');
    expect(named.warnings.join(' ')).toMatch(/commits that exist only in a fork/);
  });

  it('refuses a commit-pinned builder at another commit than the one named', () => {
    expect(
      failure(evidence(`${GENERIC}@${SHA}`), policy({ builderId: `${GENERIC}@${'d'.repeat(40)}` }))
    ).toBe(`builder ref: expected ${'d'.repeat(40)}, found ${SHA}`);
  });

  it('refuses our builder at a branch, also when named without a ref', () => {
    expect(failure(evidence(`${GENERIC}@refs/heads/main`), policy())).toBe(
      `builder ${GENERIC} ref: expected a release tag refs/tags/vX.Y.Z, found refs/heads/main (a builder is trusted by default only at a release; to trust another ref you have reviewed, name it in --builder-id NAME@REF)`
    );
    expect(failure(evidence(`${GENERIC}@refs/heads/main`), policy({ builderId: GENERIC }))).toMatch(
      /^builder .* ref: expected a release tag refs\/tags\/vX.Y.Z, found refs\/heads\/main/
    );
  });

  it('refuses a fork of our repository', () => {
    const fork = `https://github.com/evil/isolated-provenance/${BUILDER_WORKFLOW_PATHS[0]}@refs/tags/v1.2.3`;
    expect(failure(evidence(fork), policy())).toMatch(
      new RegExp(
        `^builder: expected one of the trusted builders .* found ${fork.replace(/[.]/g, '\\.')} \\(untrusted reusable workflow\\)$`
      )
    );
  });

  it('refuses a predicate whose builder id differs from the certificate identity', () => {
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { builderId: `${GENERIC}@refs/tags/v9.9.9` }
    });
    expect(failure(e, policy())).toBe(
      `predicate builder id: expected the certificate identity ${GENERIC}@refs/tags/v1.2.3, found ${GENERIC}@refs/tags/v9.9.9 (the provenance claims a builder that did not sign it)`
    );
  });

  it('refuses another OIDC issuer', () => {
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      identity: { issuer: 'https://evil.example' }
    });
    expect(failure(e, policy())).toBe(
      `certificate OIDC issuer: expected ${GITHUB_OIDC_ISSUER}, found https://evil.example`
    );
  });

  it('refuses a predicate source that disagrees with the certificate', () => {
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { sourceRepositoryUri: 'https://github.com/acme/other' }
    });
    expect(failure(e, policy())).toBe(
      'predicate source repository: expected github.com/acme/app (from the certificate), found github.com/acme/other'
    );
  });

  it('refuses a predicate ref that disagrees with the certificate', () => {
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { sourceRef: 'refs/tags/v3.0.0' }
    });
    expect(failure(e, policy())).toBe(
      'predicate source ref: expected refs/tags/v2.0.0 (from the certificate), found refs/tags/v3.0.0'
    );
  });

  it('refuses a certificate without a source repository extension', () => {
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, { identity: { extensions: {} } });
    expect(failure(e, policy())).toBe(
      'certificate source repository: expected a Fulcio sourceRepositoryURI extension, found none'
    );
  });

  it('reads the legacy repository extension of older certificates', () => {
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      identity: { extensions: { legacyRepository: 'acme/app', legacyRef: 'refs/tags/v2.0.0' } }
    });
    expect(evaluatePolicy(e, policy()).sourceUri).toBe('https://github.com/acme/app');
  });

  it('matches sha512 artifacts', () => {
    const hex = 'f'.repeat(128);
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { subjects: [{ name: 'pkg', digest: { sha512: hex } }] }
    });
    expect(
      evaluatePolicy(
        e,
        policy({ artifacts: [{ label: `sha512:${hex}`, algorithm: 'sha512', hex }] })
      ).matchedSubjects[0]?.subject
    ).toBe('pkg');
  });

  it('matches a hashed file against a sha512-only subject through its alternate digest', () => {
    const hex = 'e'.repeat(128);
    const e = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { subjects: [{ name: 'pkg.tgz', digest: { sha512: hex } }] }
    });
    const artifact = {
      label: 'pkg.tgz',
      algorithm: 'sha256' as const,
      hex: '1'.repeat(64),
      alternates: [{ algorithm: 'sha512' as const, hex }]
    };
    expect(evaluatePolicy(e, policy({ artifacts: [artifact] })).matchedSubjects).toEqual([
      { artifact: 'pkg.tgz', subject: 'pkg.tgz', digest: `sha512:${hex}` }
    ]);
    expect(failure(e, policy({ artifacts: [{ ...artifact, alternates: [] }] }))).toBe(
      `artifact pkg.tgz: expected sha256:${'1'.repeat(64)} among the subjects, found pkg.tgz (no sha256)`
    );
  });

  // slsa-verifier common.go GetWorkflowInputs + GetAsString: workflow_dispatch only, string values only.
  it('matches workflow inputs only on a workflow_dispatch build and only as strings', () => {
    const dispatch = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { trigger: 'workflow_dispatch', workflowInputs: { dry: false, name: 'x' } }
    });
    expect(() => evaluatePolicy(dispatch, policy({ workflowInputs: { name: 'x' } }))).not.toThrow();
    expect(failure(dispatch, policy({ workflowInputs: { dry: 'false' } }))).toBe(
      'workflow input dry: expected a string value, found false'
    );
    const push = evidence(`${GENERIC}@refs/tags/v1.2.3`, {
      provenance: { workflowInputs: { name: 'x' } }
    });
    expect(failure(push, policy({ workflowInputs: { name: 'x' } }))).toBe(
      '--build-workflow-input: expected a build triggered by workflow_dispatch, found a build triggered by push'
    );
  });
});
