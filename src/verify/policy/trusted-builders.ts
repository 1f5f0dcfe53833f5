// The builders trusted without being named: our own reusable workflows and
// slsa-github-generator's, each only at a release tag. BYOB delegators sign on behalf of a
// builder named in the predicate, so they are trusted only together with --builder-id.
import { BUILDER_WORKFLOW_PATHS, PROJECT_REPOSITORY } from '../../identity.js';

const GENERATOR = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows';

export const OUR_BUILDERS: readonly string[] = BUILDER_WORKFLOW_PATHS.map(
  (path) => `https://github.com/${PROJECT_REPOSITORY}/${path}`
);

export const GENERATOR_BUILDERS: readonly string[] = [
  `${GENERATOR}/generator_generic_slsa3.yml`,
  `${GENERATOR}/builder_go_slsa3.yml`,
  `${GENERATOR}/generator_container_slsa3.yml`,
  `${GENERATOR}/builder_container-based_slsa3.yml`
];

export const BYOB_DELEGATORS: readonly string[] = [
  `${GENERATOR}/delegator_generic_slsa3.yml`,
  `${GENERATOR}/delegator_lowperms-generic_slsa3.yml`
];

export function isDefaultTrustedBuilder(name: string): boolean {
  return OUR_BUILDERS.includes(name) || GENERATOR_BUILDERS.includes(name);
}

export function isByobDelegator(name: string): boolean {
  return BYOB_DELEGATORS.includes(name);
}
