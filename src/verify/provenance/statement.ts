// The DSSE payload is attacker-chosen bytes until proven otherwise: check the envelope's
// payloadType, then the Statement's _type and predicateType, before any field is believed.
import { ProvenanceError } from '../../errors.js';
import { INTOTO_PAYLOAD_TYPE, SLSA_PROVENANCE_V1, STATEMENT_TYPE } from '../../types.js';
import { requireObject, type JsonObject } from './json-guards.js';

export const STATEMENT_TYPE_V01 = 'https://in-toto.io/Statement/v0.1';
export const SLSA_PROVENANCE_V02 = 'https://slsa.dev/provenance/v0.2';
const STATEMENT_TYPES = [STATEMENT_TYPE_V01, STATEMENT_TYPE];
const PREDICATE_TYPES = [SLSA_PROVENANCE_V02, SLSA_PROVENANCE_V1];
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

export interface RawStatement {
  statementType: string;
  predicateType: string;
  subject: unknown;
  predicate: unknown;
}

export function parseStatementPayload(
  payloadType: string,
  payload: Uint8Array | string
): RawStatement {
  if (payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(payloadType)}`
    );
  }
  let text: string;
  try {
    text =
      typeof payload === 'string'
        ? payload
        : new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      'statement: expected UTF-8 JSON, found invalid UTF-8 bytes'
    );
  }
  if (text.length > MAX_PAYLOAD_BYTES) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `statement is ${text.length} bytes; the limit is ${MAX_PAYLOAD_BYTES}`
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `statement is not JSON: ${(error as Error).message}`
    );
  }
  return readStatement(requireObject(parsed, 'statement'));
}

function readStatement(statement: JsonObject): RawStatement {
  const statementType = statement._type;
  if (typeof statementType !== 'string' || !STATEMENT_TYPES.includes(statementType)) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `statement _type: expected ${STATEMENT_TYPES.join(' or ')}, found ${JSON.stringify(statementType ?? null)}`
    );
  }
  const predicateType = statement.predicateType;
  if (typeof predicateType !== 'string' || !PREDICATE_TYPES.includes(predicateType)) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `statement predicateType: expected ${PREDICATE_TYPES.join(' or ')}, found ${JSON.stringify(predicateType ?? null)}`
    );
  }
  return {
    statementType,
    predicateType,
    subject: statement.subject,
    predicate: statement.predicate
  };
}
