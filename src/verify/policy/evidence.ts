// From what the core verified to what the policy reads. Fails closed when the core hands
// back an envelope without a certificate identity or without any verified signing time:
// without a transparency-log entry or timestamp, a Fulcio certificate proves nothing about
// when it signed, so such provenance (legacy DSSE files that need an online Rekor search)
// is rejected offline.
import { ProvenanceError } from '../../errors.js';
import type { VerifiedEnvelope } from '../core/types.js';
import { parseProvenance } from '../provenance/index.js';
import type { PolicyEvidence } from './types.js';

export function evidenceFromEnvelope(envelope: VerifiedEnvelope): PolicyEvidence {
  if (envelope.signer.kind !== 'certificate') {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      'signer: expected a Fulcio certificate (keyless workflow identity), found a public-key signature'
    );
  }
  if (envelope.timestamps.length === 0) {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      'signing time: expected a transparency-log entry or RFC 3161 timestamp in the file, found none (this provenance needs an online Rekor lookup)'
    );
  }
  return {
    identity: envelope.signer.identity,
    provenance: parseProvenance(envelope.payloadType, envelope.payload)
  };
}
