// Several subject inputs (the base64-subjects output plus subject files) become one list.
import { ProvenanceError } from '../errors.js';
import type { DigestAlgorithm, Subject } from '../types.js';
import { MAX_SUBJECTS, SUPPORTED_ALGORITHMS } from './limits.js';
import { quoteForMessage, shortDigest } from './quote.js';

/**
 * The union of `lists`, in order of first appearance. A name listed again with the same
 * digest is fine, a digest of another algorithm is added to it, and a different digest of the
 * same algorithm is an error naming both sources (`sources[i]` names `lists[i]`; default
 * "input 1", "input 2"…).
 */
export function mergeSubjects(lists: Subject[][], sources: string[] = []): Subject[] {
  const merged = new Map<
    string,
    { subject: Subject; from: Partial<Record<DigestAlgorithm, string>> }
  >();
  lists.forEach((list, index) => {
    const source = sources[index] ?? `input ${index + 1}`;
    for (const subject of list) {
      let entry = merged.get(subject.name);
      if (!entry) {
        if (merged.size >= MAX_SUBJECTS) {
          throw new ProvenanceError(
            'SUBJECTS_INVALID',
            `more than ${MAX_SUBJECTS} subjects after merging ${source}; split the artifacts over several provenance files`
          );
        }
        entry = { subject: { name: subject.name, digest: {} }, from: {} };
        merged.set(subject.name, entry);
      }
      for (const algorithm of SUPPORTED_ALGORITHMS) {
        const hex = subject.digest[algorithm];
        if (hex === undefined) continue;
        const existing = entry.subject.digest[algorithm];
        if (existing === undefined) {
          entry.subject.digest[algorithm] = hex;
          entry.from[algorithm] = source;
        } else if (existing !== hex) {
          throw new ProvenanceError(
            'SUBJECTS_INVALID',
            `subject ${quoteForMessage(subject.name)} has two different ${algorithm} digests: ` +
              `${shortDigest(existing)} in ${entry.from[algorithm]} and ${shortDigest(hex)} in ${source}`
          );
        }
      }
    }
  });
  return Array.from(merged.values(), (e) => e.subject);
}
