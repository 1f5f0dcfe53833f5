// SLSA v1 predicates. Where the source and trigger live depends on the build type:
// - GitHub workflow build types (ours, attest-build-provenance): externalParameters.workflow
//   {ref, repository, path}, externalParameters.inputs, internalParameters.github.event_name;
// - slsa-github-generator BYOB delegator and container-based builders: internalParameters
//   GITHUB_REPOSITORY / GITHUB_REF / GITHUB_SHA / GITHUB_EVENT_NAME / GITHUB_EVENT_PAYLOAD.
// resolvedDependencies[0] (the source checkout) must agree with whichever is authoritative.
import { ProvenanceError } from '../../errors.js';
import { supportedV1BuildTypes, v1BuildTypeFamily } from './build-types.js';
import { agree } from './consistency.js';
import { branchForTag, idText } from './event-branch.js';
import { parseGitLocation, type GitLocation } from './git-uri.js';
import {
  isObject,
  optionalObject,
  optionalScalarString,
  optionalString,
  requireObject,
  requireString,
  type JsonObject
} from './json-guards.js';
import type { PredicateFields } from './predicate-v02.js';

interface SourceDependency {
  location?: GitLocation;
  digest: Record<string, string>;
}

export function normalisePredicateV1(predicateValue: unknown): PredicateFields {
  const predicate = requireObject(predicateValue, 'predicate');
  const definition = requireObject(predicate.buildDefinition, 'predicate.buildDefinition');
  const buildType = requireString(definition.buildType, 'predicate.buildDefinition.buildType');
  const family = v1BuildTypeFamily(buildType);
  if (family === undefined) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `provenance buildType: expected one of ${supportedV1BuildTypes().join(', ')}, found ${JSON.stringify(buildType)}`
    );
  }
  const runDetails = requireObject(predicate.runDetails, 'predicate.runDetails');
  const builder = requireObject(runDetails.builder, 'predicate.runDetails.builder');
  const builderId = requireString(builder.id, 'predicate.runDetails.builder.id');
  const external = requireObject(
    definition.externalParameters,
    'predicate.buildDefinition.externalParameters'
  );
  const internal =
    optionalObject(definition.internalParameters, 'predicate.buildDefinition.internalParameters') ??
    {};
  const dependency = readSourceDependency(definition.resolvedDependencies);
  const common = { predicateVersion: 'v1' as const, buildType, buildTypeFamily: family, builderId };
  if (family === 'github-workflow')
    return { ...common, ...readWorkflowSource(external, internal, dependency) };
  return { ...common, ...readGeneratorSource(external, internal, dependency, family) };
}

function readSourceDependency(value: unknown): SourceDependency {
  if (value === undefined || value === null) return { digest: {} };
  if (!Array.isArray(value))
    throw new ProvenanceError(
      'FORMAT_INVALID',
      'provenance resolvedDependencies: expected an array'
    );
  const first: unknown = value[0];
  if (!isObject(first) || typeof first.uri !== 'string') return { digest: {} };
  const path = 'predicate.buildDefinition.resolvedDependencies[0]';
  const digest: Record<string, string> = {};
  for (const [algorithm, hex] of Object.entries(
    optionalObject(first.digest, `${path}.digest`) ?? {}
  )) {
    digest[algorithm] = requireString(hex, `${path}.digest.${algorithm}`);
  }
  return { location: parseGitLocation(first.uri, `${path}.uri`), digest };
}

type SourceFields = Pick<
  PredicateFields,
  | 'sourceRepositoryUri'
  | 'sourceRef'
  | 'sourceDigest'
  | 'trigger'
  | 'workflowInputs'
  | 'tagBaseBranch'
  | 'sourceRepositoryId'
  | 'sourceOwnerId'
  | 'runnerEnvironment'
>;

function optionalFields(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)
  );
}

function readWorkflowSource(
  external: JsonObject,
  internal: JsonObject,
  dependency: SourceDependency
): SourceFields {
  const base = 'predicate.buildDefinition.externalParameters';
  const workflow = requireObject(external.workflow, `${base}.workflow`);
  const repository = parseGitLocation(
    requireString(workflow.repository, `${base}.workflow.repository`),
    `${base}.workflow.repository`
  );
  const ref = requireString(workflow.ref, `${base}.workflow.ref`);
  requireString(workflow.path, `${base}.workflow.path`);
  agree(
    'source repository',
    ['externalParameters.workflow.repository', repository.repositoryUri],
    ['resolvedDependencies[0].uri', dependency.location?.repositoryUri]
  );
  agree(
    'source ref',
    ['externalParameters.workflow.ref', ref],
    ['resolvedDependencies[0].uri', dependency.location?.ref]
  );
  const github = optionalObject(
    internal.github,
    'predicate.buildDefinition.internalParameters.github'
  );
  const trigger = optionalString(
    github?.event_name,
    'predicate.buildDefinition.internalParameters.github.event_name'
  );
  return {
    sourceRepositoryUri: repository.repositoryUri,
    sourceRef: ref,
    sourceDigest: dependency.digest,
    ...(trigger === undefined ? {} : { trigger }),
    workflowInputs: optionalObject(external.inputs, `${base}.inputs`) ?? {},
    ...optionalFields({
      sourceRepositoryId: idText(github?.repository_id),
      sourceOwnerId: idText(github?.repository_owner_id),
      runnerEnvironment:
        typeof github?.runner_environment === 'string' ? github.runner_environment : undefined
    })
  };
}

function readGeneratorSource(
  external: JsonObject,
  internal: JsonObject,
  dependency: SourceDependency,
  family: string
): SourceFields {
  const base = 'predicate.buildDefinition.internalParameters';
  const repository = requireString(internal.GITHUB_REPOSITORY, `${base}.GITHUB_REPOSITORY`);
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `provenance ${base}.GITHUB_REPOSITORY: expected OWNER/REPO, found ${JSON.stringify(repository)}`
    );
  }
  const repositoryUri = agree(
    'source repository',
    ['resolvedDependencies[0].uri', dependency.location?.repositoryUri],
    ['internalParameters.GITHUB_REPOSITORY', `https://github.com/${repository}`]
  ) as string;
  const declaredSource = optionalObject(
    external.source,
    'predicate.buildDefinition.externalParameters.source'
  );
  const declared =
    typeof declaredSource?.uri === 'string'
      ? parseGitLocation(
          declaredSource.uri,
          'predicate.buildDefinition.externalParameters.source.uri'
        )
      : undefined;
  agree(
    'source repository',
    ['externalParameters.source.uri', declared?.repositoryUri],
    ['resolvedDependencies[0].uri', repositoryUri]
  );
  const ref = agree(
    'source ref',
    ['internalParameters.GITHUB_REF', requireString(internal.GITHUB_REF, `${base}.GITHUB_REF`)],
    ['resolvedDependencies[0].uri', dependency.location?.ref]
  ) as string;
  agree(
    'source ref',
    ['externalParameters.source.uri', declared?.ref],
    ['internalParameters.GITHUB_REF', ref]
  );
  const sha = optionalString(internal.GITHUB_SHA, `${base}.GITHUB_SHA`);
  const digest = { ...dependency.digest };
  const recordedCommit = digest.gitCommit ?? digest.sha1;
  // A BYOB builder may build a commit of its own making (a TRW that commits during a
  // release): slsa-verifier compares the trigger and source URIs, never their commits
  // (verifiers/internal/gha/provenance.go verifySourceURI). Other builders build the trigger's.
  if (family !== 'byob-delegator')
    agree(
      'source commit',
      ['resolvedDependencies[0].digest', recordedCommit],
      ['internalParameters.GITHUB_SHA', sha]
    );
  if (recordedCommit === undefined && sha !== undefined) digest.sha1 = sha;
  const trigger = optionalScalarString(internal.GITHUB_EVENT_NAME, `${base}.GITHUB_EVENT_NAME`);
  const payload = optionalObject(internal.GITHUB_EVENT_PAYLOAD, `${base}.GITHUB_EVENT_PAYLOAD`);
  return {
    sourceRepositoryUri: repositoryUri,
    sourceRef: ref,
    sourceDigest: digest,
    ...(trigger === undefined ? {} : { trigger }),
    workflowInputs: optionalObject(payload?.inputs, `${base}.GITHUB_EVENT_PAYLOAD.inputs`) ?? {},
    ...optionalFields({
      tagBaseBranch: branchForTag(internal.GITHUB_BASE_REF, trigger, payload),
      sourceRepositoryId: idText(internal.GITHUB_REPOSITORY_ID),
      sourceOwnerId: idText(internal.GITHUB_REPOSITORY_OWNER_ID)
    })
  };
}
