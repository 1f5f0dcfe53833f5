// Hex digests as tenants write them. Uppercase hex is accepted and normalised to lowercase:
// the bytes are the same, and in-toto digests are compared as lowercase strings.
import type { DigestAlgorithm } from '../types.js';
import { HEX_LENGTH } from './limits.js';
import { quoteForMessage } from './quote.js';

const NON_HEX = /[^0-9a-fA-F]/;

/** Lowercase `hex` when it is a digest of `algorithm` (or of the algorithm its length implies). */
export function checkHexDigest(
  hex: string,
  algorithm?: DigestAlgorithm
): { algorithm: DigestAlgorithm; hex: string } | { problem: string } {
  if (hex.length === 0) return { problem: 'missing digest' };
  const plain = isLowerHex(hex);
  const bad = plain ? null : NON_HEX.exec(hex);
  if (bad) {
    return {
      problem: `digest contains a non-hex character ${quoteForMessage(bad[0])} at character ${bad.index + 1}`
    };
  }
  if (algorithm) {
    const want = HEX_LENGTH[algorithm];
    if (hex.length !== want) {
      return {
        problem: `${algorithm} digest has ${hex.length} hex characters; expected ${want}`
      };
    }
    return { algorithm, hex: plain ? hex : hex.toLowerCase() };
  }
  const implied = algorithmForLength(hex.length);
  if (!implied) {
    return {
      problem: `digest has ${hex.length} hex characters; expected 64 (sha256) or 128 (sha512)`
    };
  }
  return { algorithm: implied, hex: plain ? hex : hex.toLowerCase() };
}

function algorithmForLength(length: number): DigestAlgorithm | undefined {
  if (length === HEX_LENGTH.sha256) return 'sha256';
  if (length === HEX_LENGTH.sha512) return 'sha512';
  return undefined;
}

// A plain loop: this runs once per subject and is several times faster than a regex here.
function isLowerHex(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
