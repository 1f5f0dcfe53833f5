// Cold start of the bundled action: dist/ size, and process start → first log line.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface DistSize {
  indexBytes: number;
  totalBytes: number;
  /** Every .js file directly in the folder (chunks included, sub-folders not), largest first. */
  files: { name: string; bytes: number }[];
}

export function distSize(dir: string): DistSize {
  const files = readdirSync(dir)
    .map(String)
    .filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile())
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    indexBytes: statSync(join(dir, 'index.js')).size,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    files
  };
}
