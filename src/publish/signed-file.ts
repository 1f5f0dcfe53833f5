// Publish mode reads back the .intoto.jsonl the provenance job signed: the file's sha256 must be
// the one that job reported (a job output the build job cannot touch), and each line must be a
// DSSE bundle over an in-toto statement with our predicate. Pure functions; no I/O.
import { createHash } from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { ProvenanceError } from '../errors.js';
import { statementOfBundle } from '../provenance/statement-of-bundle.js';
import { safeLogText } from '../sanitize.js';
import { SLSA_PROVENANCE_V1, type ProvenancePredicateV1, type Statement } from '../types.js';

export interface SignedProvenance {
  bundles: SerializedBundle[];
  statements: Statement<ProvenancePredicateV1>[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses a file whose digest is not the one the signing job reported. */
export function checkProvenanceDigest(content: Buffer, expectedSha256: string): void {
  if (!SHA256_HEX.test(expectedSha256)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `provenance-sha256: expected 64 lowercase hex digits (the provenance job's provenance-sha256 output), found "${safeLogText(expectedSha256, 80)}"`
    );
  }
  const found = createHash('sha256').update(content).digest('hex');
  if (found !== expectedSha256) {
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      `provenance digest mismatch: the provenance job signed a file with sha256 ${expectedSha256}, the workflow artifact holds ${found}; refusing to publish it`
    );
  }
}

function lineError(index: number, problem: string): ProvenanceError {
  return new ProvenanceError('FORMAT_INVALID', `provenance line ${index + 1}: ${problem}`);
}

/** Bundles and their statements, line by line; any line that is not ours refuses the file. */
export function parseSignedProvenance(content: Buffer): SignedProvenance {
  const bundles: SerializedBundle[] = [];
  const statements: Statement<ProvenancePredicateV1>[] = [];
  const lines = content.toString('utf8').split('\n');
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    let bundle: SerializedBundle;
    try {
      bundle = JSON.parse(line) as SerializedBundle;
    } catch {
      throw lineError(index, 'expected a JSON Sigstore bundle, found unparsable text');
    }
    const decoded = statementOfBundle(bundle);
    if (!decoded.ok)
      throw lineError(
        index,
        `expected a DSSE bundle signing an in-toto statement, found ${decoded.problem}`
      );
    const statement = decoded.statement as unknown as Statement<ProvenancePredicateV1>;
    if (statement.predicateType !== SLSA_PROVENANCE_V1) {
      throw lineError(
        index,
        `expected predicateType ${SLSA_PROVENANCE_V1}, found ${safeLogText(String(statement?.predicateType), 120)}`
      );
    }
    bundles.push(bundle);
    statements.push(statement);
  }
  if (bundles.length === 0) {
    throw new ProvenanceError('FORMAT_INVALID', 'the provenance file holds no bundle');
  }
  return { bundles, statements };
}

/** The signed source: `https://github.com/<repo>`, ref and commit, from the first statement. */
export function signedSource(statement: Statement<ProvenancePredicateV1>): {
  repositoryUri: string;
  ref: string;
  commit: string;
} {
  const workflow = statement.predicate?.buildDefinition?.externalParameters?.workflow;
  const commit =
    statement.predicate?.buildDefinition?.resolvedDependencies?.[0]?.digest?.['gitCommit'];
  if (!workflow || typeof workflow.ref !== 'string' || typeof commit !== 'string') {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      'the provenance names no source workflow ref and commit (externalParameters.workflow, resolvedDependencies[0])'
    );
  }
  return { repositoryUri: workflow.repository, ref: workflow.ref, commit };
}

/**
 * The release the file goes to: upload-tag-name, else the signed ref when it is a tag. Read
 * from the signed statement, not the publish job's environment.
 */
export function releaseTagOf(uploadTagName: string, signedRef: string): string {
  if (uploadTagName !== '') {
    // git check-ref-format's rules, narrowed to what a release tag reasonably is.
    if (
      !/^[A-Za-z0-9][A-Za-z0-9._/+-]{0,199}$/.test(uploadTagName) ||
      /\.\.|\/\/|\.lock$|\/$|\.$/.test(uploadTagName)
    ) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `upload-tag-name: expected a tag name (letters, digits and ._/+-), found "${safeLogText(uploadTagName, 80)}"`
      );
    }
    return uploadTagName;
  }
  if (signedRef.startsWith('refs/tags/')) return signedRef.slice('refs/tags/'.length);
  throw new ProvenanceError(
    'INPUT_INVALID',
    `upload-assets: the signed ref ${safeLogText(signedRef)} is not a tag; set upload-tag-name`
  );
}
