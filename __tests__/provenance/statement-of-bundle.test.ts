import { describe, expect, it } from '@jest/globals';
import {
  statementOfBundle,
  statementOfEnvelope
} from '../../src/provenance/statement-of-bundle.js';
import { INTOTO_PAYLOAD_TYPE } from '../../src/types.js';

const statement = { _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType: 'p' };
const envelope = (payload: string, payloadType = INTOTO_PAYLOAD_TYPE) => ({
  payloadType,
  payload,
  signatures: [{ sig: 'AA==' }]
});
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');

describe('statementOfBundle', () => {
  it('decodes the in-toto statement a DSSE bundle signs', () => {
    expect(statementOfBundle({ dsseEnvelope: envelope(b64(statement)) })).toEqual({
      ok: true,
      statement
    });
  });

  it.each([
    ['a message-signature bundle', { messageSignature: {} }, /no dsseEnvelope/],
    [
      'another payload type',
      { dsseEnvelope: envelope(b64(statement), 'text/plain') },
      /"text\/plain" is not application\/vnd.in-toto\+json/
    ],
    ['a payload that is not base64', { dsseEnvelope: envelope('%%%') }, /not base64/],
    [
      'a payload that is not JSON',
      { dsseEnvelope: envelope(Buffer.from('{x').toString('base64')) },
      /not JSON/
    ],
    [
      'a payload that is a JSON array',
      { dsseEnvelope: envelope(b64([statement])) },
      /not a JSON object/
    ],
    ['no bundle at all', null, /no dsseEnvelope/]
  ])('names the problem with %s', (_what, bundle, problem) => {
    const outcome = statementOfBundle(bundle);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.problem).toMatch(problem);
  });

  it('reads an envelope on its own (the OCI publications hold one)', () => {
    expect(statementOfEnvelope(envelope(b64(statement)))).toEqual({ ok: true, statement });
    expect(statementOfEnvelope(undefined)).toEqual({ ok: false, problem: 'no DSSE envelope' });
  });
});
