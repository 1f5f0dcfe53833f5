// Turns the build job's path patterns into the list of files to hash.
//
// Decisions:
// - A pattern is a glob (Node's fs.glob: `*`, `**`, `?`, `[…]`, `{a,b}`), relative to cwd.
//   Like the shell, wildcards do not match names starting with a dot; name those explicitly.
// - A pattern naming an existing path is taken literally, so `app[1].tgz` means that file.
// - A directory named literally stands for every file below it (`dist` = `dist/**/*`);
//   directories that a wildcard happens to match are skipped.
// - `!pattern` excludes matching files (checked against the name relative to cwd).
// - Every including pattern must match at least one file: a typo must not silently drop an
//   artifact from the provenance.
// - Only regular files (or symlinks to them) are hashed; a FIFO or device is an error.
import { glob, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { ProvenanceError } from '../errors.js';
import { MAX_SUBJECTS } from '../subjects/limits.js';
import { subjectNameProblem } from '../subjects/name.js';
import { quoteForMessage } from '../subjects/quote.js';

export interface FoundFile {
  /** Absolute path, for reading. */
  path: string;
  /** Path relative to cwd with `/` separators: the subject name. */
  name: string;
  size: number;
}

/** Splits newline-separated pattern lists, dropping blank lines and surrounding whitespace. */
export function splitPatterns(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(/\r?\n/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export async function expandPatterns(
  patterns: readonly string[],
  cwd: string
): Promise<FoundFile[]> {
  const includes = patterns.filter((p) => !p.startsWith('!'));
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  if (includes.length === 0) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      'no paths given: pass at least one file or glob pattern'
    );
  }
  const found = new Map<string, FoundFile>();
  for (const pattern of includes) {
    let matched = 0;
    for (const [absolute, stats] of await filesFor(pattern, cwd)) {
      matched++;
      if (found.has(absolute)) continue;
      const name = path.relative(cwd, absolute).split(path.sep).join('/');
      if (excludes.some((ex) => path.matchesGlob(name, ex))) continue;
      found.set(absolute, checked({ path: absolute, name, size: stats.size }));
      if (found.size > MAX_SUBJECTS) {
        throw new ProvenanceError(
          'INPUT_INVALID',
          `more than ${MAX_SUBJECTS} files match; provenance holds at most ${MAX_SUBJECTS} subjects`
        );
      }
    }
    if (matched === 0) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `pattern ${quoteForMessage(pattern)} matched no files (in ${quoteForMessage(cwd)})`
      );
    }
  }
  if (found.size === 0) {
    throw new ProvenanceError('INPUT_INVALID', 'every matched file was excluded by a "!" pattern');
  }
  return [...found.values()];
}

function checked(file: FoundFile): FoundFile {
  const problem = subjectNameProblem(file.name);
  if (problem) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `file ${quoteForMessage(file.name)} cannot be a subject: ${problem}`
    );
  }
  return file;
}

/** [absolute path, stats] of every regular file `pattern` stands for. */
async function filesFor(pattern: string, cwd: string): Promise<Array<[string, Stats]>> {
  const literal = path.resolve(cwd, pattern);
  const literalStats = await stat(literal).catch(() => undefined);
  if (literalStats?.isDirectory())
    return regularFilesIn(glob('**/*', { cwd: literal }), literal, false);
  if (literalStats) return regularFilesIn(single(pattern), cwd, true);
  return regularFilesIn(glob(pattern, { cwd }), cwd, false);
}

async function* single(value: string): AsyncIterable<string> {
  yield value;
}

async function regularFilesIn(
  matches: AsyncIterable<string>,
  base: string,
  strict: boolean
): Promise<Array<[string, Stats]>> {
  const files: Array<[string, Stats]> = [];
  for await (const match of matches) {
    const absolute = path.resolve(base, match);
    const stats = await stat(absolute).catch((e: NodeJS.ErrnoException) => {
      // A dangling symlink matched by a glob: reading it would fail the same way.
      throw new ProvenanceError(
        'INPUT_INVALID',
        `cannot read ${quoteForMessage(absolute)}: ${e.code ?? e.message}`
      );
    });
    if (stats.isFile()) files.push([absolute, stats]);
    else if (!stats.isDirectory() || strict) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `${quoteForMessage(match)} is not a regular file; only files can be subjects`
      );
    }
  }
  return files;
}
