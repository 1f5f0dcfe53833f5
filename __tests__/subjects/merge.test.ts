import { describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import { MAX_SUBJECTS, mergeSubjects } from '../../src/subjects/index.js';
import type { Subject } from '../../src/types.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(128);

function thrown(run: () => unknown): ProvenanceError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    return e as ProvenanceError;
  }
  throw new Error('expected a ProvenanceError');
}

describe('mergeSubjects', () => {
  it('is the union in order of first appearance', () => {
    const merged = mergeSubjects([
      [{ name: 'b', digest: { sha256: B } }],
      [
        { name: 'a', digest: { sha256: A } },
        { name: 'b', digest: { sha256: B } }
      ]
    ]);
    expect(merged).toEqual([
      { name: 'b', digest: { sha256: B } },
      { name: 'a', digest: { sha256: A } }
    ]);
  });

  it('adds a digest of another algorithm to the same name', () => {
    expect(
      mergeSubjects([
        [{ name: 'x', digest: { sha256: A } }],
        [{ name: 'x', digest: { sha512: C } }]
      ])
    ).toEqual([{ name: 'x', digest: { sha256: A, sha512: C } }]);
  });

  it('refuses one name with two digests, naming both sources', () => {
    const error = thrown(() =>
      mergeSubjects(
        [
          [{ name: 'app.tgz', digest: { sha256: A } }],
          [{ name: 'app.tgz', digest: { sha256: B } }]
        ],
        ['base64-subjects', 'subjects file dist/extra.sha256']
      )
    );
    expect(error.code).toBe('SUBJECTS_INVALID');
    expect(error.message).toBe(
      'subject "app.tgz" has two different sha256 digests: aaaaaaaaaaaaaaaa… in base64-subjects and bbbbbbbbbbbbbbbb… in subjects file dist/extra.sha256'
    );
  });

  it('numbers unnamed sources', () => {
    const error = thrown(() =>
      mergeSubjects([
        [],
        [{ name: 'x', digest: { sha256: A } }],
        [{ name: 'x', digest: { sha256: B } }]
      ])
    );
    expect(error.message).toMatch(/in input 2 and .* in input 3$/);
  });

  it('does not change its inputs', () => {
    const first: Subject[] = [{ name: 'x', digest: { sha256: A } }];
    mergeSubjects([first, [{ name: 'x', digest: { sha512: C } }]]);
    expect(first).toEqual([{ name: 'x', digest: { sha256: A } }]);
  });

  it(`refuses more than ${MAX_SUBJECTS} subjects in total`, () => {
    const half = (prefix: string) =>
      Array.from({ length: MAX_SUBJECTS / 2 + 1 }, (_, i) => ({
        name: `${prefix}${i}`,
        digest: { sha256: A }
      }));
    const error = thrown(() => mergeSubjects([half('a'), half('b')], ['one', 'two']));
    expect(error.message).toBe(
      `more than ${MAX_SUBJECTS} subjects after merging two; split the artifacts over several provenance files`
    );
  });
});
