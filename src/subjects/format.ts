// Subjects written back as sha256sum-format text, exactly what `sha256sum` would print, so a
// file list hashed by our helper and one hashed by coreutils are interchangeable.
import type { DigestAlgorithm, Subject } from '../types.js';

/** One `<hex>  <name>` line per subject (GNU escaping for names holding a backslash). */
export function formatSubjectsText(
  subjects: readonly Subject[],
  algorithm: DigestAlgorithm
): string {
  const lines: string[] = [];
  for (const subject of subjects) {
    const hex = subject.digest[algorithm];
    if (hex === undefined) {
      throw new Error(`subject ${JSON.stringify(subject.name)} has no ${algorithm} digest`);
    }
    // Names never hold LF or CR (subjectNameProblem), so only the backslash needs escaping.
    lines.push(
      subject.name.includes('\\')
        ? `\\${hex}  ${subject.name.replace(/\\/g, '\\\\')}\n`
        : `${hex}  ${subject.name}\n`
    );
  }
  return lines.join('');
}

/** The `base64-subjects` value: base64 of the sha256sum-format text, on one line. */
export function formatBase64Subjects(
  subjects: readonly Subject[],
  algorithm: DigestAlgorithm
): string {
  return Buffer.from(formatSubjectsText(subjects, algorithm), 'utf8').toString('base64');
}
