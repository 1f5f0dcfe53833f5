// SLSA v0.2 predicates as written by slsa-github-generator (generic, Go, container) and by
// GitHub-hosted producers of the same shape: builder.id, invocation.configSource (source
// repository, ref and commit), invocation.environment (github_* context) and the
// workflow_dispatch inputs (environment.github_event_payload.inputs, older releases also
// invocation.parameters.event_inputs).
import { ProvenanceError } from '../../errors.js';
import { agree } from './consistency.js';
import { branchForTag, idText } from './event-branch.js';
import { parseGitLocation } from './git-uri.js';
import {
  isObject,
  optionalObject,
  optionalString,
  requireObject,
  requireString,
  type JsonObject
} from './json-guards.js';
import type { ProvenanceView } from './view.js';

export type PredicateFields = Omit<ProvenanceView, 'statementType' | 'predicateType' | 'subjects'>;

export function normalisePredicateV02(predicateValue: unknown): PredicateFields {
  const predicate = requireObject(predicateValue, 'predicate');
  const builder = requireObject(predicate.builder, 'predicate.builder');
  const builderId = requireString(builder.id, 'predicate.builder.id');
  const buildType = requireString(predicate.buildType, 'predicate.buildType');
  const invocation = requireObject(predicate.invocation, 'predicate.invocation');
  const configSource = requireObject(invocation.configSource, 'predicate.invocation.configSource');
  const location = parseGitLocation(
    requireString(configSource.uri, 'predicate.invocation.configSource.uri'),
    'predicate.invocation.configSource.uri'
  );
  const environment =
    optionalObject(invocation.environment, 'predicate.invocation.environment') ?? {};
  const sourceRef = agree(
    'source ref',
    [
      'invocation.environment.github_ref',
      optionalString(environment.github_ref, 'predicate.invocation.environment.github_ref')
    ],
    ['invocation.configSource.uri', location.ref]
  );
  if (sourceRef === undefined) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      'provenance records no source ref (configSource.uri has no @ref)'
    );
  }
  const materials = Array.isArray(predicate.materials) ? predicate.materials : [];
  const firstMaterial: unknown = materials[0];
  const materialUri =
    isObject(firstMaterial) && typeof firstMaterial.uri === 'string'
      ? firstMaterial.uri
      : undefined;
  const tagBaseBranch = branchForTag(
    environment.github_base_ref,
    environment.github_event_name,
    environment.github_event_payload
  );
  const repositoryId = idText(environment.github_repository_id);
  const ownerId = idText(environment.github_repository_owner_id);
  return {
    predicateVersion: 'v0.2',
    buildType,
    buildTypeFamily: 'slsa-generator-v0.2',
    builderId,
    sourceRepositoryUri: location.repositoryUri,
    sourceRef,
    sourceDigest: readDigest(configSource.digest, environment),
    ...optionalTrigger(environment),
    workflowInputs: readInputs(invocation, environment),
    configSourceUri: requireString(configSource.uri, 'predicate.invocation.configSource.uri'),
    ...(materialUri === undefined ? {} : { materialUri }),
    ...(tagBaseBranch === undefined ? {} : { tagBaseBranch }),
    ...(repositoryId === undefined ? {} : { sourceRepositoryId: repositoryId }),
    ...(ownerId === undefined ? {} : { sourceOwnerId: ownerId })
  };
}

function readDigest(digestValue: unknown, environment: JsonObject): Record<string, string> {
  const digest: Record<string, string> = {};
  const recorded = optionalObject(digestValue, 'predicate.invocation.configSource.digest') ?? {};
  for (const [algorithm, value] of Object.entries(recorded)) {
    digest[algorithm] = requireString(
      value,
      `predicate.invocation.configSource.digest.${algorithm}`
    );
  }
  const sha1 = agree(
    'source commit',
    ['invocation.configSource.digest.sha1', digest.sha1],
    [
      'invocation.environment.github_sha1',
      optionalString(environment.github_sha1, 'predicate.invocation.environment.github_sha1')
    ]
  );
  if (sha1 !== undefined) digest.sha1 = sha1;
  return digest;
}

function optionalTrigger(environment: JsonObject): { trigger?: string } {
  const trigger = optionalString(
    environment.github_event_name,
    'predicate.invocation.environment.github_event_name'
  );
  return trigger === undefined ? {} : { trigger };
}

function readInputs(invocation: JsonObject, environment: JsonObject): Record<string, unknown> {
  const payload = optionalObject(
    environment.github_event_payload,
    'predicate.invocation.environment.github_event_payload'
  );
  const fromPayload = optionalObject(
    payload?.inputs,
    'predicate.invocation.environment.github_event_payload.inputs'
  );
  const parameters = optionalObject(invocation.parameters, 'predicate.invocation.parameters');
  const fromParameters = optionalObject(
    parameters?.event_inputs,
    'predicate.invocation.parameters.event_inputs'
  );
  return (
    agree(
      'workflow inputs',
      ['invocation.environment.github_event_payload.inputs', fromPayload],
      ['invocation.parameters.event_inputs', fromParameters]
    ) ?? {}
  );
}
