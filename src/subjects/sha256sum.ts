// The `sha256sum` / `sha512sum` line format, as build jobs produce it with
// `sha256sum dist/* | base64 -w0`:
//   <hex>  <name>     text mode (two spaces)
//   <hex> *<name>     binary mode (space, asterisk)
//   \<hex>  <name>    GNU escaping: a name holding `\`, LF or CR is written with `\\`, `\n`, `\r`
//
// Decisions:
// - Lines end in LF; one CR before the LF is dropped too, so CRLF files work. A CR anywhere
//   else is part of the name and rejected as a control character.
// - Blank (or spaces/tabs only) lines are skipped, so a trailing newline, or files
//   concatenated with an empty line between them, are fine.
// - The name is everything after the separator, spaces included: `sha256sum` prints the file
//   name verbatim, and " a" and "a" are different files.
// - Line numbers in messages count from 1 over the decoded text, blank lines included.
import { checkHexDigest } from './digest.js';
import type { SubjectCollector } from './collector.js';
import { subjectNameProblem } from './name.js';
import { quoteForMessage } from './quote.js';

const BLANK = /^[ \t]*$/;

export function collectSha256sumLines(text: string, collector: SubjectCollector): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (BLANK.test(line)) continue;
    const where = i + 1;
    const fail = (reason: string) => collector.error(where, reason);

    const escaped = line.startsWith('\\');
    const body = escaped ? line.slice(1) : line;
    const space = body.indexOf(' ');
    if (space < 0) {
      throw fail(`expected "<hex digest>  <name>" but found no space after the digest`);
    }
    const digest = checkHexDigest(body.slice(0, space));
    if ('problem' in digest) throw fail(digest.problem);
    const marker = body[space + 1];
    if (marker !== ' ' && marker !== '*') {
      throw fail(`expected two spaces or " *" between the digest and the name`);
    }
    const rawName = body.slice(space + 2);
    if (rawName.length === 0) throw fail('missing name after the digest');
    const name = escaped ? unescapeName(rawName, fail) : rawName;
    const problem = subjectNameProblem(name);
    if (problem) throw fail(`${problem}: ${quoteForMessage(name)}`);
    collector.add(name, digest.algorithm, digest.hex, where);
  }
}

function unescapeName(raw: string, fail: (reason: string) => Error): string {
  return raw.replace(/\\(.?)/gs, (_all, next: string) => {
    if (next === '\\') return '\\';
    if (next === 'n') return '\n';
    if (next === 'r') return '\r';
    throw fail(
      `invalid escape ${quoteForMessage(`\\${next}`)} in an escaped name (sha256sum writes only \\\\, \\n and \\r)`
    );
  });
}
