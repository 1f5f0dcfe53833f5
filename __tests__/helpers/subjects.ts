// Subject lists for tests: deterministic digests and the encodings a build job produces.
import { createHash } from 'node:crypto';
import type { Subject } from '../../src/types.js';

/** A digest that depends only on its seed, so a test's subjects are the same on every run. */
export function digestOf(seed: string, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return createHash(algorithm).update(seed).digest('hex');
}

export function makeSubjects(
  count: number,
  options: { prefix?: string; algorithm?: 'sha256' | 'sha512' } = {}
): Subject[] {
  const algorithm = options.algorithm ?? 'sha256';
  const prefix = options.prefix ?? 'artifact';
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${String(i).padStart(6, '0')}.bin`;
    return { name, digest: { [algorithm]: digestOf(name, algorithm) } };
  });
}

/** `sha256sum`/`sha512sum` output; `binary` uses the `*` marker of `sha256sum -b`. */
export function sha256sumText(
  subjects: readonly Subject[],
  options: { binary?: boolean } = {}
): string {
  const marker = options.binary ? '*' : ' ';
  return subjects
    .map((s) => `${s.digest.sha256 ?? s.digest.sha512 ?? ''} ${marker}${s.name}\n`)
    .join('');
}

export function base64Of(text: string | Buffer): string {
  return Buffer.from(text).toString('base64');
}

/** The JSON subjects form: `[{"name": …, "digest": {…}}]`. */
export function jsonSubjects(subjects: readonly Subject[]): string {
  return JSON.stringify(subjects.map((s) => ({ name: s.name, digest: s.digest })));
}
