// Subject names and input fragments are hostile: an error message shows them escaped and
// shortened, never raw (no terminal escapes, no bidi tricks, no workflow commands).
import { safeLogText } from '../sanitize.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Controls, invisible format characters (bidi marks, zero-width, tags) and line separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `value` as an inert, quoted, at most ~`max` character fragment for an error message. */
export function quoteForMessage(value: string, max = 80): string {
  const visible = value
    .replace(LONE_SURROGATE, escapeCodePoint)
    .replace(INVISIBLE, escapeCodePoint);
  return `"${safeLogText(visible, max).replace(/"/g, '\\"')}"`;
}

function escapeCodePoint(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** A digest shortened for a message: enough to tell two apart. */
export function shortDigest(hex: string): string {
  return hex.length > 16 ? `${hex.slice(0, 16)}…` : hex;
}

const ANY_SURROGATE = /[\ud800-\udfff]/;

export function hasLoneSurrogate(value: string): boolean {
  if (!ANY_SURROGATE.test(value)) return false; // the common case, without the lookarounds
  LONE_SURROGATE.lastIndex = 0;
  const found = LONE_SURROGATE.test(value);
  LONE_SURROGATE.lastIndex = 0;
  return found;
}
