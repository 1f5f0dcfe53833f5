// What the demo checks about the published bundles' log entries for `--rekor-version`: every
// entry is the kind that log version writes (issue 13's done-when), so a run that silently fell
// back to the other log would fail.
//   v1: `dsse` 0.0.1 with a signed entry timestamp and an inclusion proof (Rekor v1)
//   v2: `hashedrekord` 0.0.2 over the DSSE PAE with a checkpointed inclusion proof, no SET, and
//       an RFC 3161 timestamp in the bundle (Rekor v2 gives no time)
import type { SerializedBundle } from '@sigstore/bundle';

export function checkLogEntries(
  bundles: readonly SerializedBundle[],
  rekorVersion: 1 | 2
): { ok: boolean; line: string } {
  const problems: string[] = [];
  bundles.forEach((bundle, i) => {
    const entries = bundle.verificationMaterial.tlogEntries;
    const timestamps =
      bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [];
    if (entries.length !== 1) problems.push(`bundle ${i}: ${entries.length} log entries`);
    for (const e of entries) {
      const kind = `${e.kindVersion?.kind ?? '?'} ${e.kindVersion?.version ?? '?'}`;
      const checkpoint = Boolean(e.inclusionProof?.checkpoint?.envelope);
      if (rekorVersion === 2) {
        if (kind !== 'hashedrekord 0.0.2') problems.push(`bundle ${i}: ${kind} entry`);
        if (!checkpoint) problems.push(`bundle ${i}: no checkpoint`);
        if (e.inclusionPromise) problems.push(`bundle ${i}: a SET (Rekor v2 has none)`);
        if (timestamps.length === 0) problems.push(`bundle ${i}: no RFC 3161 timestamp`);
      } else {
        if (kind !== 'dsse 0.0.1') problems.push(`bundle ${i}: ${kind} entry`);
        if (!e.inclusionPromise) problems.push(`bundle ${i}: no SET`);
      }
    }
  });
  const what =
    rekorVersion === 2
      ? 'hashedrekord 0.0.2 entries with a checkpoint and an RFC 3161 timestamp (Rekor v2)'
      : 'dsse 0.0.1 entries with a SET (Rekor v1)';
  return problems.length === 0
    ? { ok: true, line: `every one of ${bundles.length} bundles: ${what}` }
    : { ok: false, line: `expected ${what}; ${problems.slice(0, 5).join('; ')}` };
}
