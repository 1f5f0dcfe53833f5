// The artifact a caller wants checked: either its bytes or just its digest (`sha256:<hex>`).
import { createHash } from 'node:crypto';
import { ProvenanceError } from '../../errors.js';

export type ArtifactInput =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'digest'; algorithm: 'sha256' | 'sha384' | 'sha512'; digest: Buffer };

const DIGEST_LENGTHS = { sha256: 32, sha384: 48, sha512: 64 } as const;

/** Parses `sha256:<hex>` (also sha384/sha512); anything else is INPUT_INVALID. */
export function parseArtifactDigest(text: string): ArtifactInput {
  const match = /^(sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(text);
  const algorithm = match?.[1] as keyof typeof DIGEST_LENGTHS | undefined;
  const hex = match?.[2];
  if (!algorithm || !hex || hex.length !== DIGEST_LENGTHS[algorithm] * 2) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `expected an artifact digest like sha256:<64 hex digits>, found ${JSON.stringify(text.slice(0, 80))}`
    );
  }
  return { kind: 'digest', algorithm, digest: Buffer.from(hex, 'hex') };
}

export function artifactDigest(artifact: ArtifactInput, algorithm: string): Buffer | undefined {
  if (artifact.kind === 'digest')
    return artifact.algorithm === algorithm ? artifact.digest : undefined;
  return createHash(algorithm).update(artifact.bytes).digest();
}

export function describeArtifact(artifact: ArtifactInput): string {
  if (artifact.kind === 'digest') return `${artifact.algorithm}:${artifact.digest.toString('hex')}`;
  return `sha256:${createHash('sha256').update(artifact.bytes).digest('hex')}`;
}
