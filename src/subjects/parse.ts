// Entry points for the tenant-controlled subjects: the `base64-subjects` job output, and
// subject files (plain text or JSON) for sets too large for a job output.
import { ProvenanceError } from '../errors.js';
import type { Subject } from '../types.js';
import { SubjectCollector } from './collector.js';
import { collectJsonSubjects } from './json.js';
import { quoteForMessage } from './quote.js';
import { collectSha256sumLines } from './sha256sum.js';

const BASE64_WHITESPACE = /[ \t\r\n]+/g;

/**
 * Decodes base64 of sha256sum-format lines or of the JSON form. Whitespace anywhere is
 * ignored, so both `base64 -w0` and the 76-column wrapped `base64` output work. The base64
 * must be standard (not URL-safe) and padded: a length that is not a multiple of 4 usually
 * means a truncated output, which must not be signed.
 */
export function parseBase64Subjects(b64: string, source = 'base64-subjects'): Subject[] {
  const compact = b64.replace(BASE64_WHITESPACE, '');
  if (compact.length === 0) {
    throw new ProvenanceError('SUBJECTS_INVALID', `${source}: empty input, no subjects found`);
  }
  // Node's decoder skips what it does not understand; encoding the bytes again and comparing
  // is a fast, exact check that the input was canonical base64 (the slow path says why not).
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.toString('base64') !== compact) throw whyNotBase64(b64, compact, source);
  return parseSubjectsBytes(bytes, source);
}

/** Subjects from the bytes of a subjects file or decoded base64; the bytes must be UTF-8. */
export function parseSubjectsBytes(bytes: Uint8Array, source = 'subjects'): Subject[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw invalidUtf8(bytes, source);
  }
  return parseSubjectsText(text, source);
}

/**
 * Subjects from text: the JSON form when the first non-blank character is `[` (a sha256sum
 * line starts with a hex digit or `\`), sha256sum lines otherwise. A leading byte-order mark
 * (Windows editors add one) is ignored.
 */
export function parseSubjectsText(text: string, source = 'subjects'): Subject[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (/^\s*\[/.test(body)) {
    const collector = new SubjectCollector(source, 'entry');
    collectJsonSubjects(body, collector);
    return collector.finish();
  }
  const collector = new SubjectCollector(source, 'line');
  collectSha256sumLines(body, collector);
  return collector.finish();
}

function whyNotBase64(original: string, compact: string, source: string): ProvenanceError {
  const fail = (where: string, reason: string) =>
    new ProvenanceError('SUBJECTS_INVALID', `${source}, ${where}: bad base64: ${reason}`);
  const lines = original.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const at = line.search(/[^A-Za-z0-9+/= \t\r]/);
    if (at >= 0) {
      return fail(
        `line ${i + 1}`,
        `character ${quoteForMessage(line.charAt(at))} at column ${at + 1} is not in the base64 alphabet`
      );
    }
  }
  const firstPad = compact.indexOf('=');
  if (firstPad >= 0 && !/^={1,2}$/.test(compact.slice(firstPad))) {
    for (let i = 0; i < lines.length; i++) {
      const pad = (lines[i] as string).indexOf('=');
      if (pad >= 0) {
        return fail(
          `line ${i + 1}`,
          `misplaced "=" at column ${pad + 1} (padding may only end the data, at most two)`
        );
      }
    }
  }
  if (compact.length % 4 !== 0) {
    return fail(
      'input',
      `${compact.length} characters is not a multiple of 4 (truncated or unpadded?)`
    );
  }
  return fail('input', 'the final characters carry extra bits (not canonical base64)');
}

function invalidUtf8(bytes: Uint8Array, source: string): ProvenanceError {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return new ProvenanceError(
        'SUBJECTS_INVALID',
        `${source}, line ${line}: not valid UTF-8 (names must be UTF-8 text)`
      );
    }
    start = end + 1;
  }
  return new ProvenanceError('SUBJECTS_INVALID', `${source}: not valid UTF-8`);
}
