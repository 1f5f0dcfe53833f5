// Where the verifier's trust comes from: the embedded public-good root (default), a
// --trusted-root file, or an explicit --online TUF refresh.
import { readFile } from 'node:fs/promises';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import type { TrustMaterial } from '@sigstore/verify';
import { ProvenanceError, describeError } from '../../errors.js';
import type { TrustedPublicKey } from '../core/types.js';
import { embeddedNpmRegistryKeysJSON, publicGoodTrustedRootJSON } from './embedded-root.js';
import { fetchTrustedRootOnline, type OnlineRootOptions } from './online-root.js';
import { parseTrustedRoot, parseTrustedRootBytes } from './trusted-root.js';
import { buildTrustMaterial, type TrustMaterialOptions } from './trust-material.js';
import { parseNpmRegistryKeys } from './npm-keys.js';

export { buildTrustMaterial, toKeyObject } from './trust-material.js';
export type { TrustMaterialOptions } from './trust-material.js';
export { parseTrustedRoot, parseTrustedRootBytes } from './trusted-root.js';
export { parseNpmRegistryKeys } from './npm-keys.js';

export interface TrustSourceOptions extends TrustMaterialOptions {
  /** --trusted-root PATH: use this root instead of the embedded public-good one. */
  trustedRootPath?: string;
  /** --online: refresh the public-good root over TUF (network). */
  online?: boolean | OnlineRootOptions;
}

export function publicGoodTrustedRoot(): TrustedRoot {
  return parseTrustedRoot(publicGoodTrustedRootJSON(), 'embedded public-good trusted root');
}

/** npm's registry signing keys as shipped in the embedded TUF seeds. */
export function embeddedNpmRegistryKeys(): TrustedPublicKey[] {
  return parseNpmRegistryKeys(embeddedNpmRegistryKeysJSON(), 'embedded npm registry keys');
}

export async function loadTrustedRoot(options: TrustSourceOptions = {}): Promise<TrustedRoot> {
  if (options.trustedRootPath && options.online) {
    throw new ProvenanceError('INPUT_INVALID', 'use either --trusted-root or --online, not both');
  }
  if (options.trustedRootPath) {
    let bytes: Buffer;
    try {
      bytes = await readFile(options.trustedRootPath);
    } catch (e) {
      throw new ProvenanceError(
        'INPUT_INVALID',
        `cannot read trusted root ${options.trustedRootPath}: ${describeError(e)}`
      );
    }
    return parseTrustedRootBytes(bytes, options.trustedRootPath);
  }
  if (options.online) {
    return fetchTrustedRootOnline(typeof options.online === 'object' ? options.online : {});
  }
  return publicGoodTrustedRoot();
}

export async function loadTrustMaterial(options: TrustSourceOptions = {}): Promise<TrustMaterial> {
  return buildTrustMaterial(await loadTrustedRoot(options), options);
}

/** Reads a keys.json (npm registry format) file. */
export async function loadNpmRegistryKeys(path: string): Promise<TrustedPublicKey[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `cannot read npm registry keys ${path}: ${describeError(e)}`
    );
  }
  return parseNpmRegistryKeys(json, path);
}
