// The INDEX rows whose policy is a signer identity (email or workflow SAN + OIDC issuer)
// rather than a SLSA builder: gh-cli, sigstore-go, sigstore-python and sigstore-js. Each is
// run through the real `verify-bundle` command. Hand-written from the INDEX, one comment per
// row; artifacts are the stored files, or digests from ARTIFACTS.sha256/.sha512, the INDEX
// text, or the statement file the INDEX names.
export interface IdentityCase {
  file: string;
  /** Path relative to the corpus, or `sha256:`/`sha512:` digest. */
  artifact: string;
  identity?: { san: string; issuer: string };
  key?: string;
  /** Trusted root relative to the corpus; default: the embedded public-good root. */
  root?: string;
  /** The file is JSON Lines: every line is a bundle, verified on its own; all must pass. */
  jsonLines?: boolean;
  /** A CertificateAuthority JSON (tsa/ca.json) added to `root`'s timestampAuthorities. */
  extraTimestampAuthority?: string;
  /** Look the stored-elsewhere artifact up in ARTIFACTS.sha512 (its subject is sha512). */
  sha512?: boolean;
  expect: { pass: true } | { pass: false; reason: RegExp };
}

const GH = 'gh-cli/pkg/cmd/attestation/test/data/';
const PY = 'sigstore-python/test/assets/';
const GO = 'sigstore-go/';
const JS = 'sigstore-js/tests/bundles/';
const STAGING =
  'sigstore-python/sigstore/_store/https%3A%2F%2Ftuf-repo-cdn.sigstage.dev/trusted_root.json';
const GITHUB = 'https://token.actions.githubusercontent.com';
const OAUTH_GITHUB = 'https://github.com/login/oauth';
const SIGSTORE_JS_RELEASE = {
  san: 'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
  issuer: GITHUB
};
const BRIAN = { san: 'brian@dehamer.com', issuer: OAUTH_GITHUB };
const WILLIAM = { san: 'william@yossarian.net', issuer: OAUTH_GITHUB };
// tests/bundles/statement.json's subject (the npm publish statement every sigstore-js bundle signs).
const SIGSTORE_JS_STATEMENT_SUBJECT =
  'sha512:7bea9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36';

export const IDENTITY_CASES: Record<string, IdentityCase | string> = {
  // GHE custom issuer …/hammer-time, workflow SAN too-legit/attest integration.yml@main.
  [`${GH}custom-issuer.sigstore.json`]: {
    file: `${GH}custom-issuer.sigstore.json`,
    artifact: `${GH}custom-issuer-artifact`,
    identity: {
      san: 'https://github.com/too-legit/attest/.github/workflows/integration.yml@refs/heads/main',
      issuer: `${GITHUB}/hammer-time`
    },
    expect: { pass: true }
  },
  // no certificate: rejected at parse level.
  [`${GH}github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl`]: {
    file: `${GH}github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl`,
    artifact: `${GH}github_provenance_demo-0.0.12-py3-none-any.whl`,
    identity: {
      san: 'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      issuer: GITHUB
    },
    expect: { pass: false, reason: /certificate|verification ?material|malformed|invalid/i }
  },
  // no verificationMaterial: rejected at parse level.
  [`${GH}github_provenance_demo-0.0.12-py3-none-any-bundle-missing-verification-material.jsonl`]: {
    file: `${GH}github_provenance_demo-0.0.12-py3-none-any-bundle-missing-verification-material.jsonl`,
    artifact: `${GH}github_provenance_demo-0.0.12-py3-none-any.whl`,
    identity: {
      san: 'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      issuer: GITHUB
    },
    expect: { pass: false, reason: /verification ?material|malformed|invalid/i }
  },
  // GitHub's private Sigstore instance: INVALID against the public-good root (GitHub's root is not in the corpus).
  [`${GH}github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl`]: {
    file: `${GH}github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl`,
    artifact: `${GH}github_provenance_demo-0.0.12-py3-none-any.whl`,
    identity: {
      san: 'https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main',
      issuer: GITHUB
    },
    expect: { pass: false, reason: /certificate|chain|trusted|CA|timestamp/i }
  },
  // reusable workflow github/artifact-attestations-workflows attest.yml@<sha> is the signer.
  [`${GH}reusable-workflow-attestation.sigstore.json`]: {
    file: `${GH}reusable-workflow-attestation.sigstore.json`,
    artifact: `${GH}reusable-workflow-artifact`,
    identity: {
      san: 'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d',
      issuer: GITHUB
    },
    expect: { pass: true }
  },
  // sigstore-js 2.1.0 provenance, bundle v0.1 encoding (artifact tgz by sha512 from ARTIFACTS.sha512).
  [`${GH}sigstore-js-2.1.0-bundle-v0.1.json`]: {
    file: `${GH}sigstore-js-2.1.0-bundle-v0.1.json`,
    artifact: `${GH}sigstore-js-2.1.0.tgz`,
    sha512: true,
    identity: SIGSTORE_JS_RELEASE,
    expect: { pass: true }
  },
  // same statement, current bundle encoding.
  [`${GH}sigstore-js-2.1.0-bundle.json`]: {
    file: `${GH}sigstore-js-2.1.0-bundle.json`,
    artifact: `${GH}sigstore-js-2.1.0.tgz`,
    sha512: true,
    identity: SIGSTORE_JS_RELEASE,
    expect: { pass: true }
  },
  // JSON Lines with two bundles, "as sigstore-js-2.1.0-bundle.json": each line is run through
  // verify-bundle on its own, and every one must pass.
  [`${GH}sigstore-js-2.1.0_with_2_bundles.jsonl`]: {
    file: `${GH}sigstore-js-2.1.0_with_2_bundles.jsonl`,
    artifact: `${GH}sigstore-js-2.1.0.tgz`,
    sha512: true,
    identity: SIGSTORE_JS_RELEASE,
    jsonLines: true,
    expect: { pass: true }
  },
  // sigstore@2.2.0 npm provenance; tgz not stored, the INDEX's sha512 7dc53d72… is the subject.
  [`${GH}sigstore.js-2.2.0.bundle.json`]: {
    file: `${GH}sigstore.js-2.2.0.bundle.json`,
    artifact: 'subject',
    identity: SIGSTORE_JS_RELEASE,
    expect: { pass: true }
  },
  // same provenance re-encoded as bundle v0.3.
  [`${GH}sigstore.js-3.0.0.bundle.json`]: {
    file: `${GH}sigstore.js-3.0.0.bundle.json`,
    artifact: 'subject',
    identity: SIGSTORE_JS_RELEASE,
    expect: { pass: true }
  },
  // envelope signature differs from the one in the tlog entry.
  [`${GH}sigstoreBundle-invalid-mismatched-signatures.json`]: {
    file: `${GH}sigstoreBundle-invalid-mismatched-signatures.json`,
    artifact: 'subject',
    identity: BRIAN,
    expect: { pass: false, reason: /signature|tlog|TLOG/i }
  },
  // DSSE signature does not verify.
  [`${GH}sigstoreBundle-invalid-signature.json`]: {
    file: `${GH}sigstoreBundle-invalid-signature.json`,
    artifact: 'subject',
    identity: BRIAN,
    expect: { pass: false, reason: /signature/i }
  },
  // npm provenance for sigstore-js; the INDEX gives the sha512 artifact digest.
  [`${GO}examples/bundle-provenance.json`]: {
    file: `${GO}examples/bundle-provenance.json`,
    artifact:
      'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751',
    identity: SIGSTORE_JS_RELEASE,
    expect: { pass: true }
  },
  // npm publish attestation signed with npm's registry key (examples/publish_key.pub).
  [`${GO}examples/bundle-publish.json`]: {
    file: `${GO}examples/bundle-publish.json`,
    artifact:
      'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751',
    key: `${GO}examples/publish_key.pub`,
    expect: { pass: true }
  },
  // two DSSE signatures: exactly one is required.
  [`${GO}pkg/testing/data/bundles/dsse-2sigs.sigstore.json`]: {
    file: `${GO}pkg/testing/data/bundles/dsse-2sigs.sigstore.json`,
    artifact: 'subject',
    identity: BRIAN,
    expect: { pass: false, reason: /signature/i }
  },
  // SLSA v0.2 npm provenance, brian@dehamer.com.
  [`${GO}pkg/testing/data/bundles/dsse.sigstore.json`]: {
    file: `${GO}pkg/testing/data/bundles/dsse.sigstore.json`,
    artifact: 'subject',
    identity: BRIAN,
    expect: { pass: true }
  },
  // Private scaffolding instance, otherName SAN foo!oidc.local (now matched by verify-bundle).
  // VALID for sigstore-go only: its checkpoint is signed under the note name
  // "rekor-00001-deployment-…", which is not part of the log's base URL in scaffolding.json;
  // @sigstore/verify 4.1.3 binds a checkpoint signer to its log that way and rejects it
  // ("invalid checkpoint signature"). Not loosened here.
  [`${GO}pkg/testing/data/bundles/othername.sigstore.json`]:
    'client-specific verdict (sigstore-go): checkpoint signer name is not the log URL @sigstore/verify requires',
  // SLSA v1 npm provenance sigstore@2.0.0; the INDEX gives the sha512 subject.
  [`${GO}pkg/testing/data/bundles/sigstore.js@2.0.0-provenance.sigstore.json`]: {
    file: `${GO}pkg/testing/data/bundles/sigstore.js@2.0.0-provenance.sigstore.json`,
    artifact:
      'sha512:46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2ac67d50540fe34640966eee9fc2ccca387082b4c85cd3c',
    identity: SIGSTORE_JS_RELEASE,
    expect: { pass: true }
  },
  // staging Rekor v2 (hashedrekord over the DSSE PAE) + TSA, the conformance beacon identity;
  // the INDEX names no artifact (a.dsse.staging-rekor-v2.txt is not the subject): the statement's own subject.
  [`${PY}a.dsse.staging-rekor-v2.txt.sigstore.json`]: {
    file: `${PY}a.dsse.staging-rekor-v2.txt.sigstore.json`,
    artifact: 'subject',
    identity: {
      san: 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main',
      issuer: GITHUB
    },
    root: STAGING,
    expect: { pass: true }
  },
  // staging root, a@tny.town.
  [`${PY}bundle.txt.sigstore`]: {
    file: `${PY}bundle.txt.sigstore`,
    artifact: `${PY}bundle.txt`,
    identity: { san: 'a@tny.town', issuer: OAUTH_GITHUB },
    root: STAGING,
    expect: { pass: true }
  },
  // CVE-2022-36056: tlog entry inconsistent with the other materials.
  [`${PY}bundle_cve_2022_36056.txt.sigstore`]: {
    file: `${PY}bundle_cve_2022_36056.txt.sigstore`,
    artifact: `${PY}bundle_cve_2022_36056.txt`,
    identity: WILLIAM,
    root: STAGING,
    expect: { pass: false, reason: /tlog|TLOG|log|mismatch/i }
  },
  // unknown mediaType.
  [`${PY}bundle_invalid_version.txt.sigstore`]: {
    file: `${PY}bundle_invalid_version.txt.sigstore`,
    artifact: `${PY}bundle_invalid_version.txt`,
    identity: WILLIAM,
    root: STAGING,
    expect: { pass: false, reason: /media ?type/i }
  },
  // empty certificate chain (prod log).
  [`${PY}bundle_no_cert_v1.txt.sigstore`]: {
    file: `${PY}bundle_no_cert_v1.txt.sigstore`,
    artifact: `${PY}bundle_no_cert_v1.txt`,
    identity: WILLIAM,
    expect: { pass: false, reason: /certificate|chain/i }
  },
  // v0.2 inclusion proof without checkpoint: INVALID for sigstore-python only — a client-specific verdict.
  [`${PY}bundle_no_checkpoint.txt.sigstore`]:
    'client-specific verdict (sigstore-python requires a checkpoint; other clients accept)',
  // no tlog entry at all.
  [`${PY}bundle_no_log_entry.txt.sigstore`]: {
    file: `${PY}bundle_no_log_entry.txt.sigstore`,
    artifact: `${PY}bundle_no_log_entry.txt`,
    identity: { san: 'alex.cameron@trailofbits.com', issuer: 'https://accounts.google.com' },
    expect: { pass: false, reason: /tlog|log entr|transparency|expected 1 timestamps, got 0/i }
  },
  // staging, bundle v0.3.
  [`${PY}bundle_v3.txt.sigstore`]: {
    file: `${PY}bundle_v3.txt.sigstore`,
    artifact: `${PY}bundle_v3.txt`,
    identity: WILLIAM,
    root: STAGING,
    expect: { pass: true }
  },
  // staging, the `+json;version=0.3` mediaType spelling.
  [`${PY}bundle_v3_alt.txt.sigstore`]: {
    file: `${PY}bundle_v3_alt.txt.sigstore`,
    artifact: `${PY}bundle_v3_alt.txt`,
    identity: WILLIAM,
    root: STAGING,
    expect: { pass: true }
  },
  // prod, GitHub workflow identity trailofbits/rfc8785.py release.yml@v0.1.2 (artifact by digest).
  [`${PY}bundle_v3_github.whl.sigstore`]: {
    file: `${PY}bundle_v3_github.whl.sigstore`,
    artifact: `${PY}bundle_v3_github.whl`,
    identity: {
      san: 'https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2',
      issuer: GITHUB
    },
    expect: { pass: true }
  },
  // neither inclusion promise nor TSA timestamp.
  [`${PY}bundle_v3_no_signed_time.txt.sigstore.json`]: {
    file: `${PY}bundle_v3_no_signed_time.txt.sigstore.json`,
    artifact: `${PY}bundle_v3_no_signed_time.txt`,
    identity: WILLIAM,
    expect: { pass: false, reason: /time|timestamp|promise|SET/i }
  },
  // staging Rekor v2 + TSA.
  [`${PY}staging-rekor-v2.txt.sigstore.json`]: {
    file: `${PY}staging-rekor-v2.txt.sigstore.json`,
    artifact: `${PY}staging-rekor-v2.txt`,
    identity: { san: 'jku@goto.fi', issuer: OAUTH_GITHUB },
    root: STAGING,
    expect: { pass: true }
  },
  // v0.1 proof without checkpoint: INVALID for sigstore-python only, and the artifact is not stored.
  [`${PY}integration/Python-3.12.5.tgz.sigstore`]:
    'client-specific verdict (sigstore-python only); artifact not stored',
  // staging, bundle v3 (integration copy).
  [`${PY}integration/bundle_v3.txt.sigstore`]: {
    file: `${PY}integration/bundle_v3.txt.sigstore`,
    artifact: `${PY}bundle_v3.txt`,
    identity: WILLIAM,
    root: STAGING,
    expect: { pass: true }
  },
  // TSA cases. The upstream fixture (sigstore-python test_verifier.py, TestVerifierWithTimestamp)
  // is the STAGING trusted root with tsa/ca.json as its timestamp authority; the TSA inside
  // tsa/trust_config.json signed none of these timestamps. `extraTimestampAuthority` adds
  // ca.json to the staging root. Too-many / duplicate are structural and need no TSA at all,
  // so those two are run against tsa/trust_config.json (a ClientTrustConfig) exactly as listed.
  [`${PY}tsa/bundle.duplicate.sigstore`]: {
    file: `${PY}tsa/bundle.duplicate.sigstore`,
    artifact: `${PY}tsa/bundle.txt`,
    identity: { san: 'alexis.challande@trailofbits.com', issuer: 'https://accounts.google.com' },
    root: `${PY}tsa/trust_config.json`,
    expect: { pass: false, reason: /duplicate signed timestamp/i }
  },
  [`${PY}tsa/bundle.many_timestamp.sigstore`]: {
    file: `${PY}tsa/bundle.many_timestamp.sigstore`,
    artifact: `${PY}tsa/bundle.txt`,
    identity: { san: 'alexis.challande@trailofbits.com', issuer: 'https://accounts.google.com' },
    root: `${PY}tsa/trust_config.json`,
    expect: { pass: false, reason: /too many signed timestamps/i }
  },
  // Signed 12 minutes after the certificate expired: the staging TSA's timestamp verifies, and
  // the certificate is not valid at that time.
  [`${PY}tsa/bundle.txt.late_timestamp.sigstore`]: {
    file: `${PY}tsa/bundle.txt.late_timestamp.sigstore`,
    artifact: `${PY}tsa/bundle.txt`,
    identity: {
      san: 'insecure-cloudtop-shared-user@cloudtop-prod-us-east.iam.gserviceaccount.com',
      issuer: 'https://accounts.google.com'
    },
    root: STAGING,
    extraTimestampAuthority: `${PY}tsa/ca.json`,
    expect: { pass: false, reason: /after the signing certificate expired/i }
  },
  // The INDEX policy column reads "SAN a@tny.town" (copied from bundle.txt.sigstore's row); the
  // row's own description and the certificate say alexis.challande@trailofbits.com.
  [`${PY}tsa/bundle.txt.sigstore`]: {
    file: `${PY}tsa/bundle.txt.sigstore`,
    artifact: `${PY}tsa/bundle.txt`,
    identity: { san: 'alexis.challande@trailofbits.com', issuer: 'https://accounts.google.com' },
    root: STAGING,
    extraTimestampAuthority: `${PY}tsa/ca.json`,
    expect: { pass: true }
  }
};

// The nine sigstore-js format-coverage bundles: the same npm publish statement, signed by
// brian@dehamer.com, in every bundle version and content type.
for (const name of [
  'bundleV01-dsse-no-proof',
  'bundleV01-dsse-with-proof',
  'bundleV01-full-cert-chain',
  'bundleV01-intoto-no-proof',
  'bundleV01-intoto-with-proof',
  'bundleV02-dsse',
  'bundleV02-intoto',
  'bundleV03-dsse',
  'bundleV03-intoto'
]) {
  IDENTITY_CASES[`${JS}${name}.sigstore`] = {
    file: `${JS}${name}.sigstore`,
    artifact: SIGSTORE_JS_STATEMENT_SUBJECT,
    identity: BRIAN,
    expect: { pass: true }
  };
}
