// The rules for one subject name. A name ends up in signed provenance, in logs and in policy
// engines, so it must be one line of well-formed text that displays as what its bytes say.
import { MAX_NAME_BYTES } from './limits.js';
import { hasLoneSurrogate } from './quote.js';

// C0 controls (NUL, newline, CR, ESC…), DEL, C1 controls, and the Unicode bidirectional
// controls: the embeddings/overrides U+202A–U+202E, the isolates U+2066–U+2069 and the marks
// U+200E, U+200F, U+061C ("Trojan Source": they make text display in a different order),
// and the Unicode line/paragraph separators U+2028, U+2029 (line breaks to some viewers).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Why `name` is not an acceptable subject name, or undefined when it is. */
export function subjectNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'missing name';
  const bad = FORBIDDEN.exec(name);
  if (bad) return describeForbidden(bad[0], bad.index + 1);
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short names skip the byte count.
  if (name.length * 3 > MAX_NAME_BYTES) {
    const bytes = Buffer.byteLength(name, 'utf8');
    if (bytes > MAX_NAME_BYTES) {
      return `name is ${bytes} bytes in UTF-8; at most ${MAX_NAME_BYTES} are allowed`;
    }
  }
  if (hasLoneSurrogate(name)) return 'name is not well-formed Unicode (unpaired surrogate)';
  return undefined;
}

function describeForbidden(ch: string, position: number): string {
  const code = ch.charCodeAt(0);
  const at = `(U+${code.toString(16).toUpperCase().padStart(4, '0')}) at character ${position}`;
  if (code === 0) return `name contains a NUL character ${at}`;
  if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
    return `name contains a line break ${at}`;
  }
  if (code < 0x20) return `name contains a control character ${at}`;
  if (code === 0x7f) return `name contains a DEL character ${at}`;
  if (code <= 0x9f) return `name contains a C1 control character ${at}`;
  return `name contains a bidirectional control character ${at}, which can make it display differently from its bytes`;
}
