// The policy flags shared by verify-artifact and verify-image, read into a VerifyPolicy.
import { ProvenanceError } from '../../errors.js';
import type { BuilderSet } from '../policy/trusted-builders.js';
import type { ArtifactDigest, SourceRefRequirement, VerifyPolicy } from '../policy/types.js';
import { single, type FlagSpec, type ParsedArgs } from './args.js';

export const POLICY_FLAGS: FlagSpec = {
  values: {
    'source-uri': {},
    'source-branch': {},
    'source-tag': {},
    'source-versioned-tag': {},
    'builder-id': {},
    'build-workflow-input': { repeatable: true },
    'trusted-root': {},
    'certificate-oidc-issuer': {},
    'signer-workflow': {},
    'signer-repo': {},
    'source-repository-id': {},
    'source-owner-id': {},
    'deployment-environment': {},
    'package-name': {},
    'package-version': {}
  },
  booleans: ['print-provenance', 'json', 'help', 'online', 'deny-self-hosted-runners']
};

export function readPolicy(
  args: ParsedArgs,
  command: string,
  artifacts: ArtifactDigest[],
  builderSet: BuilderSet = 'artifact'
): VerifyPolicy {
  const sourceUri = single(args, 'source-uri');
  if (sourceUri === undefined)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${command}: --source-uri is required (e.g. --source-uri github.com/OWNER/REPO)`
    );
  const builderId = single(args, 'builder-id');
  const issuer = single(args, 'certificate-oidc-issuer');
  const signerWorkflow = single(args, 'signer-workflow');
  const signerRepo = single(args, 'signer-repo');
  if (signerWorkflow !== undefined && signerRepo !== undefined)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${command}: give at most one of --signer-workflow, --signer-repo`
    );
  const optional: Partial<VerifyPolicy> = {};
  if (builderId !== undefined) optional.builderId = readBuilderId(builderId, command);
  if (issuer !== undefined) optional.issuer = issuer;
  if (signerWorkflow !== undefined) optional.signerWorkflow = signerWorkflow;
  if (signerRepo !== undefined) optional.signerRepo = signerRepo;
  const repositoryId = readId(args, 'source-repository-id', command);
  if (repositoryId !== undefined) optional.sourceRepositoryId = repositoryId;
  const ownerId = readId(args, 'source-owner-id', command);
  if (ownerId !== undefined) optional.sourceOwnerId = ownerId;
  const deployment = single(args, 'deployment-environment');
  if (deployment !== undefined) optional.deploymentEnvironment = deployment;
  const packageName = single(args, 'package-name');
  if (packageName !== undefined) optional.packageName = packageName;
  const packageVersion = single(args, 'package-version');
  if (packageVersion !== undefined) optional.packageVersion = packageVersion;
  if (args.booleans.has('deny-self-hosted-runners')) optional.denySelfHostedRunners = true;
  return {
    sourceUri,
    sourceRef: readRefRequirement(args, command),
    ...optional,
    workflowInputs: readWorkflowInputs(args.values['build-workflow-input'] ?? [], command),
    artifacts,
    builderSet
  };
}

function readId(args: ParsedArgs, flag: string, command: string): string | undefined {
  const value = single(args, flag);
  if (value !== undefined && !/^[1-9]\d*$/.test(value))
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${command}: --${flag}: expected GitHub's numeric id, found ${JSON.stringify(value)}`
    );
  return value;
}

function readRefRequirement(args: ParsedArgs, command: string): SourceRefRequirement {
  const branch = single(args, 'source-branch');
  const tag = single(args, 'source-tag');
  const versioned = single(args, 'source-versioned-tag');
  const given = [branch, tag, versioned].filter((v) => v !== undefined);
  if (given.length > 1) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${command}: give at most one of --source-branch, --source-tag, --source-versioned-tag`
    );
  }
  if (branch !== undefined) return { kind: 'branch', branch: stripPrefix(branch, 'refs/heads/') };
  if (tag !== undefined) return { kind: 'tag', tag: stripPrefix(tag, 'refs/tags/') };
  if (versioned !== undefined) return { kind: 'versioned-tag', version: versioned };
  return { kind: 'any' };
}

function stripPrefix(value: string, prefix: string): string {
  return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

function readBuilderId(value: string, command: string): string {
  if (!/^https:\/\/[^\s@]+\/[^\s@]+(@[^\s@]+)?$/.test(value)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${command}: --builder-id: expected https://github.com/OWNER/REPO/.github/workflows/FILE.yml[@REF], found ${JSON.stringify(value)}`
    );
  }
  return value;
}

function readWorkflowInputs(pairs: string[], command: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `${command}: --build-workflow-input: expected KEY=VALUE, found ${JSON.stringify(pair)}`
      );
    const key = pair.slice(0, eq);
    if (Object.hasOwn(inputs, key))
      throw new ProvenanceError(
        'INPUT_INVALID',
        `${command}: --build-workflow-input ${key} given twice`
      );
    inputs[key] = pair.slice(eq + 1);
  }
  return inputs;
}
