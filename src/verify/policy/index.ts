export { evaluatePolicy } from './evaluate.js';
export { normaliseRepositoryUri } from './repository-uri.js';
export { parseBuilderId, formatBuilderId } from './builder-id.js';
export {
  OUR_BUILDERS,
  GENERATOR_BUILDERS,
  BYOB_DELEGATORS,
  defaultBuilders,
  type BuilderSet
} from './trusted-builders.js';
export { BUILDER_RELEASES, type BuilderRelease } from './builder-releases.js';
export { sourceIdentityFlags } from './source-identity-flags.js';
export type {
  ArtifactDigest,
  BuilderTrust,
  PolicyEvidence,
  PolicyOutcome,
  SourceRefRequirement,
  VerifyPolicy
} from './types.js';
export { evidenceFromEnvelope } from './evidence.js';
export { selectPassingEnvelope, type PolicyPass } from './select-envelope.js';
