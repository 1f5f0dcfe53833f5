// The in-toto Statement v1 around the predicate, its one serialisation (the bytes that get
// signed), and the split of very large subject sets across several statements.
import { quote } from '../context/shapes.js';
import { ProvenanceError } from '../errors.js';
import {
  SLSA_PROVENANCE_V1,
  STATEMENT_TYPE,
  type ProvenancePredicateV1,
  type Statement,
  type Subject
} from '../types.js';

/** Subjects copied into the canonical shape: name, then digests in a fixed order, nothing else. */
function canonicalSubject(subject: Subject): Subject {
  const digest: Subject['digest'] = {};
  if (subject.digest.sha256 !== undefined) digest.sha256 = subject.digest.sha256;
  if (subject.digest.sha512 !== undefined) digest.sha512 = subject.digest.sha512;
  return { name: subject.name, digest };
}

export function buildStatement(
  subjects: readonly Subject[],
  predicate: ProvenancePredicateV1
): Statement<ProvenancePredicateV1> {
  if (subjects.length === 0)
    throw new ProvenanceError('SUBJECTS_INVALID', 'a statement needs at least one subject');
  return {
    _type: STATEMENT_TYPE,
    subject: subjects.map(canonicalSubject),
    predicateType: SLSA_PROVENANCE_V1,
    predicate
  };
}

/**
 * The statement's bytes: compact JSON with keys in the order the builders created them.
 * Every object in a statement is built by this module or predicate.ts (inputs sorted by
 * name), never copied from input, so the same context and subjects give the same bytes.
 */
export function serializeStatement(statement: Statement<ProvenancePredicateV1>): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/*
 * How many subjects per statement (one statement = one DSSE envelope = one Sigstore bundle,
 * one Rekor entry, one attestations API record).
 *
 * - Rekor: the server's `max_request_body_size` defaults to 0 (no limit), but the public
 *   instance sits behind an ingress that refuses large bodies (413; rekor issue #220 settled
 *   on 32 MB, and rekor issue #2808 reports the public limit as undocumented). A dsse entry
 *   carries the whole envelope (payload base64: 4/3 of the statement). Rekor's
 *   `max_attestation_size` (100 KiB) only decides whether an attestation is *stored*; dsse
 *   entries keep hashes only, so it does not bound us.
 * - GitHub: actions/attest-build-provenance caps one attestation at 1024 subjects (later
 *   2500), attest-sbom caps a predicate at 16 MB; the attestations API indexes the bundle
 *   under every subject digest and a verifier downloads the whole bundle per artifact.
 *
 * Default: at most 1024 subjects and 1 MiB of serialised statement per bundle. 1024 is the
 * subject count GitHub's own attest action shipped with for the attestations API; 1 MiB
 * keeps the Rekor request (~1.4 MB with base64 and certificate) a fortieth of the 32 MB
 * ingress limit and each download per artifact small, even with long names and both digests.
 */
export const DEFAULT_MAX_SUBJECTS_PER_STATEMENT = 1024;
export const DEFAULT_MAX_STATEMENT_BYTES = 1024 * 1024;

export interface SplitOptions {
  maxSubjectsPerStatement?: number;
  maxStatementBytes?: number;
}

/**
 * Splits subjects, in their given order, into as few statements as the limits allow; each
 * statement carries the same predicate. A lone subject too big for a statement is refused.
 */
export function splitStatements(
  subjects: readonly Subject[],
  predicate: ProvenancePredicateV1,
  options: SplitOptions = {}
): Statement<ProvenancePredicateV1>[] {
  const maxSubjects = options.maxSubjectsPerStatement ?? DEFAULT_MAX_SUBJECTS_PER_STATEMENT;
  const maxBytes = options.maxStatementBytes ?? DEFAULT_MAX_STATEMENT_BYTES;
  if (!Number.isInteger(maxSubjects) || maxSubjects < 1)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `maxSubjectsPerStatement must be a positive integer, found ${maxSubjects}`
    );
  if (subjects.length === 0)
    throw new ProvenanceError('SUBJECTS_INVALID', 'a statement needs at least one subject');

  // Size of the statement with an empty subject list; each subject then adds its own JSON
  // plus a comma separator (none for the first).
  const emptySize = serializeStatement({
    ...buildStatement([{ name: '', digest: {} }], predicate),
    subject: []
  }).length;
  const statements: Statement<ProvenancePredicateV1>[] = [];
  let chunk: Subject[] = [];
  let size = emptySize;
  for (const subject of subjects) {
    const canonical = canonicalSubject(subject);
    const subjectSize = Buffer.byteLength(JSON.stringify(canonical));
    if (emptySize + subjectSize > maxBytes)
      throw new ProvenanceError(
        'SUBJECTS_INVALID',
        `subject ${quote(subject.name)} alone makes a statement larger than ${maxBytes} bytes`
      );
    const added = subjectSize + (chunk.length > 0 ? 1 : 0);
    if (chunk.length > 0 && (chunk.length >= maxSubjects || size + added > maxBytes)) {
      statements.push(buildStatement(chunk, predicate));
      chunk = [];
      size = emptySize;
    }
    size += subjectSize + (chunk.length > 0 ? 1 : 0);
    chunk.push(canonical);
  }
  statements.push(buildStatement(chunk, predicate));
  return statements;
}
