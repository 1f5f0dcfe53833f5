// Subjects are tenant-controlled: names are free text, but digests must be well-formed hex of
// the length their algorithm implies, or they could never be compared safely.
import type { Subject } from '../../types.js';
import { formatError, requireArray, requireObject } from './json-guards.js';

const MAX_SUBJECTS = 100_000;
const HEX_LENGTH = { sha256: 64, sha512: 128 } as const;

export function parseSubjects(value: unknown): Subject[] {
  const list = requireArray(value, 'subject');
  if (list.length === 0) throw formatError('subject', 'at least one subject', 'an empty list');
  if (list.length > MAX_SUBJECTS) {
    throw formatError('subject', `at most ${MAX_SUBJECTS} subjects`, `${list.length} subjects`);
  }
  return list.map((entry, index) => parseSubject(entry, `subject[${index}]`));
}

function parseSubject(value: unknown, path: string): Subject {
  const object = requireObject(value, path);
  const name = typeof object.name === 'string' ? object.name : '';
  const digestObject = requireObject(object.digest, `${path}.digest`);
  const digest: Subject['digest'] = {};
  let entries = 0;
  for (const [algorithm, hex] of Object.entries(digestObject)) {
    if (typeof hex !== 'string')
      throw formatError(`${path}.digest.${algorithm}`, 'a hex string', hex);
    entries += 1;
    if (algorithm !== 'sha256' && algorithm !== 'sha512') continue;
    const length = HEX_LENGTH[algorithm];
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) {
      throw formatError(`${path}.digest.${algorithm}`, `${length} hex characters`, hex);
    }
    digest[algorithm] = hex; // kept as written: compared exactly
  }
  if (entries === 0) throw formatError(`${path}.digest`, 'at least one digest', 'an empty digest');
  return { name, digest };
}
