// Verifier-side threats that had no test of their own (docs/THREAT_MODEL.md): replay of old
// provenance, look-alike repository names, ref/branch confusion, extra signatures and
// digest-algorithm downgrade. Policy checks run on evidence as the core hands it over; the
// signature checks run on a real public-good bundle (slsa-github-generator v2.1.0).
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  BUILDER_WORKFLOW_PATHS,
  GITHUB_OIDC_ISSUER,
  PROJECT_REPOSITORY
} from '../../src/identity.js';
import { BUILD_TYPE_WORKFLOW_V1 } from '../../src/types.js';
import { resolveArtifact } from '../../src/verify/cli/artifact-digest.js';
import { checkArtifactInSubjects, verifyProvenanceFile } from '../../src/verify/core/index.js';
import type { VerifiedEnvelope } from '../../src/verify/core/types.js';
import { evaluatePolicy } from '../../src/verify/policy/evaluate.js';
import type { PolicyEvidence, VerifyPolicy } from '../../src/verify/policy/types.js';
import type { ProvenanceView } from '../../src/verify/provenance/index.js';
import { parseSubjects } from '../../src/verify/provenance/subjects.js';
import { fixture, publicGoodTrust, rejection } from '../verify-core/fixtures.js';

const BUILDER = `https://github.com/${PROJECT_REPOSITORY}/${BUILDER_WORKFLOW_PATHS[0]}@refs/tags/v1.0.0`;
const OLD_ARTIFACT = Buffer.from('app 1.0.0 (has CVE-2026-0001)\n');
const NEW_ARTIFACT = Buffer.from('app 1.1.0 (fixed)\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Evidence for provenance of OLD_ARTIFACT built from github.com/octo/app at `ref`. */
function evidence(
  ref = 'refs/tags/v1.0.0',
  source = 'https://github.com/octo/app',
  provenance: Partial<ProvenanceView> = {}
): PolicyEvidence {
  return {
    identity: {
      subjectAlternativeName: BUILDER,
      issuer: GITHUB_OIDC_ISSUER,
      extensions: { sourceRepositoryURI: source, sourceRepositoryRef: ref, buildSignerURI: BUILDER }
    },
    provenance: {
      statementType: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      predicateVersion: 'v1',
      buildType: BUILD_TYPE_WORKFLOW_V1,
      buildTypeFamily: 'github-workflow',
      builderId: BUILDER,
      sourceRepositoryUri: source,
      sourceRef: ref,
      sourceDigest: { gitCommit: 'c'.repeat(40) },
      trigger: 'push',
      workflowInputs: {},
      subjects: [{ name: 'app', digest: { sha256: sha256(OLD_ARTIFACT) } }],
      ...provenance
    }
  };
}

function policy(overrides: Partial<VerifyPolicy> = {}): VerifyPolicy {
  return {
    sourceUri: 'github.com/octo/app',
    sourceRef: { kind: 'any' },
    workflowInputs: {},
    artifacts: [{ label: 'app', algorithm: 'sha256', hex: sha256(OLD_ARTIFACT) }],
    ...overrides
  };
}

function failure(e: PolicyEvidence, p: VerifyPolicy): { code: string; message: string } {
  try {
    evaluatePolicy(e, p);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('policy passed but was expected to fail');
}

describe('replay of old provenance', () => {
  it('refuses genuine v1.0.0 provenance and artifact when the user asks for tag v1.1.0', () => {
    expect(evaluatePolicy(evidence(), policy()).sourceRef).toBe('refs/tags/v1.0.0'); // genuine
    const f = failure(evidence(), policy({ sourceRef: { kind: 'tag', tag: 'v1.1.0' } }));
    expect(f.message).toBe('source tag: expected refs/tags/v1.1.0, found refs/tags/v1.0.0');
  });

  it('refuses v1.0.0 provenance for a v1.1 version requirement', () => {
    const f = failure(
      evidence(),
      policy({ sourceRef: { kind: 'versioned-tag', version: 'v1.1' } })
    );
    expect(f.message).toMatch(
      /^source versioned tag: expected a tag matching v1\.1, found refs\/tags\/v1\.0\.0/
    );
  });

  it('refuses old provenance replayed next to a new artifact: the digest is bound', () => {
    const f = failure(
      evidence(),
      policy({ artifacts: [{ label: 'app', algorithm: 'sha256', hex: sha256(NEW_ARTIFACT) }] })
    );
    expect(f.message).toMatch(
      /^artifact app: expected sha256:[0-9a-f]{64} among the subjects, found app /
    );
  });
});

describe('look-alike repository names', () => {
  it.each([
    ['a longer name', 'https://github.com/octo/app-evil'],
    ['a trailing hyphen owner', 'https://github.com/octo-/app'],
    ['a prefix of the name', 'https://github.com/octo/ap'],
    ['another owner, same name', 'https://github.com/0cto/app'],
    ['another host', 'https://github.com.evil.example/octo/app'],
    ['different case', 'https://github.com/Octo/App']
  ])('refuses a certificate for %s (%s)', (_what, source) => {
    const f = failure(evidence('refs/tags/v1.0.0', source), policy());
    expect(f.code).toBe('VERIFY_FAILED');
    expect(f.message).toBe(
      `source repository: expected github.com/octo/app, found ${source.slice('https://'.length).replace(/^([^/]+)/, (h) => h.toLowerCase())}`
    );
  });

  it.each([
    ['Cyrillic о in the owner', 'https://github.com/\u043ecto/app'],
    ['fullwidth solidus', 'https://github.com/octo\uff0fapp'],
    ['a zero-width joiner', 'https://github.com/octo/a\u200dpp']
  ])('refuses a certificate naming a Unicode confusable (%s) as malformed', (_what, source) => {
    const f = failure(evidence('refs/tags/v1.0.0', source), policy());
    expect(f.code).toBe('INPUT_INVALID');
    expect(f.message).toMatch(
      /^certificate source repository: expected a repository like github\.com\/OWNER\/REPO/
    );
  });

  it.each([
    'github.com/octo/app.git',
    'github.com/octo/app/',
    'github.com/octo/app?ref=x',
    'github.com/\u043ecto/app'
  ])('refuses --source-uri %j instead of trimming it to a match', (sourceUri) => {
    const f = failure(evidence(), policy({ sourceUri }));
    expect(f.code).toBe('INPUT_INVALID');
    expect(f.message).toMatch(/^--source-uri: expected a repository like/);
  });

  it('refuses a look-alike of our builder repository', () => {
    const evil = `https://github.com/${PROJECT_REPOSITORY}-evil/${BUILDER_WORKFLOW_PATHS[0]}@refs/tags/v1.0.0`;
    const e = evidence();
    e.identity = { ...e.identity, subjectAlternativeName: evil };
    e.provenance = { ...e.provenance, builderId: evil };
    expect(failure(e, policy()).message).toMatch(
      /^builder: expected one of the trusted builders .*\(untrusted reusable workflow\)$/
    );
  });
});

describe('ref / branch confusion', () => {
  it('refuses a branch named like the tag the user asked for', () => {
    const f = failure(
      evidence('refs/heads/v1.0.0'),
      policy({ sourceRef: { kind: 'tag', tag: 'v1.0.0' } })
    );
    expect(f.message).toBe('source tag: expected refs/tags/v1.0.0, found refs/heads/v1.0.0');
  });

  it('refuses a tag named like the branch the user asked for', () => {
    const f = failure(
      evidence('refs/tags/main'),
      policy({ sourceRef: { kind: 'branch', branch: 'main' } })
    );
    // A tag build's branch is the one its event names (slsa-verifier common.go getBranchForTag);
    // this predicate names none, so the tag is never taken for the branch.
    expect(f.message).toBe(
      'source branch: expected refs/heads/main, found a build of tag refs/tags/main, and the provenance does not say which branch'
    );
  });

  it('refuses a predicate ref that differs from the ref the token (certificate) carried', () => {
    const e = evidence('refs/heads/feature', 'https://github.com/octo/app', {
      sourceRef: 'refs/tags/v1.0.0'
    });
    const f = failure(e, policy({ sourceRef: { kind: 'tag', tag: 'v1.0.0' } }));
    expect(f.message).toBe(
      'predicate source ref: expected refs/heads/feature (from the certificate), found refs/tags/v1.0.0'
    );
  });
});

type BundleJSON = { dsseEnvelope: { signatures: { sig: string; keyid?: string }[] } };

function genericBundle(): BundleJSON {
  return JSON.parse(fixture('generic-v2.1.0.intoto.jsonl').toString('utf8')) as BundleJSON;
}

const verifyBundle = (bundle: unknown) =>
  verifyProvenanceFile(Buffer.from(JSON.stringify(bundle)), { trustMaterial: publicGoodTrust() });

describe('extra signatures', () => {
  it('accepts the genuine single-signature bundle (baseline)', async () => {
    await expect(verifyBundle(genericBundle())).resolves.toMatchObject({
      verified: [{ format: 'bundle-v0.3' }]
    });
  });

  it.each([
    ['a second copy of the genuine signature', (sig: string) => sig],
    ['a second, foreign signature', () => Buffer.alloc(71, 7).toString('base64')]
  ])('rejects a DSSE envelope with %s', async (_what, second) => {
    const bundle = genericBundle();
    const first = bundle.dsseEnvelope.signatures[0]!;
    bundle.dsseEnvelope.signatures.push({ ...first, sig: second(first.sig) });
    const err = await rejection(() => verifyBundle(bundle));
    expect(err.code).toBe('FORMAT_INVALID');
    expect(err.message).toMatch(/a DSSE envelope must carry exactly one signature, found 2$/);
  });
});

describe('digest-algorithm downgrade', () => {
  // Rule: only sha256, sha384 and sha512 subject digests are ever compared; a digest given as
  // text is compared only with a subject digest of the same algorithm; a file is hashed with
  // the strong algorithms itself. Weak or unknown algorithms in a subject are ignored, so a
  // subject that has only those can never match.
  const envelope = (digest: Record<string, string>) =>
    ({ statement: { subject: [{ name: 'app', digest }] } }) as unknown as VerifiedEnvelope;
  const bytes = { kind: 'bytes', bytes: OLD_ARTIFACT } as const;
  const hex = (algorithm: string) => createHash(algorithm).update(OLD_ARTIFACT).digest('hex');

  it.each(['sha1', 'md5'])(
    'never matches a subject whose only digest is %s, even when it is right',
    (algorithm) => {
      expect(() =>
        checkArtifactInSubjects(envelope({ [algorithm]: hex(algorithm) }), bytes, 'test')
      ).toThrow(/is not among the 1 subject\(s\) of the signed statement/);
    }
  );

  it('still matches the same artifact by its sha256 (baseline)', () => {
    expect(() =>
      checkArtifactInSubjects(envelope({ sha1: hex('sha1'), sha256: hex('sha256') }), bytes, 'test')
    ).not.toThrow();
  });

  it('ignores weak digests in a subject and matches the file only by sha256/sha512', () => {
    const [subject] = parseSubjects([
      { name: 'app', digest: { sha1: hex('sha1'), md5: hex('md5') } }
    ]);
    expect(subject!.digest).toEqual({});
    const f = failure(evidence(undefined, undefined, { subjects: [subject!] }), policy());
    expect(f.message).toMatch(/^artifact app: expected sha256:/);
  });

  it('does not match sha256:HEX against a sha512-only subject, but a hashed file matches it', async () => {
    const sha512Only = { subjects: [{ name: 'app', digest: { sha512: hex('sha512') } }] };
    const given = await resolveArtifact(`sha256:${hex('sha256')}`);
    expect(
      failure(evidence(undefined, undefined, sha512Only), policy({ artifacts: [given] })).message
    ).toMatch(
      /^artifact sha256:[0-9a-f]{64}: expected sha256:[0-9a-f]{64} among the subjects, found app \(no sha256\)$/
    );
    const file = {
      label: 'app',
      algorithm: 'sha256' as const,
      hex: hex('sha256'),
      alternates: [{ algorithm: 'sha512' as const, hex: hex('sha512') }]
    };
    expect(
      evaluatePolicy(evidence(undefined, undefined, sha512Only), policy({ artifacts: [file] }))
        .matchedSubjects
    ).toEqual([{ artifact: 'app', subject: 'app', digest: `sha512:${hex('sha512')}` }]);
  });

  it.each(['sha1', 'md5', 'sha224'])(
    'refuses an artifact digest given as %s:HEX',
    async (algorithm) => {
      await expect(resolveArtifact(`${algorithm}:${hex(algorithm)}`)).rejects.toThrow();
    }
  );
});
