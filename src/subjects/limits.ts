// Hard limits on the tenant-controlled subjects. They bound the work the provenance job does
// for one hostile input and keep the signed statement a sensible size.
import type { DigestAlgorithm } from '../types.js';

/** At most this many distinct subjects in one provenance statement. */
export const MAX_SUBJECTS = 100_000;

/** A subject name may take at most this many bytes in UTF-8. */
export const MAX_NAME_BYTES = 1024;

/** Hex length of each digest we accept; the length is how a sha256sum line says its algorithm. */
export const HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { sha256: 64, sha512: 128 };

export const SUPPORTED_ALGORITHMS: readonly DigestAlgorithm[] = ['sha256', 'sha512'];

export function isSupportedAlgorithm(value: string): value is DigestAlgorithm {
  return value === 'sha256' || value === 'sha512';
}
