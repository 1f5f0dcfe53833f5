// The provenance file is staged next to its final place and moved there only once every
// destination has it: a failed publication leaves no `.intoto.jsonl` for anyone to pick up.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrittenProvenance } from './jsonl.js';

export interface StagedProvenance extends WrittenProvenance {
  /** Moves the file to `<directory>/<name>` (atomic: same file system) and returns that. */
  commit(): Promise<WrittenProvenance>;
  /** Removes the staged file; nothing is left in the output directory. */
  discard(): Promise<void>;
  /**
   * Replaces the staged bytes with an earlier publication of the same build that stands (a
   * re-run finds it in place): the file, its sha256 and every later destination then agree
   * with what is already published.
   */
  adopt(earlier: Buffer): Promise<void>;
}

/**
 * Writes the file under its own name inside a hidden staging folder of `directory`, so a
 * publisher that uploads "the file" (the workflow artifact) sees the final name.
 */
export async function stageProvenanceFile(
  directory: string,
  name: string,
  content: Buffer | Iterable<Buffer>
): Promise<StagedProvenance> {
  await mkdir(directory, { recursive: true });
  const staging = await mkdtemp(join(directory, '.provenance-staging-'));
  const stagedPath = join(staging, name);
  const discard = () => rm(staging, { recursive: true, force: true });
  // Written (and hashed) piece by piece: the caller need not hold the whole file in memory.
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const file = await open(stagedPath, 'wx');
    try {
      for (const piece of Buffer.isBuffer(content) ? [content] : content) {
        // write(2) may take less than asked; go on from where it stopped.
        for (let at = 0; at < piece.length;) {
          at += (await file.write(piece, at, piece.length - at)).bytesWritten;
        }
        hash.update(piece);
        bytes += piece.length;
      }
    } finally {
      await file.close();
    }
  } catch (e) {
    await discard();
    throw e;
  }
  const written = { name, sha256: hash.digest('hex'), bytes };
  const staged: StagedProvenance = {
    ...written,
    path: stagedPath,
    async commit() {
      const path = join(directory, name);
      await rename(stagedPath, path);
      await discard();
      return { ...written, path };
    },
    discard,
    async adopt(earlier: Buffer) {
      await writeFile(stagedPath, earlier);
      written.sha256 = createHash('sha256').update(earlier).digest('hex');
      written.bytes = earlier.length;
      staged.sha256 = written.sha256;
      staged.bytes = written.bytes;
    }
  };
  return staged;
}
