// The INDEX's slsa-verifier rows as verify-artifact runs. The regular rows (gha_<builder>/
// <version>/<artifact>) are parsed from the policy column and the file name; the rest are
// written out by hand below, one comment per row. Each case is run through the real CLI
// command; nothing here states a result other than what the INDEX says.
//
// Interpretation of "NEEDS ONLINE REKOR": those legacy DSSE files carry no transparency-log
// entry. A VALID verdict there means "valid only after an online Rekor search", which this
// verifier never does, so offline the expected outcome is REJECTION with the missing-tlog
// reason. INVALID legacy rows are likewise expected to be rejected for that reason (offline
// the actual attack — expired certificate, skipped upload — is indistinguishable).
import type { IndexRow } from './index-parser.js';

export type Expectation = { pass: true } | { pass: false; reason: RegExp };

export interface PolicyCase {
  label: string;
  /** verify-artifact argv without the artifact and --provenance-path. */
  flags: string[];
  expect: Expectation;
}

export interface RowPlan {
  /** Path of the provenance file, relative to the corpus. */
  provenance: string;
  /** The artifact: relative path of a stored file, or undefined to look it up by digest. */
  artifact?: string;
  /** Look the artifact up in ARTIFACTS.sha512 first (npm tarballs' subjects are sha512). */
  sha512?: boolean;
  cases: PolicyCase[];
}

export const MISSING_TLOG = /no transparency-log evidence/;
const NOT_TRUSTED =
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml';
const WRONG_SOURCE = 'github.com/laurentsimon/slsa-verifier-test-gen';
const PREFIX = 'slsa-verifier/cli/slsa-verifier/testdata/';
const GENERATOR_WORKFLOWS =
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/';
const INTERNAL = 'slsa-verifier/verifiers/internal/gha/testdata/';

/** Hand-written rows, keyed by local file. */
const HAND_WRITTEN: Record<string, RowPlan | string> = {
  // annotated tag, generic v1.2.2, legacy DSSE: offline must fail closed on the missing tlog.
  [`${PREFIX}annotated-tag.intoto.jsonl`]: {
    provenance: `${PREFIX}annotated-tag.intoto.jsonl`,
    artifact: `${PREFIX}annotated-tag`,
    cases: [
      {
        label: 'source + versioned-tag v1.5.0',
        flags: [
          '--source-uri',
          'github.com/asraa/slsa-on-github-test',
          '--source-versioned-tag',
          'v1.5.0'
        ],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // e2e builder at refs/heads/main, legacy: fail closed offline.
  [`${PREFIX}binary-linux-amd64-e2e-builder-repo.intoto.jsonl`]: {
    provenance: `${PREFIX}binary-linux-amd64-e2e-builder-repo.intoto.jsonl`,
    cases: [
      {
        label: 'branch main + builder-id',
        flags: [
          '--source-uri',
          'github.com/slsa-framework/example-package',
          '--source-branch',
          'main',
          '--builder-id',
          'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml'
        ],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // expired certificate (INVALID upstream via Rekor search): offline, no tlog → rejected.
  [`${PREFIX}binary-linux-amd64-expired-cert.intoto.jsonl`]: {
    provenance: `${PREFIX}binary-linux-amd64-expired-cert.intoto.jsonl`,
    cases: [
      {
        label: 'source example-package',
        flags: ['--source-uri', 'github.com/slsa-framework/example-package'],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // multi-subject, legacy: rejected offline (both artifacts named, as upstream does).
  [`${PREFIX}binary-linux-amd64-multi-subject-first.intoto.jsonl`]: {
    provenance: `${PREFIX}binary-linux-amd64-multi-subject-first.intoto.jsonl`,
    artifact: `${PREFIX}binary-linux-amd64-multi-subject-first`,
    cases: [
      {
        label: 'source example-package',
        flags: ['--source-uri', 'github.com/slsa-framework/example-package'],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // "as -first"
  [`${PREFIX}binary-linux-amd64-multi-subject-second.intoto.jsonl`]: {
    provenance: `${PREFIX}binary-linux-amd64-multi-subject-second.intoto.jsonl`,
    artifact: `${PREFIX}binary-linux-amd64-multi-subject-second`,
    cases: [
      {
        label: 'source example-package',
        flags: ['--source-uri', 'github.com/slsa-framework/example-package'],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // malicious builder skipped the Rekor upload: no tlog → rejected.
  [`${PREFIX}binary-linux-amd64-no-tlog-upload.intoto.jsonl`]: {
    provenance: `${PREFIX}binary-linux-amd64-no-tlog-upload.intoto.jsonl`,
    cases: [
      {
        label: 'source example-package',
        flags: ['--source-uri', 'github.com/slsa-framework/example-package'],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // fork builder (asraa/slsa-github-generator), legacy: rejected; offline the tlog check fires first.
  [`${PREFIX}binary-linux-amd64-untrusted-builder.intoto.jsonl`]: {
    provenance: `${PREFIX}binary-linux-amd64-untrusted-builder.intoto.jsonl`,
    cases: [
      {
        label: 'source example-package',
        flags: ['--source-uri', 'github.com/slsa-framework/example-package'],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // workflow inputs, legacy: rejected offline even with matching inputs.
  [`${PREFIX}workflow-inputs.intoto.jsonl`]: {
    provenance: `${PREFIX}workflow-inputs.intoto.jsonl`,
    artifact: `${PREFIX}workflow-inputs`,
    cases: [
      {
        label: 'matching inputs',
        flags: [
          '--source-uri',
          'github.com/laurentsimon/slsa-on-github-test',
          '--build-workflow-input',
          'release_version=(for example, 0.1.0)',
          '--build-workflow-input',
          'some_bool=true',
          '--build-workflow-input',
          'some_integer=123'
        ],
        expect: { pass: false, reason: MISSING_TLOG }
      }
    ]
  },
  // predicate claims publish-to-bcr, SAN is a malicious workflow: the claimed builder did not sign.
  [`${PREFIX}bcr/MODULE-wrong-signer.bazel.intoto.jsonl`]: {
    provenance: `${PREFIX}bcr/MODULE-wrong-signer.bazel.intoto.jsonl`,
    artifact: `${PREFIX}bcr/MODULE-wrong-signer.bazel`,
    cases: [
      {
        label: 'builder-id publish-to-bcr',
        flags: [
          '--source-uri',
          'github.com/aspect-build/rules_lint',
          '--builder-id',
          'https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml'
        ],
        expect: { pass: false, reason: /predicate builder id: expected the certificate identity/ }
      }
    ]
  },
  // publish-to-bcr reusable workflow as builder: VALID with --builder-id, untrusted without.
  [`${PREFIX}bcr/MODULE.bazel.intoto.jsonl`]: {
    provenance: `${PREFIX}bcr/MODULE.bazel.intoto.jsonl`,
    artifact: `${PREFIX}bcr/MODULE.bazel`,
    cases: [
      {
        label: 'builder-id publish-to-bcr',
        flags: [
          '--source-uri',
          'github.com/aspect-build/rules_lint',
          '--builder-id',
          'https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/publish.yaml'
        ],
        expect: { pass: true }
      },
      {
        label: 'no builder-id',
        flags: ['--source-uri', 'github.com/aspect-build/rules_lint'],
        expect: { pass: false, reason: /untrusted reusable workflow/ }
      }
    ]
  },
  // bazel-contrib release_ruleset reusable workflow; artifact not stored (digest from ARTIFACTS.sha256).
  [`${PREFIX}bcr/rules_lint-v1.3.1.tar.gz.intoto.jsonl`]: {
    provenance: `${PREFIX}bcr/rules_lint-v1.3.1.tar.gz.intoto.jsonl`,
    artifact: `${PREFIX}bcr/rules_lint-v1.3.1.tar.gz`,
    cases: [
      {
        label: 'builder-id release_ruleset',
        flags: [
          '--source-uri',
          'github.com/aspect-build/rules_lint',
          '--builder-id',
          'https://github.com/bazel-contrib/.github/.github/workflows/release_ruleset.yaml'
        ],
        expect: { pass: true }
      },
      {
        label: 'wrong source',
        flags: [
          '--source-uri',
          'github.com/aspect-build/rules_lintA',
          '--builder-id',
          'https://github.com/bazel-contrib/.github/.github/workflows/release_ruleset.yaml'
        ],
        expect: { pass: false, reason: /source repository: expected/ }
      }
    ]
  }
};

const INVALID_INTERNAL_REASONS: Record<string, RegExp> = {
  // Each of these unit-test fixtures must be rejected; the reason is the core's or the parser's.
  'npm-att-mismatch-prov-payloadtype': /DSSE payloadType: expected application\/vnd\.in-toto\+json/,
  'npm-att-mismatch-pub-payloadtype': /DSSE payloadType: expected application\/vnd\.in-toto\+json/,
  'npm-att-mismatch-prov-predicatetype': /predicateType|signature|attestation/i,
  'npm-att-mismatch-pub-predicatetype': /predicateType|signature|attestation/i,
  // These four edit the signed payload (a subject's digest removed, the subjects removed, a
  // digest reshaped). The core authenticates before it reads anything, so the rejection is
  // the edit itself: the payload no longer matches its Rekor entry (checked before the
  // signature) — not the content slsa-verifier reads first. Unauthenticated content is never
  // interpreted, so "subject without digest" cannot be the reason here.
  'npm-att-prov-invalid-signature': /DSSE payload hash mismatch|signature verification failed/,
  'npm-att-publish-invalid-signature': /DSSE payload hash mismatch|signature verification failed/,
  'npm-att-publish-nodigest': /DSSE payload hash mismatch|signature verification failed/,
  'npm-att-publish-nosubjects': /DSSE payload hash mismatch|signature verification failed/,
  // The edited statements no longer match their Rekor entries, so the tlog body check may fire first.
  'npm-stmt-mismatch-prov-predicatetype': /predicateType|signature|payload hash mismatch/i,
  'npm-stmt-mismatch-prov-type': /_type|signature|payload hash mismatch/i,
  'npm-stmt-mismatch-pub-predicatetype': /predicateType|signature|key|payload hash mismatch/i,
  'npm-stmt-mismatch-pub-type': /_type|signature|key|payload hash mismatch/i,
  'bundle/invalid-dsse-sig': /signature|SET|tlog|log/i,
  'bundle/invalid-set': /SET|tlog|log|signature/i,
  'bundle/mismatch-tlog': /tlog|log|signature|mismatch/i
};

const PROVENANCE_SUFFIXES = [
  '.intoto.build.slsa',
  '.build.slsa',
  '.intoto.jsonl',
  '.intoto.sigstore'
];

export function planSlsaVerifierRow(row: IndexRow): RowPlan | string {
  const hand = HAND_WRITTEN[row.localFile];
  if (hand !== undefined) return hand;
  if (row.localFile.includes('/gha_generic_container/'))
    return 'OCI image layout: run by the verify-image cases (loopback registry) below';
  if (row.localFile.startsWith(`${PREFIX}npm/`)) return planNpm(row);
  if (row.localFile.startsWith(INTERNAL)) return planInternal(row);
  if (/\/gha_[a-z-]+\/v[\d.]+\//.test(row.localFile)) return planBuilderMatrixRow(row);
  return `no policy case for ${row.localFile}`;
}

function planNpm(row: IndexRow): RowPlan | string {
  const source =
    /source (github\.com\/\S+?);/.exec(row.policy)?.[1] ?? 'github.com/sigstore/sigstore-js';
  if (row.verdict.startsWith('INVALID'))
    // A tampered DSSE signature or payload is caught by the signature or the tlog body check.
    return {
      provenance: row.localFile,
      cases: [
        {
          label: 'tampered signature',
          flags: ['--source-uri', source],
          expect: { pass: false, reason: /signature|payload hash mismatch/i }
        }
      ]
    };
  return planNpmPackage(row, source);
}

/**
 * npm provenance, as slsa-verifier's verify-npm-package reads it (verifiers/internal/gha/
 * verifier.go verifyNpmEnvAndCert, npm.go verifyPackageName/Version): the package name and
 * version from the INDEX's policy column, checked against the provenance subject and npm's
 * publish attestation. npm CLI provenance names the runner as its builder: it is Build L2,
 * so the signer is named too — the package's own repository (--signer-repo, as gh does).
 */
function planNpmPackage(row: IndexRow, source: string): RowPlan | string {
  const pkg = /package (\S+?)@(\d[^\s;]*);/.exec(row.policy);
  if (pkg === null) return `npm row without a package in its policy column: ${row.localFile}`;
  const [, name = '', version = ''] = pkg;
  const repository = source.slice('github.com/'.length);
  const nodeBuilder =
    /builder-id (https:\/\/github\.com\/slsa-framework\/\S+builder_nodejs_slsa3\.yml)/.exec(
      row.policy
    )?.[1];
  const base = [
    '--source-uri',
    source,
    '--package-name',
    name,
    '--package-version',
    version,
    ...(nodeBuilder ? ['--builder-id', nodeBuilder] : ['--signer-repo', repository])
  ];
  const bumped = version.replace(/(\d+)$/, (n) => String(Number(n) + 1));
  return {
    provenance: row.localFile,
    artifact: row.localFile.replace(/\.json$/, ''),
    sha512: true,
    cases: [
      { label: `package ${name}@${version}`, flags: base, expect: { pass: true } },
      {
        label: `version ${bumped} (MismatchPackageVersion)`,
        flags: base.map((f) => (f === version ? bumped : f)),
        expect: { pass: false, reason: /package version: expected/ }
      },
      {
        label: `name ${name}2 (MismatchPackageName)`,
        flags: base.map((f) => (f === name ? `${name}2` : f)),
        expect: { pass: false, reason: /package name: expected/ }
      },
      {
        label: 'source with a trailing S (MismatchSource)',
        flags: base.map((f) => (f === source ? `${source}S` : f)),
        expect: { pass: false, reason: /source repository: expected/ }
      },
      ...(nodeBuilder
        ? [
            {
              label: 'no builder-id (InvalidBuilderID)',
              flags: base.slice(0, -2),
              expect: {
                pass: false,
                reason: /--builder-id: expected the builder of this npm package/
              }
            },
            {
              label: 'builder_nodejs_slsa.yml (MismatchBuilderID)',
              flags: [...base.slice(0, -1), nodeBuilder.replace('_slsa3.yml', '_slsa.yml')],
              expect: { pass: false, reason: /^FAILED: builder: expected/ }
            }
          ]
        : [
            {
              label: 'builder-id github-hosted2 (NotSupported)',
              flags: [...base, '--builder-id', 'https://github.com/actions/runner/github-hosted2'],
              expect: { pass: false, reason: /^FAILED: builder: expected/ }
            },
            ...(/\(v0\.2 short name OK\)|or \.\.\.\/actions\/runner|or https:\/\/github\.com\/actions\/runner[ ;(]/.test(
              row.policy
            )
              ? [
                  {
                    label: 'builder-id https://github.com/actions/runner (v0.2 short name)',
                    flags: [...base, '--builder-id', 'https://github.com/actions/runner'],
                    expect: { pass: true } as const
                  }
                ]
              : /short (runner )?name .*InvalidBuilderID/.test(row.policy)
                ? [
                    {
                      label:
                        'builder-id https://github.com/actions/runner (InvalidBuilderID for v1)',
                      flags: [...base, '--builder-id', 'https://github.com/actions/runner'],
                      expect: { pass: false, reason: /^FAILED: builder: expected .*SLSA v1/ }
                    }
                  ]
                : []),
            {
              label: 'no signer named (Build L2 needs one)',
              flags: base.slice(0, -2),
              expect: { pass: false, reason: /^FAILED: signer: expected --signer-workflow/ }
            }
          ])
    ]
  };
}

/**
 * slsa-verifier's internal unit-test fixtures whose verdict is VALID: they carry no source or
 * builder policy (the INDEX says "crypto only" / "unit test"), so they are checked by the
 * cryptographic core alone — every envelope in the file must verify.
 */
export function isCryptoOnlyRow(row: IndexRow): boolean {
  return row.localFile.startsWith(INTERNAL) && row.verdict.startsWith('VALID');
}

function planInternal(row: IndexRow): RowPlan | string {
  const key = row.localFile.slice(INTERNAL.length).replace(/\.intoto\.sigstore$/, '');
  const reason = INVALID_INTERNAL_REASONS[key];
  if (!row.verdict.startsWith('INVALID') || reason === undefined)
    return 'crypto-only unit-test fixture without a SLSA builder policy';
  return {
    provenance: row.localFile,
    cases: [
      {
        label: 'any policy',
        flags: ['--source-uri', 'github.com/slsa-framework/example-package'],
        expect: { pass: false, reason }
      }
    ]
  };
}

/** gha_<builder>/<version>/<artifact>.<ext>: policy column + file name → positive and negative cases. */
function planBuilderMatrixRow(row: IndexRow): RowPlan | string {
  const source = /source-uri (\S+?);/.exec(row.policy)?.[1];
  const builderId = /builder-id (https:\/\/[^\s[(;]+)/.exec(row.policy)?.[1];
  if (source === undefined || builderId === undefined)
    return `policy column not parsable: ${row.policy.slice(0, 80)}`;
  const suffix = PROVENANCE_SUFFIXES.find((s) => row.localFile.endsWith(s));
  if (suffix === undefined) return `unknown provenance suffix: ${row.localFile}`;
  const artifact = row.localFile.slice(0, -suffix.length);
  const byob = row.verdict.includes('(BYOB)');
  const name = artifact.slice(artifact.lastIndexOf('/') + 1);
  const tag = /-(v\d+(?:\.\d+)*)$/.exec(name)?.[1];
  const branch = name.endsWith('workflow_dispatch') ? 'main' : undefined;
  const base = ['--source-uri', source, ...(byob ? ['--builder-id', builderId] : [])];
  // Read from the INDEX's own "what" column (the certificate): the gha_delegator v1.9.0
  // fixtures were signed by the delegator at refs/heads/main (its policy column's
  // "@refs/tags/v1.9.0" is not what the certificate says). slsa-verifier accepts a builder at
  // refs/heads/main only with SLSA_VERIFIER_TESTING set (verifyTrustedBuilderRef) — its
  // regression tests run that way, hence the INDEX's VALID. Its production verdict, with the
  // builder named explicitly, is ErrorInvalidRef, and that is the verdict matched here: the
  // builder is named with --builder-id and the delegator's ref must be a release tag.
  const signer = /SAN=(\S+?);/.exec(row.what)?.[1] ?? '';
  if (!row.what.includes('NEEDS ONLINE REKOR') && /@refs\/heads\//.test(signer)) {
    return {
      provenance: row.localFile,
      artifact,
      cases: [
        {
          label: 'row policy + builder-id (delegator at a branch: production verdict InvalidRef)',
          flags: base,
          expect: {
            pass: false,
            reason: /ref: expected a release tag refs\/tags\/vX\.Y\.Z, found refs\/heads\//
          }
        }
      ]
    };
  }
  if (row.what.includes('NEEDS ONLINE REKOR')) {
    return {
      provenance: row.localFile,
      artifact,
      cases: [
        {
          label: 'row policy (legacy, offline)',
          flags: base,
          expect: { pass: false, reason: MISSING_TLOG }
        }
      ]
    };
  }
  const cases: PolicyCase[] = [
    { label: 'row policy', flags: base, expect: { pass: true } },
    {
      label: 'row policy + builder-id',
      flags: ['--source-uri', source, '--builder-id', builderId],
      expect: { pass: true }
    },
    // Common negative policies (INDEX): wrong source, look-alike source, untrusted builder.
    {
      label: 'wrong source',
      flags: ['--source-uri', WRONG_SOURCE, ...base.slice(2)],
      expect: { pass: false, reason: /source repository: expected/ }
    },
    {
      label: 'look-alike source',
      flags: ['--source-uri', `${source}A`, ...base.slice(2)],
      expect: { pass: false, reason: /source repository: expected/ }
    },
    {
      label: 'builder not-trusted.yml',
      flags: ['--source-uri', source, '--builder-id', NOT_TRUSTED],
      expect: { pass: false, reason: /builder: expected/ }
    }
  ];
  // slsa-verifier verifiers/internal/gha/provenance.go VerifyProvenance: without --builder-id a
  // BYOB builder is trusted when its path is under slsa-framework/slsa-github-generator/
  // .github/workflows/ (Maven, Gradle); any other TRW (example-trw) must be named.
  if (byob)
    cases.push(
      builderId.startsWith(GENERATOR_WORKFLOWS)
        ? {
            label: 'BYOB without builder-id (slsa-github-generator TRW)',
            flags: ['--source-uri', source],
            expect: { pass: true }
          }
        : {
            label: 'BYOB without builder-id (TRW outside slsa-github-generator)',
            flags: ['--source-uri', source],
            expect: { pass: false, reason: /--builder-id: expected/ }
          }
    );
  if (tag !== undefined) cases.push(...tagCases(base, tag));
  if (branch !== undefined) {
    cases.push(
      {
        label: `branch ${branch}`,
        flags: [...base, '--source-branch', branch],
        expect: { pass: true }
      },
      {
        label: 'branch master',
        flags: [...base, '--source-branch', 'master'],
        expect: { pass: false, reason: /source branch: expected refs\/heads\/master/ }
      },
      {
        label: 'tag v1.2.3 on a branch build',
        flags: [...base, '--source-tag', 'v1.2.3'],
        expect: { pass: false, reason: /source tag: expected/ }
      },
      {
        label: 'versioned v1 on a branch build',
        flags: [...base, '--source-versioned-tag', 'v1'],
        expect: { pass: false, reason: /source versioned tag: expected/ }
      }
    );
  }
  return { provenance: row.localFile, artifact, cases };
}

function tagCases(base: string[], tag: string): PolicyCase[] {
  const parts = tag.slice(1).split('.').map(Number);
  const major = parts[0] ?? 0;
  const cases: PolicyCase[] = [
    { label: `tag ${tag}`, flags: [...base, '--source-tag', tag], expect: { pass: true } },
    {
      label: `versioned v${major}`,
      flags: [...base, '--source-versioned-tag', `v${major}`],
      expect: { pass: true }
    },
    {
      label: `versioned ${tag}`,
      flags: [...base, '--source-versioned-tag', tag],
      expect: { pass: true }
    },
    {
      label: `versioned v${major + 1}`,
      flags: [...base, '--source-versioned-tag', `v${major + 1}`],
      expect: { pass: false, reason: /source versioned tag: expected/ }
    },
    {
      label: `versioned v${major}.${(parts[1] ?? 0) + 1}`,
      flags: [...base, '--source-versioned-tag', `v${major}.${(parts[1] ?? 0) + 1}`],
      expect: { pass: false, reason: /source versioned tag: expected/ }
    },
    // slsa-verifier slsaprovenance/common/common.go GetBranch → getBranchForTag: a tag build's
    // branch is the push event's base_ref; these e2e tags were pushed from main (the INDEX's
    // "branch main → FAIL" on tag builds contradicts that code).
    {
      label: 'branch main on a tag build (push payload base_ref)',
      flags: [...base, '--source-branch', 'main'],
      expect: { pass: true }
    },
    {
      label: 'branch master on a tag build',
      flags: [...base, '--source-branch', 'master'],
      expect: {
        pass: false,
        reason:
          /source branch: expected refs\/heads\/master, found refs\/heads\/main \(the branch of tag/
      }
    }
  ];
  if (parts.length < 3)
    cases.push({
      label: `exact tag ${tag}.0`,
      flags: [...base, '--source-tag', `${tag}.0`],
      expect: { pass: false, reason: /source tag: expected/ }
    });
  return cases;
}
