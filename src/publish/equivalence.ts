// A re-run signs again, so its bytes differ from what an earlier attempt published. Publishers
// keep the earlier file (never clobber) when it attests the same build: the same subjects from
// the same source, builder and parameters. Only the run metadata (attempt, times) may differ.
// The earlier file is not re-verified here; consumers verify whatever they download.
import { isDeepStrictEqual } from 'node:util';
import { statementOfBundle } from '../provenance/statement-of-bundle.js';
import type { ProvenancePredicateV1, Statement } from '../types.js';

function statementsOf(jsonl: Buffer): Statement<ProvenancePredicateV1>[] | undefined {
  const out: Statement<ProvenancePredicateV1>[] = [];
  for (const line of jsonl.toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    let bundle: unknown;
    try {
      bundle = JSON.parse(line);
    } catch {
      return undefined;
    }
    const decoded = statementOfBundle(bundle);
    if (!decoded.ok) return undefined;
    out.push(decoded.statement as unknown as Statement<ProvenancePredicateV1>);
  }
  return out.length > 0 ? out : undefined;
}

/** The parts of a statement that identify the build, without per-attempt metadata. */
function buildIdentity(s: Statement<ProvenancePredicateV1>): unknown {
  return {
    predicateType: s.predicateType,
    buildDefinition: s.predicate?.buildDefinition,
    builder: s.predicate?.runDetails?.builder
  };
}

function subjectKeys(statements: readonly Statement<ProvenancePredicateV1>[]): string[] {
  return statements
    .flatMap((s) =>
      (Array.isArray(s.subject) ? s.subject : []).map((x) => JSON.stringify([x.name, x.digest]))
    )
    .sort();
}

export function attestsSameBuild(
  existing: Buffer,
  ours: readonly Statement<ProvenancePredicateV1>[]
): boolean {
  return sameBuild(statementsOf(existing), ours);
}

/** The same test for one DSSE payload (base64), as found in an OCI attestation. */
export function payloadAttestsSameBuild(
  payloadBase64: string,
  ours: readonly Statement<ProvenancePredicateV1>[]
): boolean {
  try {
    const statement = JSON.parse(Buffer.from(payloadBase64, 'base64').toString('utf8'));
    return sameBuild([statement as Statement<ProvenancePredicateV1>], ours);
  } catch {
    return false;
  }
}

function sameBuild(
  theirs: Statement<ProvenancePredicateV1>[] | undefined,
  ours: readonly Statement<ProvenancePredicateV1>[]
): boolean {
  if (!theirs || ours.length === 0) return false;
  // Read from a registry or a release: anything that is not an object attests nothing.
  if (!theirs.every((s) => typeof s === 'object' && s !== null)) return false;
  const identity = buildIdentity(ours[0]!);
  if (!theirs.every((s) => isDeepStrictEqual(buildIdentity(s), identity))) return false;
  return isDeepStrictEqual(subjectKeys(theirs), subjectKeys(ours));
}
