// Fuzz targets for the tenant-controlled subjects: every parser entry point and the merge.
import fc from 'fast-check';
import { formatSubjectsText } from '../../src/subjects/format.js';
import { HEX_LENGTH, MAX_SUBJECTS, SUPPORTED_ALGORITHMS } from '../../src/subjects/limits.js';
import { mergeSubjects } from '../../src/subjects/merge.js';
import {
  parseBase64Subjects,
  parseSubjectsBytes,
  parseSubjectsText
} from '../../src/subjects/parse.js';
import type { Subject } from '../../src/types.js';
import {
  base64Arb,
  bytesArb,
  jsonTextArb,
  subjectListsArb,
  textArb,
  validSubjectsArb
} from './subjects-arbitraries.js';
import { fuzzTarget, invariant } from './target.js';

// Written independently of src/subjects/name.ts, so that weakening the parser's rules shows up
// here instead of being checked against itself.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_A_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function acceptableName(name: string): boolean {
  return (
    name.length > 0 &&
    !NOT_IN_A_NAME.test(name) &&
    Buffer.byteLength(name, 'utf8') <= 1024 &&
    Buffer.from(name, 'utf8').toString('utf8') === name // no unpaired surrogates
  );
}

/** What every successful parse must look like. */
export function checkSubjects(subjects: Subject[]): void {
  invariant(subjects.length > 0 && subjects.length <= MAX_SUBJECTS, `bad count ${subjects.length}`);
  const names = new Set<string>();
  for (const s of subjects) {
    invariant(acceptableName(s.name), `accepted a bad name ${JSON.stringify(s.name)}`);
    invariant(!names.has(s.name), `duplicate name ${JSON.stringify(s.name)}`);
    names.add(s.name);
    const algorithms = Object.keys(s.digest);
    invariant(algorithms.length > 0, 'subject without a digest');
    for (const algorithm of algorithms) {
      invariant((SUPPORTED_ALGORITHMS as string[]).includes(algorithm), `algorithm ${algorithm}`);
      const hex = s.digest[algorithm as 'sha256'] as string;
      invariant(
        new RegExp(`^[0-9a-f]{${HEX_LENGTH[algorithm as 'sha256']}}$`).test(hex),
        `bad ${algorithm} ${hex}`
      );
    }
  }
}

/** The merge must fail exactly when one name has two different digests of one algorithm. */
function mergeOracle(lists: Subject[][]): boolean {
  const seen = new Map<string, string>();
  for (const s of lists.flat()) {
    for (const [algorithm, hex] of Object.entries(s.digest)) {
      const key = `${algorithm}\u0000${s.name}`;
      if (seen.has(key) && seen.get(key) !== hex) return false;
      seen.set(key, hex);
    }
  }
  return true;
}

export const subjectTargets = [
  fuzzTarget('subjects-base64', base64Arb, (input) => checkSubjects(parseBase64Subjects(input))),
  fuzzTarget('subjects-text', textArb, (input) => checkSubjects(parseSubjectsText(input))),
  fuzzTarget('subjects-json', jsonTextArb, (input) => checkSubjects(parseSubjectsText(input))),
  fuzzTarget('subjects-bytes', bytesArb, (input) => checkSubjects(parseSubjectsBytes(input))),
  fuzzTarget(
    'subjects-roundtrip',
    fc.tuple(validSubjectsArb, fc.boolean()),
    ([subjects, wrap]) => {
      let b64 = Buffer.from(formatSubjectsText(subjects, 'sha256')).toString('base64');
      if (wrap) b64 = (b64.match(/.{1,76}/g) ?? []).join('\n');
      const parsed = parseBase64Subjects(b64);
      invariant(
        JSON.stringify(parsed) === JSON.stringify(subjects),
        'round trip changed the subjects'
      );
    },
    () => false
  ),
  fuzzTarget('subjects-merge', subjectListsArb, (lists) => {
    const consistent = mergeOracle(lists);
    let merged: Subject[];
    try {
      merged = mergeSubjects(
        lists,
        lists.map((_, i) => `file-${i}.txt`)
      );
    } catch (e) {
      invariant(!consistent, `merge refused consistent lists: ${String(e)}`);
      throw e;
    }
    invariant(consistent, 'merge accepted two different digests for one name');
    const names = new Set(lists.flat().map((s) => s.name));
    invariant(merged.length === names.size, 'merge lost or duplicated a name');
  })
];
