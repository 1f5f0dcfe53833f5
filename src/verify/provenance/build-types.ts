// SLSA v1 build types we can read, and the family each belongs to.
import { BUILD_TYPE_WORKFLOW_V1 } from '../../types.js';
import type { BuildTypeFamily } from './view.js';

export const BUILD_TYPE_ACTIONS_WORKFLOW_V1 = 'https://actions.github.io/buildtypes/workflow/v1';
export const BUILD_TYPE_BYOB_DELEGATOR =
  'https://github.com/slsa-framework/slsa-github-generator/delegator-generic@v0';
export const BUILD_TYPE_CONTAINER_BASED = 'https://slsa.dev/container-based-build/v0.1?draft';

const V1_FAMILIES: ReadonlyMap<string, BuildTypeFamily> = new Map([
  [BUILD_TYPE_WORKFLOW_V1, 'github-workflow'],
  [BUILD_TYPE_ACTIONS_WORKFLOW_V1, 'github-workflow'],
  [BUILD_TYPE_BYOB_DELEGATOR, 'byob-delegator'],
  [BUILD_TYPE_CONTAINER_BASED, 'container-based']
]);

export function v1BuildTypeFamily(buildType: string): BuildTypeFamily | undefined {
  return V1_FAMILIES.get(buildType);
}

export function supportedV1BuildTypes(): string[] {
  return [...V1_FAMILIES.keys()];
}
