// Reads the `signing-config` input's file: the only I/O of service selection. A config is small
// (the public-good ones are about 1 KB); anything past the limit is not one.
import { readFile, stat } from 'node:fs/promises';
import { ProvenanceError, describeError } from '../errors.js';

export const MAX_SIGNING_CONFIG_BYTES = 1024 * 1024;

export async function readSigningConfigFile(
  path: string
): Promise<{ json: unknown; origin: string }> {
  const fail = (problem: string): never => {
    throw new ProvenanceError('INPUT_INVALID', `signing-config ${path}: ${problem}`);
  };
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('not a regular file');
    if (info.size > MAX_SIGNING_CONFIG_BYTES)
      return fail(`${info.size} bytes exceeds the ${MAX_SIGNING_CONFIG_BYTES}-byte limit`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    return fail(`cannot read: ${describeError(e)}`);
  }
  try {
    return { json: JSON.parse(bytes.toString('utf8')) as unknown, origin: path };
  } catch {
    return fail('not JSON');
  }
}
