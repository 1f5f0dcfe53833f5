// Each well-known builder writes one kind of predicate; a predicate of another buildType under
// that builder's signature is refused (slsa-verifier verifiers/internal/gha/slsaprovenance/
// v0.2/provenance.go and v1.0/provenance.go buildTypeMap; build types from
// slsaprovenance/common/buildtypes.go). For v0.2, materials[0] must be the same source as
// configSource, ref included (slsa-verifier provenance.go verifySourceURI).
import { BUILD_TYPE_WORKFLOW_V1 } from '../../types.js';
import {
  BUILD_TYPE_ACTIONS_WORKFLOW_V1,
  BUILD_TYPE_CONTAINER_BASED
} from '../provenance/build-types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { mismatch } from './policy-error.js';
import {
  CONTAINER_BASED_BUILDER,
  CONTAINER_GENERATOR,
  GENERIC_GENERATOR,
  GO_BUILDER,
  OUR_CONTAINER_BUILDER,
  OUR_GENERIC_BUILDER,
  RUNNER_BUILDER_GITHUB_HOSTED,
  RUNNER_BUILDER_LEGACY,
  RUNNER_BUILDER_SELF_HOSTED
} from './trusted-builders.js';

const GENERATOR = 'https://github.com/slsa-framework/slsa-github-generator';
const NPM_CLI_V1 = 'https://github.com/npm/cli/gha@v1';
const NPM_CLI_V2 = 'https://github.com/npm/cli/gha/v2';

/** builder name → predicate version → accepted buildTypes. */
const BUILD_TYPES: Record<string, { 'v0.2'?: string[]; v1?: string[] }> = {
  [GENERIC_GENERATOR]: { 'v0.2': [`${GENERATOR}/generic@v1`] },
  [GO_BUILDER]: {
    'v0.2': [`${GENERATOR}/go@v1`, `${GENERATOR}@v1`, `${GENERATOR}-go@v1`]
  },
  [CONTAINER_GENERATOR]: { 'v0.2': [`${GENERATOR}/container@v1`] },
  [CONTAINER_BASED_BUILDER]: { v1: [BUILD_TYPE_CONTAINER_BASED] },
  [OUR_GENERIC_BUILDER]: { v1: [BUILD_TYPE_WORKFLOW_V1] },
  [OUR_CONTAINER_BUILDER]: { v1: [BUILD_TYPE_WORKFLOW_V1] },
  // Build L2: npm CLI (v0.2 and v1) and actions/attest-build-provenance (v1).
  [RUNNER_BUILDER_LEGACY]: { 'v0.2': [NPM_CLI_V1, NPM_CLI_V2] },
  [RUNNER_BUILDER_GITHUB_HOSTED]: {
    'v0.2': [NPM_CLI_V1, NPM_CLI_V2],
    v1: [BUILD_TYPE_WORKFLOW_V1, BUILD_TYPE_ACTIONS_WORKFLOW_V1]
  },
  [RUNNER_BUILDER_SELF_HOSTED]: { v1: [BUILD_TYPE_WORKFLOW_V1, BUILD_TYPE_ACTIONS_WORKFLOW_V1] }
};

export function checkBuildType(builderName: string, provenance: ProvenanceView): void {
  const accepted = BUILD_TYPES[builderName];
  if (accepted !== undefined) {
    const types = accepted[provenance.predicateVersion] ?? [];
    if (!types.includes(provenance.buildType)) {
      throw mismatch(
        `buildType for builder ${builderName}`,
        types.length === 0
          ? `no SLSA ${provenance.predicateVersion} predicate (this builder writes ${Object.keys(accepted).join(', ')})`
          : types.join(' or '),
        `${provenance.predicateVersion} ${provenance.buildType}`
      );
    }
  }
  if (provenance.predicateVersion === 'v0.2') checkMaterials(provenance);
}

function checkMaterials(provenance: ProvenanceView): void {
  const material = provenance.materialUri;
  if (material === undefined)
    throw mismatch('provenance materials[0].uri', 'the source the build checked out', 'none');
  // npm CLI provenance before GA recorded the source without a ref (slsa-verifier
  // provenance.go verifySourceURI, slsa-verifier issue #492).
  if (!material.includes('@') && provenance.buildType === NPM_CLI_V1) return;
  if (material !== provenance.configSourceUri) {
    throw mismatch(
      'provenance materials[0].uri',
      `${provenance.configSourceUri ?? 'invocation.configSource.uri'} (the configSource)`,
      material
    );
  }
}
