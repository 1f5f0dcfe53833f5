// The builders trusted without being named, per command, as slsa-verifier has them
// (verifiers/internal/gha/builder.go: defaultArtifactTrustedReusableWorkflows for
// verify-artifact — generic, Go, container-based — plus defaultBYOBReusableWorkflows;
// defaultContainerTrustedReusableWorkflows — the container generator only — for verify-image),
// and our own: generic.yml for artifacts, container.yml for images. Each only at a release.
import { PROJECT_REPOSITORY } from '../../identity.js';

export const GENERATOR_REPOSITORY = 'https://github.com/slsa-framework/slsa-github-generator';
const GENERATOR = `${GENERATOR_REPOSITORY}/.github/workflows`;
const OURS = `https://github.com/${PROJECT_REPOSITORY}/.github/workflows`;

export const OUR_GENERIC_BUILDER = `${OURS}/generic.yml`;
export const OUR_CONTAINER_BUILDER = `${OURS}/container.yml`;
export const OUR_BUILDERS: readonly string[] = [OUR_GENERIC_BUILDER, OUR_CONTAINER_BUILDER];

export const GENERIC_GENERATOR = `${GENERATOR}/generator_generic_slsa3.yml`;
export const GO_BUILDER = `${GENERATOR}/builder_go_slsa3.yml`;
export const CONTAINER_GENERATOR = `${GENERATOR}/generator_container_slsa3.yml`;
export const CONTAINER_BASED_BUILDER = `${GENERATOR}/builder_container-based_slsa3.yml`;

export const GENERATOR_BUILDERS: readonly string[] = [
  GENERIC_GENERATOR,
  GO_BUILDER,
  CONTAINER_GENERATOR,
  CONTAINER_BASED_BUILDER
];

export const BYOB_DELEGATORS: readonly string[] = [
  `${GENERATOR}/delegator_generic_slsa3.yml`,
  `${GENERATOR}/delegator_lowperms-generic_slsa3.yml`
];

/** BYOB builders under this path are trusted without --builder-id (slsa-verifier provenance.go VerifyProvenance). */
export const GENERATOR_WORKFLOWS_PREFIX = `${GENERATOR}/`;

export type BuilderSet = 'artifact' | 'image';

const DEFAULTS: Record<BuilderSet, readonly string[]> = {
  artifact: [OUR_GENERIC_BUILDER, GENERIC_GENERATOR, GO_BUILDER, CONTAINER_BASED_BUILDER],
  image: [OUR_CONTAINER_BUILDER, CONTAINER_GENERATOR]
};

export function defaultBuilders(set: BuilderSet): readonly string[] {
  return DEFAULTS[set];
}

export function isDefaultTrustedBuilder(name: string, set: BuilderSet): boolean {
  return DEFAULTS[set].includes(name);
}

/** BYOB delegators sign artifact provenance only (slsa-verifier VerifyArtifact merges them in; VerifyImage does not). */
export function isByobDelegator(name: string, set: BuilderSet): boolean {
  return set === 'artifact' && BYOB_DELEGATORS.includes(name);
}

export function isOurBuilder(name: string): boolean {
  return OUR_BUILDERS.includes(name);
}

// Build L2 provenance names the runner as its builder: npm CLI provenance and
// actions/attest-build-provenance (slsa-verifier slsaprovenance/common/builders.go
// NpmCLILegacyBuilderID / NpmCLIHostedBuilderID / NpmCLISelfHostedBuilderID).
export const RUNNER_BUILDER_LEGACY = 'https://github.com/actions/runner';
export const RUNNER_BUILDER_GITHUB_HOSTED = `${RUNNER_BUILDER_LEGACY}/github-hosted`;
export const RUNNER_BUILDER_SELF_HOSTED = `${RUNNER_BUILDER_LEGACY}/self-hosted`;

/** The runner environment a runner builder id stands for, or undefined for any other id. */
export function runnerBuilderEnvironment(
  builderId: string
): 'github-hosted' | 'self-hosted' | undefined {
  if (builderId === RUNNER_BUILDER_GITHUB_HOSTED || builderId === RUNNER_BUILDER_LEGACY)
    return 'github-hosted';
  if (builderId === RUNNER_BUILDER_SELF_HOSTED) return 'self-hosted';
  return undefined;
}
