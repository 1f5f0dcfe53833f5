// The JSON form: `[{"name": "app.tgz", "digest": {"sha256": "<hex>", "sha512": "<hex>"}}]`,
// i.e. in-toto ResourceDescriptors restricted to name + digest.
//
// Decisions: only sha256 and sha512 are accepted (anything else, sha1 included, is rejected
// by name rather than silently dropped: a policy may rely on it); fields other than name and
// digest are rejected, because the statement would not carry them. Entries are numbered from
// 1 in messages ("entry 3"); JSON has no useful line numbers once minified.
import type { DigestAlgorithm } from '../types.js';
import type { SubjectCollector } from './collector.js';
import { checkHexDigest } from './digest.js';
import { isSupportedAlgorithm, MAX_SUBJECTS } from './limits.js';
import { subjectNameProblem } from './name.js';
import { quoteForMessage } from './quote.js';

export function collectJsonSubjects(text: string, collector: SubjectCollector): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the input; it goes through the same escaping as names.
    const detail = e instanceof Error ? e.message : String(e);
    throw collector.error('JSON', `not valid JSON (${quoteForMessage(detail, 120)})`);
  }
  if (!Array.isArray(parsed)) {
    throw collector.error('JSON', `expected an array of subjects, found ${kindOf(parsed)}`);
  }
  if (parsed.length > MAX_SUBJECTS) {
    throw collector.error('JSON', `more than ${MAX_SUBJECTS} subjects (${parsed.length} entries)`);
  }
  parsed.forEach((entry: unknown, index) => {
    const where = index + 1;
    const fail = (reason: string) => collector.error(where, reason);
    if (!isPlainObject(entry)) throw fail(`expected an object, found ${kindOf(entry)}`);
    for (const key of Object.keys(entry)) {
      if (key !== 'name' && key !== 'digest') {
        throw fail(
          `unsupported field ${quoteForMessage(key)}; a subject has only "name" and "digest"`
        );
      }
    }
    const name = entry.name;
    if (name === undefined || name === '') throw fail('missing name');
    if (typeof name !== 'string') throw fail(`name must be a string, found ${kindOf(name)}`);
    const problem = subjectNameProblem(name);
    if (problem) throw fail(`${problem}: ${quoteForMessage(name)}`);

    const digest = entry.digest;
    if (!isPlainObject(digest)) throw fail(`digest must be an object, found ${kindOf(digest)}`);
    const algorithms = Object.keys(digest);
    if (algorithms.length === 0) throw fail('digest is empty; expected sha256 and/or sha512');
    for (const algorithm of algorithms) {
      if (!isSupportedAlgorithm(algorithm)) {
        throw fail(
          `unsupported digest algorithm ${quoteForMessage(algorithm)}; expected sha256 and/or sha512`
        );
      }
      const value = digest[algorithm];
      if (typeof value !== 'string') {
        throw fail(`${algorithm} digest must be a string, found ${kindOf(value)}`);
      }
      const checked = checkHexDigest(value, algorithm as DigestAlgorithm);
      if ('problem' in checked) throw fail(checked.problem);
      collector.add(name, algorithm, checked.hex, where);
    }
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
