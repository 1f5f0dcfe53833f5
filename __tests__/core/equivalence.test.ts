import { describe, expect, it } from '@jest/globals';
import { attestsSameBuild, payloadAttestsSameBuild } from '../../src/publish/equivalence.js';
import type { ProvenancePredicateV1, Statement } from '../../src/types.js';

function statement(
  subjects: [string, string][],
  invocation = 'attempts/1',
  sha = 'a'.repeat(40)
): Statement<ProvenancePredicateV1> {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: subjects.map(([name, hex]) => ({ name, digest: { sha256: hex } })),
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
        externalParameters: {
          workflow: {
            ref: 'refs/tags/v1',
            repository: 'https://github.com/o/r',
            path: '.github/workflows/r.yml'
          }
        },
        internalParameters: {
          github: {
            event_name: 'push',
            repository_id: '1',
            repository_owner_id: '2',
            runner_environment: 'github-hosted'
          }
        },
        resolvedDependencies: [
          { uri: 'git+https://github.com/o/r@refs/tags/v1', digest: { gitCommit: sha } }
        ]
      },
      runDetails: {
        builder: { id: 'https://github.com/b/b/.github/workflows/generic.yml@refs/tags/v1' },
        metadata: { invocationId: invocation, startedOn: 't1' }
      }
    }
  };
}

const jsonl = (statements: Statement<ProvenancePredicateV1>[]) =>
  Buffer.from(
    statements
      .map(
        (s) =>
          JSON.stringify({
            dsseEnvelope: {
              payloadType: 'application/vnd.in-toto+json',
              payload: Buffer.from(JSON.stringify(s)).toString('base64')
            }
          }) + '\n'
      )
      .join('')
  );

describe('attestsSameBuild', () => {
  const ours = [
    statement(
      [
        ['a', '1'.repeat(64)],
        ['b', '2'.repeat(64)]
      ],
      'attempts/2'
    )
  ];

  it('treats a re-run (other attempt and times, same subjects and source) as the same build', () => {
    expect(
      attestsSameBuild(
        jsonl([statement([['b', '2'.repeat(64)]]), statement([['a', '1'.repeat(64)]])]),
        ours
      )
    ).toBe(true);
  });

  it('tells apart other subjects, another digest, another commit', () => {
    expect(attestsSameBuild(jsonl([statement([['a', '1'.repeat(64)]])]), ours)).toBe(false);
    expect(
      attestsSameBuild(
        jsonl([
          statement([
            ['a', '1'.repeat(64)],
            ['b', '3'.repeat(64)]
          ])
        ]),
        ours
      )
    ).toBe(false);
    expect(
      attestsSameBuild(
        jsonl([
          statement(
            [
              ['a', '1'.repeat(64)],
              ['b', '2'.repeat(64)]
            ],
            'x',
            'b'.repeat(40)
          )
        ]),
        ours
      )
    ).toBe(false);
  });

  it('says no to anything that is not provenance', () => {
    expect(attestsSameBuild(Buffer.from('not json\n'), ours)).toBe(false);
    expect(attestsSameBuild(Buffer.from('null\n'), ours)).toBe(false);
    expect(payloadAttestsSameBuild(Buffer.from('null').toString('base64'), ours)).toBe(false);
    expect(payloadAttestsSameBuild('%%%', ours)).toBe(false);
  });
});
