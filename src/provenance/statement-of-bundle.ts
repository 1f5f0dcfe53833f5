// The in-toto statement a DSSE envelope (or the Sigstore bundle holding one) signs: the payload,
// base64-decoded and parsed. One decoder for every place that looks inside a signed bundle
// (publishers matching subjects, re-run detection, OCI checks); each caller words its own error
// from the problem returned, so the decoding rules cannot drift apart.
import { INTOTO_PAYLOAD_TYPE } from '../types.js';

export type StatementOutcome =
  { ok: true; statement: Record<string, unknown> } | { ok: false; problem: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The envelope's payload as a statement: in-toto payload type, base64 of a JSON object. */
export function statementOfEnvelope(envelope: unknown): StatementOutcome {
  if (!isRecord(envelope)) return { ok: false, problem: 'no DSSE envelope' };
  const { payloadType, payload } = envelope;
  if (payloadType !== INTOTO_PAYLOAD_TYPE)
    return {
      ok: false,
      problem: `payloadType ${JSON.stringify(payloadType) ?? 'undefined'} is not ${INTOTO_PAYLOAD_TYPE}`
    };
  if (typeof payload !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload))
    return { ok: false, problem: 'the DSSE payload is not base64' };
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return { ok: false, problem: 'the DSSE payload is not JSON' };
  }
  if (!isRecord(statement))
    return { ok: false, problem: 'the DSSE payload is not a JSON object (an in-toto statement)' };
  return { ok: true, statement };
}

/** The statement of a Sigstore bundle with DSSE content (`dsseEnvelope`). */
export function statementOfBundle(bundle: unknown): StatementOutcome {
  if (!isRecord(bundle) || !isRecord(bundle.dsseEnvelope))
    return { ok: false, problem: 'the bundle has no dsseEnvelope' };
  return statementOfEnvelope(bundle.dsseEnvelope);
}
