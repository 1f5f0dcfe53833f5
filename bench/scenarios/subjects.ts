// Synthetic subject lists: sha256sum-format lines with distinct names and digests.
import { writeFileSync } from 'node:fs';

export function subjectLine(i: number): string {
  const digest = (i + 1).toString(16).padStart(64, '0');
  return `${digest}  dist/artifact-${String(i).padStart(6, '0')}.bin`;
}

export function writeSubjectsFile(path: string, count: number): void {
  const lines = Array.from({ length: count }, (_, i) => subjectLine(i));
  writeFileSync(path, `${lines.join('\n')}\n`);
}
