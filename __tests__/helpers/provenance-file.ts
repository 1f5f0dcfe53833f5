// Reads a `.intoto.jsonl` file the way a consumer does: one Sigstore bundle (JSON) per line,
// each carrying a DSSE envelope whose payload is an in-toto statement.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ProvenancePredicateV1, Statement } from '../../src/types.js';

export interface BundleJson {
  mediaType: string;
  verificationMaterial: {
    certificate?: { rawBytes: string };
    tlogEntries?: unknown[];
    timestampVerificationData?: { rfc3161Timestamps?: unknown[] };
  };
  dsseEnvelope: {
    payload: string;
    payloadType: string;
    signatures: { sig: string; keyid?: string }[];
  };
}

export interface ProvenanceFile {
  path: string;
  content: Buffer;
  sha256: string;
  /** The file split on newlines, without the final empty string after the last newline. */
  lines: string[];
  bundles: BundleJson[];
  statements: Statement<ProvenancePredicateV1>[];
}

export function readProvenanceFile(path: string): ProvenanceFile {
  const content = readFileSync(path);
  const text = content.toString('utf8');
  const lines = text.split('\n');
  // A newline-terminated file splits into its lines plus one empty string.
  if (lines.pop() !== '') throw new Error(`${path}: the last line is not newline-terminated`);
  const bundles = lines.map((line) => JSON.parse(line) as BundleJson);
  const statements = bundles.map(
    (b) =>
      JSON.parse(
        Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8')
      ) as Statement<ProvenancePredicateV1>
  );
  return {
    path,
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    lines,
    bundles,
    statements
  };
}
