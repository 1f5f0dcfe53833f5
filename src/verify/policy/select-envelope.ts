// A provenance file may carry several envelopes (one per line). Each is judged on its own;
// the file passes when one of them passes the whole policy. When none does, every reason is
// reported, so a user sees why each was refused.
import { ProvenanceError, describeError } from '../../errors.js';
import type { VerifiedEnvelope } from '../core/types.js';
import { evaluatePolicy } from './evaluate.js';
import { evidenceFromEnvelope } from './evidence.js';
import type { PolicyEvidence, PolicyOutcome, VerifyPolicy } from './types.js';

export interface PolicyPass {
  envelope: VerifiedEnvelope;
  evidence: PolicyEvidence;
  outcome: PolicyOutcome;
}

export function selectPassingEnvelope(
  envelopes: VerifiedEnvelope[],
  policy: VerifyPolicy
): PolicyPass {
  if (envelopes.length === 0)
    throw new ProvenanceError(
      'VERIFY_FAILED',
      'provenance: expected at least one verified envelope, found none'
    );
  const failures: { index: number; error: unknown }[] = [];
  // npm's publish attestation is key-signed: never evidence on its own, read beside the provenance.
  const isCompanion = (e: VerifiedEnvelope) =>
    e.signer.kind === 'key' && e.format === 'npm-attestations';
  const companions = envelopes.filter(isCompanion).map((e) => e.statement);
  const candidates = envelopes.filter((e) => !isCompanion(e));
  for (const envelope of candidates.length > 0 ? candidates : envelopes) {
    try {
      const evidence = { ...evidenceFromEnvelope(envelope), companions };
      return { envelope, evidence, outcome: evaluatePolicy(evidence, policy) };
    } catch (error) {
      if (!(error instanceof ProvenanceError)) throw error;
      failures.push({ index: envelope.index, error });
    }
  }
  const first = failures[0]?.error;
  if (failures.length === 1 && first instanceof ProvenanceError) throw first;
  // A split provenance fails the same way in every envelope: say each distinct reason once.
  const byReason = new Map<string, number[]>();
  for (const f of failures) {
    const reason = describeError(f.error);
    byReason.set(reason, [...(byReason.get(reason) ?? []), f.index]);
  }
  const reasons = [...byReason]
    .map(([reason, indexes]) =>
      indexes.length === failures.length && failures.length > 1
        ? reason
        : `${indexes.map((i) => `#${i}`).join(', ')}: ${reason}`
    )
    .join('; ');
  throw new ProvenanceError(
    'VERIFY_FAILED',
    `none of the ${failures.length} envelopes passed: ${reasons}`
  );
}
