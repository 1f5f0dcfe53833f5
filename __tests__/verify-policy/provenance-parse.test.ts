// The statement is hostile input: every confusion or inconsistency is refused with the path.
import { describe, expect, it } from '@jest/globals';
import { parseProvenance } from '../../src/verify/provenance/index.js';
import { evidenceFromEnvelope } from '../../src/verify/policy/evidence.js';
import type { VerifiedEnvelope } from '../../src/verify/core/types.js';
import { BUILD_TYPE_WORKFLOW_V1, INTOTO_PAYLOAD_TYPE } from '../../src/types.js';

const DIGEST = 'a'.repeat(64);

function v1Statement(
  overrides: Record<string, unknown> = {},
  definition: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'app', digest: { sha256: DIGEST } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE_WORKFLOW_V1,
        externalParameters: {
          workflow: {
            ref: 'refs/tags/v1.0.0',
            repository: 'https://github.com/acme/app',
            path: '.github/workflows/release.yml'
          },
          inputs: { level: 'high' }
        },
        internalParameters: {
          github: {
            event_name: 'workflow_dispatch',
            repository_id: '1',
            repository_owner_id: '2',
            runner_environment: 'github-hosted'
          }
        },
        resolvedDependencies: [
          {
            uri: 'git+https://github.com/acme/app@refs/tags/v1.0.0',
            digest: { gitCommit: 'c'.repeat(40) }
          }
        ],
        ...definition
      },
      runDetails: {
        builder: { id: 'https://github.com/x/y/.github/workflows/generic.yml@refs/tags/v1.0.0' },
        metadata: { invocationId: 'i' }
      }
    },
    ...overrides
  };
}

const parse = (statement: unknown, payloadType = INTOTO_PAYLOAD_TYPE) =>
  parseProvenance(payloadType, JSON.stringify(statement));

describe('parseProvenance', () => {
  it('normalises our SLSA v1 GitHub workflow predicate', () => {
    expect(parse(v1Statement())).toEqual({
      statementType: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      predicateVersion: 'v1',
      buildType: BUILD_TYPE_WORKFLOW_V1,
      buildTypeFamily: 'github-workflow',
      builderId: 'https://github.com/x/y/.github/workflows/generic.yml@refs/tags/v1.0.0',
      sourceRepositoryUri: 'https://github.com/acme/app',
      sourceRef: 'refs/tags/v1.0.0',
      sourceDigest: { gitCommit: 'c'.repeat(40) },
      trigger: 'workflow_dispatch',
      workflowInputs: { level: 'high' },
      sourceRepositoryId: '1',
      sourceOwnerId: '2',
      runnerEnvironment: 'github-hosted',
      subjects: [{ name: 'app', digest: { sha256: DIGEST } }]
    });
  });

  it('refuses a payloadType other than in-toto', () => {
    expect(() => parse(v1Statement(), 'application/vnd.dev.sigstore.x+json')).toThrow(
      'DSSE payloadType: expected application/vnd.in-toto+json, found "application/vnd.dev.sigstore.x+json"'
    );
  });

  it('refuses an unknown _type or predicateType', () => {
    expect(() => parse(v1Statement({ _type: 'https://in-toto.io/Statement/v2' }))).toThrow(
      /statement _type: expected .* found "https:\/\/in-toto.io\/Statement\/v2"/
    );
    expect(() =>
      parse(v1Statement({ predicateType: 'https://slsa.dev/provenance/v1.0?draft' }))
    ).toThrow(
      /statement predicateType: expected .* found "https:\/\/slsa.dev\/provenance\/v1.0\?draft"/
    );
    expect(() => parse(v1Statement({ predicateType: 'https://spdx.dev/Document' }))).toThrow(
      /predicateType/
    );
  });

  it('refuses an unknown v1 buildType', () => {
    const statement = v1Statement({}, { buildType: 'https://example.com/evil@v1' });
    expect(() => parse(statement)).toThrow(
      /provenance buildType: expected one of .* found "https:\/\/example.com\/evil@v1"/
    );
  });

  it('refuses a source dependency that disagrees with the workflow', () => {
    const statement = v1Statement(
      {},
      {
        resolvedDependencies: [
          { uri: 'git+https://github.com/acme/other@refs/tags/v1.0.0', digest: {} }
        ]
      }
    );
    expect(() => parse(statement)).toThrow(
      'provenance is inconsistent about the source repository: externalParameters.workflow.repository is "https://github.com/acme/app" but resolvedDependencies[0].uri is "https://github.com/acme/other"'
    );
  });

  it('refuses malformed subjects', () => {
    expect(() => parse(v1Statement({ subject: [] }))).toThrow(
      'provenance subject: expected at least one subject, found "an empty list"'
    );
    expect(() =>
      parse(v1Statement({ subject: [{ name: 'x', digest: { sha256: 'zz' } }] }))
    ).toThrow('provenance subject[0].digest.sha256: expected 64 hex characters, found "zz"');
    expect(() => parse(v1Statement({ subject: [{ name: 'x', digest: {} }] }))).toThrow(
      /subject\[0\].digest: expected at least one digest/
    );
    expect(() => parse(v1Statement({ subject: 'x' }))).toThrow(
      'provenance subject: expected an array, found "x"'
    );
  });

  it('refuses non-JSON and non-object payloads', () => {
    expect(() => parseProvenance(INTOTO_PAYLOAD_TYPE, '{')).toThrow(/statement is not JSON/);
    expect(() => parseProvenance(INTOTO_PAYLOAD_TYPE, '[]')).toThrow(
      'provenance statement: expected an object, found an array'
    );
  });

  it('reads a v0.2 slsa-github-generator predicate and refuses contradicting refs', () => {
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      subject: [{ name: 'a', digest: { sha256: DIGEST } }],
      predicate: {
        builder: {
          id: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.10.0'
        },
        buildType: 'https://github.com/slsa-framework/slsa-github-generator/generic@v1',
        invocation: {
          configSource: {
            uri: 'git+https://github.com/acme/app@refs/heads/main',
            digest: { sha1: 'c'.repeat(40) },
            entryPoint: 'x.yml'
          },
          parameters: {},
          environment: {
            github_ref: 'refs/heads/main',
            github_event_name: 'workflow_dispatch',
            github_event_payload: { inputs: { a: '1' } }
          }
        }
      }
    };
    const view = parse(statement);
    expect([view.sourceRepositoryUri, view.sourceRef, view.trigger, view.workflowInputs]).toEqual([
      'https://github.com/acme/app',
      'refs/heads/main',
      'workflow_dispatch',
      { a: '1' }
    ]);
    statement.predicate.invocation.environment.github_ref = 'refs/heads/evil';
    expect(() => parse(statement)).toThrow(/inconsistent about the source ref/);
  });
});

describe('evidenceFromEnvelope', () => {
  const base: VerifiedEnvelope = {
    format: 'legacy-dsse',
    payloadType: INTOTO_PAYLOAD_TYPE,
    payload: Buffer.from(JSON.stringify(v1Statement())),
    statement: undefined,
    signer: {
      kind: 'certificate',
      identity: { subjectAlternativeName: 'x', extensions: {} },
      certificatePem: ''
    },
    timestamps: [],
    index: 0
  };
  it('fails closed without a verified signing time (needs online Rekor)', () => {
    expect(() => evidenceFromEnvelope(base)).toThrow(
      'signing time: expected a transparency-log entry or RFC 3161 timestamp in the file, found none (this provenance needs an online Rekor lookup)'
    );
  });
  it('refuses key-signed envelopes', () => {
    expect(() =>
      evidenceFromEnvelope({
        ...base,
        signer: { kind: 'key' },
        timestamps: [{ source: 'tlog', time: new Date() }]
      })
    ).toThrow(/expected a Fulcio certificate/);
  });
});
