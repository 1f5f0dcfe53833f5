// The hashing helper for build jobs: patterns in, subjects (sorted by name) out.
import { availableParallelism } from 'node:os';
import { ProvenanceError } from '../errors.js';
import type { DigestAlgorithm, Subject } from '../types.js';
import { quoteForMessage } from '../subjects/quote.js';
import { expandPatterns } from './expand.js';
import { planHashJobs } from './plan.js';
import { hashOnPool, ReadFailure } from './pool.js';

export interface HashProgress {
  bytesDone: number;
  totalBytes: number;
  filesDone: number;
  totalFiles: number;
}

export interface HashOptions {
  /** Patterns and subject names are relative to this directory (default: process.cwd()). */
  cwd?: string;
  algorithm?: DigestAlgorithm;
  /** Worker threads to use (default: the available parallelism). */
  parallelism?: number;
  /** Read buffer per worker, in bytes. */
  bufferSize?: number;
  /** Called whenever workers report bytes read or files finished. */
  onProgress?: (progress: HashProgress) => void;
}

/** Digests of every file the `patterns` match, as subjects named relative to cwd, sorted. */
export async function hashFiles(
  patterns: readonly string[],
  options: HashOptions = {}
): Promise<Subject[]> {
  const cwd = options.cwd ?? process.cwd();
  const algorithm = options.algorithm ?? 'sha256';
  const files = (await expandPatterns(patterns, cwd)).sort((a, b) => compareNames(a.name, b.name));
  const progress: HashProgress = {
    bytesDone: 0,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    filesDone: 0,
    totalFiles: files.length
  };
  const jobs = planHashJobs(files.map((f) => f.size));
  let digests: string[];
  try {
    digests = await hashOnPool(
      files.map((f) => f.path),
      jobs,
      {
        algorithm,
        workers: options.parallelism ?? availableParallelism(),
        bufferSize: options.bufferSize,
        onBytes: (bytes) => {
          progress.bytesDone += bytes;
          options.onProgress?.(progress);
        },
        onFilesDone: (count) => {
          progress.filesDone += count;
          options.onProgress?.(progress);
        }
      }
    );
  } catch (e) {
    if (e instanceof ReadFailure) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `cannot read ${quoteForMessage(e.file)}: ${e.code ?? e.message}`,
        { cause: e }
      );
    }
    throw e;
  }
  return files.map((file, i) => ({
    name: file.name,
    digest: { [algorithm]: digests[i] as string }
  }));
}

/** Plain code-unit order: stable across locales, so the same files always give the same output. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
