// Build L2 provenance: the predicate names the GitHub runner as its builder
// (https://github.com/actions/runner/github-hosted — npm CLI provenance,
// actions/attest-build-provenance). The signer is then the caller's own workflow, named in the
// certificate, which also ran the build: no isolation from the build, hence L2, never L3.
// The user must say which workflow they trust, as gh does (cli/cli
// pkg/cmd/attestation/verify/policy.go buildSANMatcher: --signer-repo matches
// `(?i)^https://github.com/OWNER/REPO/`, --signer-workflow `^https://HOST/OWNER/REPO/PATH`), and
// slsa-verifier's verify-npm-package checks the runner builder id against the certificate's
// runner environment (verifiers/internal/gha/verifier.go verifyNpmEnvAndCert).
// Deliberately stricter than gh: --signer-workflow names the whole workflow path (no prefix
// match), and its optional @REF must equal the certificate's ref exactly.
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { builderRefKind, parseBuilderId } from './builder-id.js';
import { checkBuildType } from './check-build-type.js';
import { mismatch } from './policy-error.js';
import {
  RUNNER_BUILDER_GITHUB_HOSTED,
  RUNNER_BUILDER_LEGACY,
  runnerBuilderEnvironment
} from './trusted-builders.js';
import type { BuilderTrust } from './types.js';
import { ProvenanceError } from '../../errors.js';

export interface L2Context {
  signerIdentity: string;
  extensions: FulcioExtensions;
  provenance: ProvenanceView;
  wanted: string | undefined;
  signerWorkflow: string | undefined;
  signerRepo: string | undefined;
}

export function isRunnerBuilt(provenance: ProvenanceView): boolean {
  return runnerBuilderEnvironment(provenance.builderId) !== undefined;
}

export function checkL2Signer(context: L2Context): BuilderTrust {
  const { signerIdentity, extensions, provenance } = context;
  const runner = runnerBuilderEnvironment(provenance.builderId);
  if (runner === undefined) throw new Error('checkL2Signer called for a non-runner builder');
  checkBuildType(provenance.builderId, provenance);
  const certificateRunner = extensions.runnerEnvironment;
  if (certificateRunner === undefined)
    throw mismatch(
      'certificate runner environment (.1.11)',
      runner,
      'none',
      'runner-built provenance needs it to say where it ran'
    );
  if (certificateRunner !== runner)
    throw mismatch(
      'predicate builder id',
      `the runner the certificate names (${certificateRunner})`,
      provenance.builderId
    );
  if (context.wanted !== undefined) checkWantedRunner(context.wanted, provenance);
  const signer = parseBuilderId(signerIdentity);
  const trustedBy = matchSigner(signerIdentity, context);
  return {
    builderId: provenance.builderId,
    slsaBuildLevel: 2,
    trustedAt: builderRefKind(signer.ref),
    trustedBy,
    warnings: [
      `SLSA Build L2: the workflow ${signerIdentity} built and signed this provenance itself; nothing isolated the signing from the build`
    ]
  };
}

/**
 * slsa-verifier accepts the id with or without the /github-hosted suffix
 * (provenance.go VerifyNpmPackageProvenance), but the short legacy id only for SLSA v0.2
 * predicates: its v1 buildTypeMap (slsaprovenance/v1.0/provenance.go) knows only
 * https://github.com/actions/runner/github-hosted.
 */
function checkWantedRunner(wanted: string, provenance: ProvenanceView): void {
  const found = provenance.builderId;
  if (wanted === RUNNER_BUILDER_LEGACY && provenance.predicateVersion === 'v1')
    throw mismatch('builder', `${RUNNER_BUILDER_GITHUB_HOSTED} (SLSA v1 provenance)`, wanted);
  const equivalent = (id: string) =>
    runnerBuilderEnvironment(id) === 'github-hosted' ? 'github-hosted' : id;
  if (equivalent(wanted) !== equivalent(found)) throw mismatch('builder', wanted, found);
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function matchSigner(signerIdentity: string, context: L2Context): BuilderTrust['trustedBy'] {
  const { signerWorkflow, signerRepo } = context;
  if (signerWorkflow === undefined && signerRepo === undefined) {
    throw mismatch(
      'signer',
      '--signer-workflow OWNER/REPO/.github/workflows/FILE[@REF] or --signer-repo OWNER/REPO',
      'neither given',
      'this is Build L2 provenance: its builder is the GitHub runner, so say which workflow you trust to have built and signed it'
    );
  }
  if (signerWorkflow !== undefined) {
    const wanted = parseSignerWorkflow(signerWorkflow);
    const found = parseBuilderId(signerIdentity);
    if (found.name !== wanted.name || (wanted.ref !== undefined && wanted.ref !== found.ref))
      throw mismatch('signer workflow', signerWorkflow, signerIdentity);
    return 'signer-workflow';
  }
  const repo = signerRepo as string;
  if (!REPOSITORY.test(repo))
    throw new ProvenanceError(
      'INPUT_INVALID',
      `--signer-repo: expected OWNER/REPO, found ${JSON.stringify(repo)}`
    );
  // gh compares case-insensitively (GitHub owner and repository names are case-insensitive).
  if (!signerIdentity.toLowerCase().startsWith(`https://github.com/${repo.toLowerCase()}/`))
    throw mismatch('signer repository', `a workflow of ${repo}`, signerIdentity);
  return 'signer-repo';
}

/** `[https://][github.com/]OWNER/REPO/.github/workflows/FILE[@REF]` → SAN name and ref. */
function parseSignerWorkflow(value: string): { name: string; ref?: string } {
  const withoutScheme = value.replace(/^https:\/\//, '');
  const withHost = withoutScheme.startsWith('github.com/')
    ? withoutScheme
    : `github.com/${withoutScheme}`;
  const at = withHost.indexOf('@');
  const path = at === -1 ? withHost : withHost.slice(0, at);
  if (!/^github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^\s@]+$/.test(path))
    throw new ProvenanceError(
      'INPUT_INVALID',
      `--signer-workflow: expected OWNER/REPO/.github/workflows/FILE[@REF], found ${JSON.stringify(value)}`
    );
  const ref = at === -1 ? undefined : withHost.slice(at + 1);
  return { name: `https://${path}`, ...(ref ? { ref } : {}) };
}
