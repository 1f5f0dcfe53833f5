// The provenance file is staged next to its final place and moved there only once every
// destination has it: a failed publication leaves no `.intoto.jsonl` for anyone to pick up.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex, type WrittenProvenance } from './jsonl.js';

export interface StagedProvenance extends WrittenProvenance {
  /** Moves the file to `<directory>/<name>` (atomic: same file system) and returns that. */
  commit(): Promise<WrittenProvenance>;
  /** Removes the staged file; nothing is left in the output directory. */
  discard(): Promise<void>;
}

/**
 * Writes the file under its own name inside a hidden staging folder of `directory`, so a
 * publisher that uploads "the file" (the workflow artifact) sees the final name.
 */
export async function stageProvenanceFile(
  directory: string,
  name: string,
  content: Buffer
): Promise<StagedProvenance> {
  await mkdir(directory, { recursive: true });
  const staging = await mkdtemp(join(directory, '.provenance-staging-'));
  const stagedPath = join(staging, name);
  const discard = () => rm(staging, { recursive: true, force: true });
  try {
    await writeFile(stagedPath, content, { flag: 'wx' });
  } catch (e) {
    await discard();
    throw e;
  }
  const written = { name, sha256: sha256Hex(content), bytes: content.length };
  return {
    ...written,
    path: stagedPath,
    async commit() {
      const path = join(directory, name);
      await rename(stagedPath, path);
      await discard();
      return { ...written, path };
    },
    discard
  };
}
