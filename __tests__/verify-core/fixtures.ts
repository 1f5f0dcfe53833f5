// Shared access to __fixtures__/verify-core (see its README.md for where each file came from).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TrustMaterial } from '@sigstore/verify';
import {
  buildTrustMaterial,
  parseTrustedRootBytes,
  publicGoodTrustedRoot
} from '../../src/verify/trust/index.js';

export const FIXTURES = new URL('../../__fixtures__/verify-core/', import.meta.url);

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, FIXTURES));
}

export function fixture(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

export function fixtureJSON<T = unknown>(name: string): T {
  return JSON.parse(fixture(name).toString('utf8')) as T;
}

let publicGood: TrustMaterial | undefined;
export function publicGoodTrust(): TrustMaterial {
  publicGood ??= buildTrustMaterial(publicGoodTrustedRoot());
  return publicGood;
}

export function trustFromFixture(name: string): TrustMaterial {
  return buildTrustMaterial(parseTrustedRootBytes(fixture(name), name));
}

/** Runs fn and returns the ProvenanceError it throws (fails the test if it does not). */
export async function rejection(fn: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a rejection, but verification succeeded');
}
