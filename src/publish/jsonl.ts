// The `.intoto.jsonl` file: one Sigstore bundle (JSON) per line, newline-terminated.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { bundleToJSON, type Bundle } from '@sigstore/bundle';
import { ProvenanceError } from '../errors.js';
import type { Subject } from '../types.js';

const SUFFIX = '.intoto.jsonl';
const SAFE_NAME = /^[A-Za-z0-9._+@=,-][A-Za-z0-9._+@=, -]*$/;

/**
 * The provenance file name. Explicit names must be a plain file name ending in `.intoto.jsonl`;
 * the default is `<subject>.intoto.jsonl` for one subject, `multiple.intoto.jsonl` otherwise.
 */
export function resolveProvenanceName(requested: string, subjects: readonly Subject[]): string {
  const name = requested.trim();
  if (name !== '') {
    if (name.includes('/') || name.includes('\\')) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `provenance-name: expected a file name without path separators, found "${name.replace(/[^\x20-\x7e]/g, '?')}"`
      );
    }
    if (!name.endsWith(SUFFIX) || name.length === SUFFIX.length) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `provenance-name: expected a name ending in ${SUFFIX}, found "${name.replace(/[^\x20-\x7e]/g, '?')}"`
      );
    }
    if (!SAFE_NAME.test(name) || name === '.' + SUFFIX || name.startsWith('..')) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `provenance-name: only letters, digits, space and ._+@=,- are allowed, found "${name.replace(/[^\x20-\x7e]/g, '?')}"`
      );
    }
    return name;
  }
  if (subjects.length === 1) {
    // Subject names may carry folders (dist/app) or odd characters: keep the base name, and fall
    // back to the generic name if what is left is not a safe file name.
    const base = basename(subjects[0]!.name.replace(/\\/g, '/'));
    const candidate = `${base}${SUFFIX}`;
    if (
      base !== '' &&
      base !== '.' &&
      base !== '..' &&
      SAFE_NAME.test(candidate) &&
      Buffer.byteLength(candidate) <= 255
    ) {
      return candidate;
    }
  }
  return `multiple${SUFFIX}`;
}

export function serializeBundles(bundles: readonly Bundle[]): Buffer {
  return Buffer.from(bundles.map((b) => JSON.stringify(bundleToJSON(b)) + '\n').join(''), 'utf8');
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface WrittenProvenance {
  name: string;
  path: string;
  sha256: string;
  bytes: number;
}

/** Writes atomically (temp file + rename): a reader never sees a half-written provenance file. */
export async function writeProvenanceFile(
  directory: string,
  name: string,
  content: Buffer
): Promise<WrittenProvenance> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, name);
  const temp = join(directory, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return { name, path, sha256: sha256Hex(content), bytes: content.length };
}
