// --help text for each command. Kept free of imports so `--help` loads nothing heavy.
const POLICY_FLAGS = `Policy flags:
      --source-uri REPO                 (required) the repository the artifact must be built from:
                                        github.com/OWNER/REPO (https:// or git+https:// accepted);
                                        OWNER and REPO are case-sensitive, as in slsa-verifier
      --source-repository-id ID         [optional] GitHub's numeric id of that repository (Fulcio
                                        .1.15); a deleted and re-created repository has another
      --source-owner-id ID              [optional] GitHub's numeric id of its owner (Fulcio .1.17)
      --source-branch BRANCH            [optional] the branch it must be built from; for a tag build,
                                        the branch the push/release event names (as slsa-verifier)
      --source-tag TAG                  [optional] the exact tag it must be built from
      --source-versioned-tag VERSION    [optional] a semantic version vX[.Y[.Z]] the tag must match:
                                        v1 accepts v1.x.y (pre-releases too), v1.2 accepts v1.2.x,
                                        v1.2.3 only v1.2.3; non-semver tags or versions are refused
      --builder-id ID                   [optional] the builder that must have built it,
                                        https://github.com/OWNER/REPO/.github/workflows/FILE.yml[@REF];
                                        without @REF it is trusted only at a release tag vX.Y.Z; name a
                                        branch (@refs/heads/main) or commit (@<40-hex sha>) to trust it
                                        there (reported with a warning)
      --signer-workflow WORKFLOW        [optional] for Build L2 provenance (builder
                                        https://github.com/actions/runner/github-hosted: npm CLI,
                                        attest-build-provenance): the workflow that signed it,
                                        OWNER/REPO/.github/workflows/FILE[@REF]
      --signer-repo OWNER/REPO          [optional] Build L2: any workflow of this repository signed it
      --deny-self-hosted-runners        [optional] refuse builds whose certificate does not say
                                        github-hosted (as gh attestation verify)
      --deployment-environment NAME     [optional] the GitHub deployment environment the signing
                                        token named (Fulcio .1.23)
      --package-name NAME               [optional] npm: the package (@scope/name) the provenance
                                        and npm's publish attestation in the same file must name
      --package-version VERSION         [optional] npm: the version they must name
      --build-workflow-input KEY=VALUE  [optional, repeatable] a workflow_dispatch input (a string)
                                        the build must have been triggered with
      --trusted-root PATH               [optional] a Sigstore trusted_root.json to use instead of the
                                        embedded public-good root
      --online                          [optional] refresh the public-good trusted root over TUF
                                        (network) instead of using the embedded copy
      --certificate-oidc-issuer URL     [optional] the OIDC issuer the signing certificate must name
                                        (default https://token.actions.githubusercontent.com; set it for
                                        GitHub Enterprise Server or a test Sigstore instance)
      --print-provenance                [optional] print the verified in-toto statement to stdout
      --json                            [optional] print a JSON report to stdout
  -h, --help                            this help`;

const DIFFERENCES = `Deliberate differences from slsa-verifier v2 and gh attestation verify:
  - offline only by default: provenance without a transparency-log entry or timestamp in the file
    (slsa-github-generator <= v2.0.0 .intoto.jsonl) is refused, not looked up in Rekor;
  - a builder named with an explicit non-release ref (--builder-id NAME@refs/heads/main or @<sha>)
    is trusted there (slsa-verifier refuses any builder ref but vX.Y.Z);
  - our builder pinned by commit is trusted by default only at a commit recorded as one of our
    releases, checked against the certificate's build-signer digest (Fulcio .1.10);
  - --signer-workflow names the whole workflow path (gh matches a prefix) and its @REF exactly;
  - --source-versioned-tag vX.Y.Z-PRE matches that pre-release only;
  - the source repository, ref and commit reported come from the certificate, and the predicate
    must agree with them (commit, ids and runner environment included);
  - Build L2 (runner-built) provenance needs the signer named (--signer-workflow/--signer-repo)
    and then no --builder-id, where slsa-verifier verify-npm-package needs --builder-id;
  - a digest typed as sha256:HEX is read case-insensitively; digests inside the provenance are
    compared exactly, as slsa-verifier compares them.`;

const TRUSTED = `Trusted builders (without --builder-id), each at a release tag refs/tags/vX.Y.Z, as
slsa-verifier: verify-artifact trusts isolated-provenance's generic.yml, slsa-github-generator's
generic, Go and container-based builders, and BYOB builders under
slsa-framework/slsa-github-generator/.github/workflows/ (delegated); verify-image trusts
isolated-provenance's container.yml and slsa-github-generator's container generator. The
certificate identity is the builder; the predicate's builder id must agree with it. Provenance
whose builder is the GitHub runner is reported as SLSA Build L2 and needs --signer-workflow or
--signer-repo; everything else that passes is SLSA Build L3.

${DIFFERENCES}`;

export const MAIN_HELP = `isolated-provenance: verify SLSA provenance produced on GitHub Actions

Usage:
  isolated-provenance <command> [flags]

Commands:
  verify-artifact   verify SLSA provenance for artifact files or digests
  verify-image      verify SLSA provenance attached to a container image in a registry
  verify-bundle     verify a Sigstore bundle's signature, certificate and transparency log
  hash              print base64 subjects for files (for build jobs)

Run "isolated-provenance <command> --help" for the flags of a command.
Exit status: 0 verified, 1 verification failed or bad input, 2 internal error.
`;

export const VERIFY_ARTIFACT_HELP = `Verifies SLSA provenance for one or more artifacts built from the same provenance.

Usage:
  isolated-provenance verify-artifact [flags] ARTIFACT [ARTIFACT...]

ARTIFACT is a file to hash (sha256) or a digest sha256:HEX / sha512:HEX when the file is not
at hand. Every artifact must be a subject of the verified provenance.

Flags:
      --provenance-path PATH            (required) the provenance file (.intoto.jsonl, Sigstore
                                        bundle .sigstore.json / .build.slsa, or a legacy DSSE file)
${POLICY_FLAGS}

${TRUSTED}

Examples:
  isolated-provenance verify-artifact app.tar.gz --provenance-path app.intoto.jsonl \\
    --source-uri github.com/OWNER/REPO --source-versioned-tag v1
  isolated-provenance verify-artifact sha256:4a5b… --provenance-path app.intoto.jsonl \\
    --source-uri github.com/OWNER/REPO --builder-id \\
    https://github.com/isolated-provenance/isolated-provenance/.github/workflows/generic.yml@<sha>
`;

export const VERIFY_IMAGE_HELP = `Verifies SLSA provenance attached to a container image.

Usage:
  isolated-provenance verify-image [flags] IMAGE@sha256:DIGEST

The image must be named by digest. Attestations are looked up in the registry as cosign
attestations (tag sha256-<hex>.att) and as OCI referrers (the referrers API, or the
sha256-<hex> tag fallback). Registry credentials are read from ~/.docker/config.json
(\`auths\`), as docker does; localhost registries are reached over http, all others over https.
The image digest must be a subject of the verified provenance.

${POLICY_FLAGS}

${TRUSTED}

Example:
  isolated-provenance verify-image ghcr.io/OWNER/app@sha256:9f86… \\
    --source-uri github.com/OWNER/REPO --source-tag v1.4.0
`;
