// `isolated-provenance hash …`: the build job's side of the hand-over. It prints the
// base64-subjects value for the provenance job and can also write the plain subjects file.
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeError, isProvenanceError, ProvenanceError } from '../errors.js';
import type { DigestAlgorithm } from '../types.js';
import { formatSubjectsText } from '../subjects/format.js';
import { isSupportedAlgorithm } from '../subjects/limits.js';
import { quoteForMessage } from '../subjects/quote.js';
import { splitPatterns } from './expand.js';
import { hashFiles } from './hash-files.js';
import { ProgressReporter } from './progress.js';

export const HASH_HELP = `Usage: isolated-provenance hash [options] <pattern>...

Hashes the files the patterns match and prints the base64-subjects value
(base64 of sha256sum-format lines, names relative to the current directory,
sorted) for the provenance job.

Patterns are globs (*, **, ?, [..], {a,b}); an argument may hold several,
one per line. A directory stands for every file below it; "!pattern"
excludes files. Every pattern must match at least one file.

Options:
  -a, --algorithm <sha256|sha512>  digest algorithm (default: sha256)
      --subjects-file <path>       also write the plain sha256sum-format list
                                   there (for sets too large for a job output)
      --progress                   report progress on stderr every second even
                                   when stderr is not a terminal
  -h, --help                       show this help

Exit status: 0 on success, 1 when hashing fails, 2 on a usage error.
`;

/** GitHub limits a job's outputs to 1 MB in total. */
const JOB_OUTPUT_LIMIT = 1024 * 1024;

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
}

const processIo = (): CommandIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd()
});

export async function hashCommand(argv: string[], io: CommandIo = processIo()): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.stderr.write(
      `isolated-provenance hash: ${describeError(e)}\nRun "isolated-provenance hash --help" for usage.\n`
    );
    return 2;
  }
  if (args.help) {
    io.stdout.write(HASH_HELP);
    return 0;
  }

  const progress =
    args.progress || io.stderr.isTTY
      ? new ProgressReporter(io.stderr, io.stderr.isTTY === true)
      : undefined;
  progress?.start();
  try {
    const subjects = await hashFiles(args.patterns, {
      cwd: io.cwd,
      algorithm: args.algorithm,
      onProgress: progress && ((p) => progress.update(p))
    });
    progress?.stop();
    const text = formatSubjectsText(subjects, args.algorithm);
    if (args.subjectsFile) await writeAtomically(path.resolve(io.cwd, args.subjectsFile), text);
    const b64 = Buffer.from(text, 'utf8').toString('base64');
    if (b64.length > JOB_OUTPUT_LIMIT) {
      io.stderr.write(
        `warning: base64-subjects is ${b64.length} bytes; GitHub limits job outputs to 1 MB. ` +
          `Pass the list as a file instead (--subjects-file, uploaded as an artifact).\n`
      );
    }
    io.stdout.write(`${b64}\n`);
    return 0;
  } catch (e) {
    progress?.stop();
    if (!isProvenanceError(e)) throw e;
    io.stderr.write(`isolated-provenance hash: ${e.message}\n`);
    return 1;
  }
}

function parse(argv: string[]): {
  help: boolean;
  progress: boolean;
  algorithm: DigestAlgorithm;
  subjectsFile?: string;
  patterns: string[];
} {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      algorithm: { type: 'string', short: 'a', default: 'sha256' },
      'subjects-file': { type: 'string' },
      progress: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const algorithm = values.algorithm;
  if (!isSupportedAlgorithm(algorithm)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `unsupported algorithm ${quoteForMessage(algorithm)}; expected sha256 or sha512`
    );
  }
  const patterns = splitPatterns(positionals);
  if (!values.help && patterns.length === 0) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      'no paths given: pass at least one file or glob pattern'
    );
  }
  return {
    help: values.help,
    progress: values.progress,
    algorithm,
    subjectsFile: values['subjects-file'],
    patterns
  };
}

/** The subjects file appears complete or not at all. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await writeFile(partial, text, 'utf8');
    await rename(partial, file);
  } catch (e) {
    await rm(partial, { force: true });
    throw new ProvenanceError(
      'INPUT_INVALID',
      `cannot write the subjects file ${quoteForMessage(file)}: ${(e as NodeJS.ErrnoException).code ?? describeError(e)}`
    );
  }
}
