// The policy flags shared by verify-artifact and verify-image, read into a VerifyPolicy.
import { ProvenanceError } from '../../errors.js';
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
    'certificate-oidc-issuer': {}
  },
  booleans: ['print-provenance', 'json', 'help']
};

export function readPolicy(
  args: ParsedArgs,
  command: string,
  artifacts: ArtifactDigest[]
): VerifyPolicy {
  const sourceUri = single(args, 'source-uri');
  if (sourceUri === undefined)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${command}: --source-uri is required (e.g. --source-uri github.com/OWNER/REPO)`
    );
  const builderId = single(args, 'builder-id');
  const issuer = single(args, 'certificate-oidc-issuer');
  return {
    sourceUri,
    sourceRef: readRefRequirement(args, command),
    ...(builderId === undefined ? {} : { builderId: readBuilderId(builderId, command) }),
    ...(issuer === undefined ? {} : { issuer }),
    workflowInputs: readWorkflowInputs(args.values['build-workflow-input'] ?? [], command),
    artifacts
  };
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
