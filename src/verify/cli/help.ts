// --help text for each command. Kept free of imports so `--help` loads nothing heavy.
const POLICY_FLAGS = `Policy flags:
      --source-uri REPO                 (required) the repository the artifact must be built from,
                                        e.g. github.com/OWNER/REPO
      --source-branch BRANCH            [optional] the branch it must be built from
      --source-tag TAG                  [optional] the exact tag it must be built from
      --source-versioned-tag VERSION    [optional] a semantic-version prefix the tag must match:
                                        v1 accepts v1.x.y, v1.2 accepts v1.2.x
      --builder-id ID                   [optional] the builder that must have built it,
                                        https://github.com/OWNER/REPO/.github/workflows/FILE.yml[@REF];
                                        adds a builder to the trusted ones (pin ours by commit with
                                        @<40-hex sha>); required for BYOB provenance
      --build-workflow-input KEY=VALUE  [optional, repeatable] a workflow_dispatch input the build
                                        must have been triggered with
      --trusted-root PATH               [optional] a Sigstore trusted_root.json to use instead of the
                                        embedded public-good root
      --certificate-oidc-issuer URL     [optional] the OIDC issuer the signing certificate must name
                                        (default https://token.actions.githubusercontent.com; set it for
                                        GitHub Enterprise Server or a test Sigstore instance)
      --print-provenance                [optional] print the verified in-toto statement to stdout
      --json                            [optional] print a JSON report to stdout
  -h, --help                            this help`;

const TRUSTED = `Trusted builders (without --builder-id): isolated-provenance's generic.yml and container.yml
and slsa-github-generator's generic, Go, container and container-based builders, each at a
release tag refs/tags/vX.Y.Z. The certificate identity is the builder; the predicate's
builder id must agree with it.`;

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
