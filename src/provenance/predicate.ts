// The SLSA v1 predicate for the github-actions-buildtypes workflow/v1 build type, built
// only from a cross-checked BuildContext. Pure: same context, same bytes.
import type { Isolation } from '../context/resolve.js';
import { namesTrustedBuilder } from '../context/shapes.js';
import { ProvenanceError } from '../errors.js';
import { PROJECT_REPOSITORY } from '../identity.js';
import { BUILD_TYPE_WORKFLOW_V1, type BuildContext, type ProvenancePredicateV1 } from '../types.js';

export interface PredicateOptions {
  /** RFC 3339; when the provenance was produced (the build job has finished by then). */
  finishedOn?: string;
  isolation: Isolation;
  /** owner/name of our builder workflows (default PROJECT_REPOSITORY; the sandbox passes its own). */
  trustedBuilderRepository?: string;
}

/**
 * builder.id. The build type says: when a workflow generates the provenance, use
 * `server_url + "/" + job_workflow_ref` — the same identity Fulcio writes into the
 * certificate SAN. Isolated, that is our reusable workflow (the L3 builder). With
 * isolation none it is whatever workflow the action ran in — the tenant's own — which
 * names the real signer and can never be mistaken for our builder by a verifier that
 * checks builder.id against our workflow names (see docs/PROVENANCE_FIELDS.md on why not
 * `https://github.com/actions/runner/github-hosted`).
 */
export function builderId(context: BuildContext): string {
  return `${context.serverUrl}/${context.jobWorkflowRef}`;
}

export function buildPredicate(
  context: BuildContext,
  options: PredicateOptions
): ProvenancePredicateV1 {
  // Unisolated provenance must never carry our L3 builder's name (resolve refuses that
  // combination already; this keeps the builder honest on its own).
  if (
    options.isolation === 'none' &&
    namesTrustedBuilder(
      context.jobWorkflowRef,
      options.trustedBuilderRepository ?? PROJECT_REPOSITORY
    )
  )
    throw new ProvenanceError(
      'INPUT_INVALID',
      'isolation none inside our reusable workflow: the builder id would claim Build L3'
    );
  const repositoryUri = `${context.serverUrl}/${context.repository}`;
  const externalParameters: ProvenancePredicateV1['buildDefinition']['externalParameters'] = {
    workflow: { ref: context.ref, repository: repositoryUri, path: context.workflowPath }
  };
  if (
    context.eventName === 'workflow_dispatch' &&
    context.inputs &&
    Object.keys(context.inputs).length > 0
  )
    externalParameters.inputs = { ...context.inputs };
  if (context.eventName === 'release' && context.release && Object.keys(context.release).length > 0)
    externalParameters.release = { ...context.release };

  const metadata: ProvenancePredicateV1['runDetails']['metadata'] = {
    invocationId: `${repositoryUri}/actions/runs/${context.runId}/attempts/${context.runAttempt}`,
    startedOn: context.startedOn
  };
  if (options.finishedOn !== undefined) metadata.finishedOn = options.finishedOn;

  return {
    buildDefinition: {
      buildType: BUILD_TYPE_WORKFLOW_V1,
      externalParameters,
      internalParameters: {
        github: {
          event_name: context.eventName,
          repository_id: context.repositoryId,
          repository_owner_id: context.repositoryOwnerId,
          runner_environment: context.runnerEnvironment
        }
      },
      resolvedDependencies: [
        { uri: `git+${repositoryUri}@${context.ref}`, digest: { gitCommit: context.sha } }
      ]
    },
    runDetails: {
      builder: { id: builderId(context) },
      metadata
    }
  };
}
