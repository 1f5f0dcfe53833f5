// Gathers parsed subjects of one input: de-duplicates, enforces the count limit, and refuses a
// name that arrives with two different digests of the same algorithm.
import { ProvenanceError } from '../errors.js';
import type { DigestAlgorithm, Subject } from '../types.js';
import { MAX_SUBJECTS } from './limits.js';
import { quoteForMessage, shortDigest } from './quote.js';

interface Seen {
  subject: Subject;
  /** Where each digest came from, for the message when a later line contradicts it. */
  where: number;
  whereOther?: number;
}

function firstAlgorithm(seen: Seen): DigestAlgorithm {
  return Object.keys(seen.subject.digest)[0] as DigestAlgorithm;
}

export class SubjectCollector {
  private readonly byName = new Map<string, Seen>();

  /**
   * `source` prefixes every message ("base64-subjects"); `unit` and a 1-based position locate
   * an entry in it ("line 3", "entry 3").
   */
  constructor(
    private readonly source: string,
    private readonly unit: 'line' | 'entry'
  ) {}

  /**
   * Decisions: the same name with the same digest again is a harmless repeat and is dropped;
   * the same name with a digest of another algorithm (sha256sum and sha512sum output
   * concatenated) adds that digest to the subject; two different digests of one algorithm
   * for one name are contradictory and rejected.
   */
  add(name: string, algorithm: DigestAlgorithm, hex: string, where: number): void {
    const seen = this.byName.get(name);
    if (!seen) {
      if (this.byName.size >= MAX_SUBJECTS) {
        throw this.error(
          where,
          `more than ${MAX_SUBJECTS} subjects; split the artifacts over several provenance files`
        );
      }
      const digest = algorithm === 'sha256' ? { sha256: hex } : { sha512: hex };
      this.byName.set(name, { subject: { name, digest }, where });
      return;
    }
    const existing = seen.subject.digest[algorithm];
    if (existing === undefined) {
      seen.subject.digest[algorithm] = hex;
      seen.whereOther = where;
    } else if (existing !== hex) {
      const first =
        seen.whereOther !== undefined && firstAlgorithm(seen) !== algorithm
          ? seen.whereOther
          : seen.where;
      throw this.error(
        where,
        `subject ${quoteForMessage(name)} has two different ${algorithm} digests: ` +
          `${shortDigest(existing)} (${this.unit} ${first}) and ${shortDigest(hex)} (${this.unit} ${where})`
      );
    }
  }

  /** An error located at entry `where`, or at a named part of the input ("JSON"). */
  error(where: number | string, reason: string): ProvenanceError {
    const at = typeof where === 'number' ? `${this.unit} ${where}` : where;
    return new ProvenanceError('SUBJECTS_INVALID', `${this.source}, ${at}: ${reason}`);
  }

  /** The subjects in order of first appearance; an input without any is an error. */
  finish(): Subject[] {
    if (this.byName.size === 0) {
      throw new ProvenanceError(
        'SUBJECTS_INVALID',
        `${this.source}: empty input, no subjects found`
      );
    }
    return Array.from(this.byName.values(), (s) => s.subject);
  }
}
