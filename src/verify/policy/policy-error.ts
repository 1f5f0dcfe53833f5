// Every policy failure reads "<what>: expected <X>, found <Y>" so a user can see at once
// which flag or which part of the provenance disagrees.
import { ProvenanceError } from '../../errors.js';

export function mismatch(
  what: string,
  expected: string,
  found: string,
  hint?: string
): ProvenanceError {
  const message = `${what}: expected ${expected}, found ${found}`;
  return new ProvenanceError('VERIFY_FAILED', hint ? `${message} (${hint})` : message);
}
