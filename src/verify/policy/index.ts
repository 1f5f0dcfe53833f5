export { evaluatePolicy } from './evaluate.js';
export { normaliseRepositoryUri } from './repository-uri.js';
export { parseBuilderId, formatBuilderId } from './builder-id.js';
export { OUR_BUILDERS, GENERATOR_BUILDERS, BYOB_DELEGATORS } from './trusted-builders.js';
export type {
  ArtifactDigest,
  PolicyEvidence,
  PolicyOutcome,
  SourceRefRequirement,
  VerifyPolicy
} from './types.js';
export { evidenceFromEnvelope } from './evidence.js';
export { selectPassingEnvelope, type PolicyPass } from './select-envelope.js';
