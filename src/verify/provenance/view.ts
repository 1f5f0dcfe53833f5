// The one normalised view of a provenance statement that the policy reads, whatever the
// predicate version or build type it came from.
import type { Subject } from '../../types.js';

export type PredicateVersion = 'v0.2' | 'v1';

/** Which family of build type produced the predicate; decides how the builder is trusted. */
export type BuildTypeFamily =
  | 'github-workflow' // SLSA v1 GitHub workflow buildTypes (ours, attest-build-provenance)
  | 'slsa-generator-v0.2' // slsa-github-generator generic / go / container (SLSA v0.2)
  | 'byob-delegator' // slsa-github-generator BYOB delegator (builder id from the predicate)
  | 'container-based'; // slsa-github-generator container-based builder

export interface ProvenanceView {
  statementType: string;
  predicateType: string;
  predicateVersion: PredicateVersion;
  buildType: string;
  buildTypeFamily: BuildTypeFamily;
  /** builder.id (v0.2) or runDetails.builder.id (v1). */
  builderId: string;
  /** https://github.com/owner/name, without `git+` or `@ref`. */
  sourceRepositoryUri: string;
  /** Full git ref, e.g. refs/tags/v1.2.3 or refs/heads/main. */
  sourceRef: string;
  /** Digests of the source commit (sha1 / gitCommit). */
  sourceDigest: Record<string, string>;
  /** The event that triggered the build (push, workflow_dispatch, …), when recorded. */
  trigger?: string;
  /** workflow_dispatch inputs (or BYOB/TRW inputs) as recorded in the predicate. */
  workflowInputs: Record<string, unknown>;
  /**
   * For a tag build: the branch the event payload names (github_base_ref, a push's base_ref,
   * a release's target_commitish), as slsa-verifier reads it
   * (slsa-verifier verifiers/internal/gha/slsaprovenance/common/common.go getBranchForTag).
   */
  tagBaseBranch?: string;
  /** v0.2 only: materials[0].uri as written (slsa-verifier compares it with configSource.uri). */
  materialUri?: string;
  /** v0.2 only: invocation.configSource.uri as written. */
  configSourceUri?: string;
  /** GitHub's numeric ids of the source repository and its owner, as recorded (decimal text). */
  sourceRepositoryId?: string;
  sourceOwnerId?: string;
  /** The runner environment the predicate records (github-hosted / self-hosted). */
  runnerEnvironment?: string;
  subjects: Subject[];
}
