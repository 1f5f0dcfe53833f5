// parseProvenance: DSSE payloadType + payload bytes → one normalised ProvenanceView.
import { SLSA_PROVENANCE_V1 } from '../../types.js';
import { normalisePredicateV02 } from './predicate-v02.js';
import { normalisePredicateV1 } from './predicate-v1.js';
import { parseStatementPayload } from './statement.js';
import { parseSubjects } from './subjects.js';
import type { ProvenanceView } from './view.js';

export type { ProvenanceView, BuildTypeFamily, PredicateVersion } from './view.js';
export { SLSA_PROVENANCE_V02, STATEMENT_TYPE_V01 } from './statement.js';

export function parseProvenance(payloadType: string, payload: Uint8Array | string): ProvenanceView {
  const statement = parseStatementPayload(payloadType, payload);
  const subjects = parseSubjects(statement.subject);
  const fields =
    statement.predicateType === SLSA_PROVENANCE_V1
      ? normalisePredicateV1(statement.predicate)
      : normalisePredicateV02(statement.predicate);
  return {
    statementType: statement.statementType,
    predicateType: statement.predicateType,
    ...fields,
    subjects
  };
}
