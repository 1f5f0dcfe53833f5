// How each real peer is asked to verify one of our outputs. Every function returns the exact
// argv (recorded in the report), so a reader can rerun any row by hand. Flags come from each
// tool's own source: cosign cmd/cosign/cli/options/verify.go (v3: the new bundle format is the
// default; `--new-bundle-format=false` reads the legacy `.att` layout), gh
// pkg/cmd/attestation/verify/verify.go, sigstore-python `sigstore verify identity --help`,
// sigstore-go examples/sigstore-go-verification/main.go.
import { join } from 'node:path';
import { PEERS_DIR, REPO_ROOT, peerBinary, type PeerName } from '../../sandbox/real/peers.js';

/** What a consumer pins: the signer (our reusable workflow) and the source it built. */
export interface IdentityPolicy {
  /** Certificate SAN: https://github.com/<builder repo>/.github/workflows/<file>@<ref>. */
  signerIdentity: string;
  /** <owner>/<repo>/.github/workflows/<file> (gh's --signer-workflow form). */
  signerWorkflow: string;
  issuer: string;
  /** owner/name of the caller repository (the certificate's source repository). */
  sourceRepository: string;
  sourceRef: string;
}

export interface PeerCommand {
  peer: 'cosign' | 'gh' | 'sigstore-python' | 'sigstore-go';
  argv: string[];
  env?: Record<string, string>;
}

function binary(name: PeerName): string {
  const path = peerBinary(name);
  if (!path) throw new Error(`${name} is not built: run bash scripts/install-peers.sh ${name}`);
  return path;
}

const SLSA_V1 = 'https://slsa.dev/provenance/v1';

/** cosign's identity pins: the signer, the issuer, and the source repository and ref. */
function cosignIdentityFlags(policy: IdentityPolicy): string[] {
  return [
    '--certificate-identity',
    policy.signerIdentity,
    '--certificate-oidc-issuer',
    policy.issuer,
    '--certificate-github-workflow-repository',
    policy.sourceRepository,
    '--certificate-github-workflow-ref',
    policy.sourceRef
  ];
}

export function cosignVerifyBlobAttestation(options: {
  bundle: string;
  artifact: string;
  trustedRoot: string;
  policy: IdentityPolicy;
}): PeerCommand {
  return {
    peer: 'cosign',
    argv: [
      binary('cosign'),
      'verify-blob-attestation',
      '--bundle',
      options.bundle,
      '--trusted-root',
      options.trustedRoot,
      '--type',
      SLSA_V1,
      ...cosignIdentityFlags(options.policy),
      options.artifact
    ]
  };
}

export function cosignVerifyAttestation(options: {
  image: string;
  layout: 'oci-cosign' | 'oci-referrer';
  trustedRoot: string;
  policy: IdentityPolicy;
}): PeerCommand {
  return {
    peer: 'cosign',
    argv: [
      binary('cosign'),
      'verify-attestation',
      `--new-bundle-format=${options.layout === 'oci-referrer' ? 'true' : 'false'}`,
      '--allow-http-registry',
      '--trusted-root',
      options.trustedRoot,
      '--type',
      SLSA_V1,
      ...cosignIdentityFlags(options.policy),
      options.image
    ],
    // cosign reads the registry anonymously; no docker config on this machine.
    env: { DOCKER_CONFIG: '/nonexistent' }
  };
}

export function ghAttestationVerify(options: {
  bundle: string;
  artifact: string;
  /** gh reads --custom-trusted-root as JSON lines: one root per line. */
  trustedRootJsonl: string;
  policy: IdentityPolicy;
  home: string;
}): PeerCommand {
  return {
    peer: 'gh',
    argv: [
      binary('gh'),
      'attestation',
      'verify',
      options.artifact,
      '--bundle',
      options.bundle,
      '--custom-trusted-root',
      options.trustedRootJsonl,
      '--repo',
      options.policy.sourceRepository,
      '--signer-workflow',
      options.policy.signerWorkflow,
      '--cert-oidc-issuer',
      options.policy.issuer,
      '--source-ref',
      options.policy.sourceRef,
      '--format',
      'json'
    ],
    // Offline verification with --bundle needs no login; a private config dir keeps the
    // machine's gh state (if any) out of the result.
    env: { GH_CONFIG_DIR: options.home, GH_TOKEN: '', GH_HOST: 'github.com', NO_COLOR: '1' }
  };
}

export function sigstorePythonVerify(options: {
  bundle: string;
  artifact: string;
  trustConfig: string;
  policy: IdentityPolicy;
}): PeerCommand {
  return {
    peer: 'sigstore-python',
    argv: [
      binary('sigstore-python'),
      '--trust-config',
      options.trustConfig,
      'verify',
      'identity',
      '--offline',
      '--bundle',
      options.bundle,
      '--cert-identity',
      options.policy.signerIdentity,
      '--cert-oidc-issuer',
      options.policy.issuer,
      options.artifact
    ]
  };
}

/**
 * sigstore-python's GitHub checks (`verify github`'s policies from its own library, with the
 * sandbox issuer in place of GitHub's, which the CLI hard-codes): sigstore_python_github.py.
 */
export function sigstorePythonGitHubVerify(options: {
  bundle: string;
  artifact: string;
  trustConfig: string;
  policy: IdentityPolicy;
}): PeerCommand {
  binary('sigstore-python');
  return {
    peer: 'sigstore-python',
    argv: [
      join(PEERS_DIR, 'venv', 'bin', 'python'),
      join(REPO_ROOT, 'scripts', 'interop', 'sigstore_python_github.py'),
      options.trustConfig,
      options.bundle,
      options.artifact,
      options.policy.signerIdentity,
      options.policy.issuer,
      options.policy.sourceRepository,
      options.policy.sourceRef
    ]
  };
}

export function sigstoreGoVerify(options: {
  bundle: string;
  artifact: string;
  trustedRoot: string;
  policy: IdentityPolicy;
}): PeerCommand {
  return {
    peer: 'sigstore-go',
    argv: [
      binary('sigstore-go'),
      '-trustedrootJSONpath',
      options.trustedRoot,
      '-expectedIssuer',
      options.policy.issuer,
      '-expectedSAN',
      options.policy.signerIdentity,
      '-artifact',
      options.artifact,
      options.bundle
    ]
  };
}
