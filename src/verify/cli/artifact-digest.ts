// An artifact is named by a file to hash, or directly by `sha256:HEX` / `sha512:HEX` when the
// file itself is not at hand.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ProvenanceError, describeError } from '../../errors.js';
import type { ArtifactDigest } from '../policy/types.js';

const GIVEN_DIGEST = /^(sha256|sha512):([0-9a-fA-F]+)$/;
const LENGTHS = { sha256: 64, sha512: 128 } as const;

export async function resolveArtifact(argument: string): Promise<ArtifactDigest> {
  const given = GIVEN_DIGEST.exec(argument);
  if (given) {
    const algorithm = given[1] as 'sha256' | 'sha512';
    const hex = (given[2] as string).toLowerCase();
    if (hex.length !== LENGTHS[algorithm]) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `artifact digest ${argument}: expected ${LENGTHS[algorithm]} hex characters after ${algorithm}:, found ${hex.length}`
      );
    }
    return { label: argument, algorithm, hex };
  }
  const { sha256, sha512 } = await hashFile(argument);
  return {
    label: argument,
    algorithm: 'sha256',
    hex: sha256,
    alternates: [{ algorithm: 'sha512', hex: sha512 }]
  };
}

/** One read, both digests: subjects are sha256 for most producers, sha512 for npm tarballs. */
function hashFile(path: string): Promise<{ sha256: string; sha512: string }> {
  return new Promise((resolve, reject) => {
    const sha256 = createHash('sha256');
    const sha512 = createHash('sha512');
    createReadStream(path)
      .on('error', (e) =>
        reject(
          new ProvenanceError('INPUT_INVALID', `cannot read artifact ${path}: ${describeError(e)}`)
        )
      )
      .on('data', (chunk) => {
        sha256.update(chunk);
        sha512.update(chunk);
      })
      .on('end', () => resolve({ sha256: sha256.digest('hex'), sha512: sha512.digest('hex') }));
  });
}
