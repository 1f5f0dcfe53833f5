// The `.intoto.jsonl` file: one Sigstore bundle (JSON) per line, newline-terminated.
import { basename } from 'node:path';
import type { Bundle } from '@sigstore/bundle';
import { bundleJson } from './bundle-json.js';
import { ProvenanceError } from '../errors.js';
import type { Subject } from '../types.js';

const SUFFIX = '.intoto.jsonl';
// What GitHub keeps in a release-asset name: it renames "special characters, non-alphanumeric
// characters, and leading or trailing periods" (REST description, "Upload a release asset";
// spaces, parentheses, `~`, `:`, `+`, `@`… become periods), and a re-run would then look for a
// name that is not there. The same name goes to every destination, so it is held to this.
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

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
        `provenance-name: only letters, digits and ._- are allowed, with no leading period (GitHub renames release assets named otherwise), found "${name.replace(/[^\x20-\x7e]/g, '?')}"`
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

// Payload bytes per base64 piece: a multiple of 3 (pieces encode exactly as the whole does),
// and small enough that no piece becomes a large-object string that only a full GC frees.
const PAYLOAD_PIECE = 3 * 8192;

/**
 * The file's bytes, in pieces: each line is exactly JSON.stringify(bundleJson(bundle)) + '\n',
 * but a DSSE payload (the bulk: ~340 KB per 1,024 subjects) is base64-encoded piece by piece
 * instead of as one string, and nothing holds the whole file, so writing 100,000 subjects
 * does not leave tens of megabytes of large strings behind for the garbage collector.
 */
export function* bundleLines(bundles: readonly Bundle[]): Generator<Buffer> {
  for (const bundle of bundles) {
    const content = bundle.content;
    if (content.$case !== 'dsseEnvelope' || content.dsseEnvelope.payload.length === 0) {
      yield Buffer.from(JSON.stringify(bundleJson(bundle)) + '\n');
      continue;
    }
    const payload = Buffer.from(content.dsseEnvelope.payload);
    // protobuf JSON puts the content last and the payload first in the envelope.
    const { dsseEnvelope, ...rest } = bundleJson({
      ...bundle,
      content: { ...content, dsseEnvelope: { ...content.dsseEnvelope, payload: Buffer.alloc(0) } }
    });
    const head = JSON.stringify(rest);
    const envelopeRest = JSON.stringify(dsseEnvelope);
    yield Buffer.from(`${head.slice(0, -1)},"dsseEnvelope":{"payload":"`);
    for (let at = 0; at < payload.length; at += PAYLOAD_PIECE) {
      yield Buffer.from(payload.subarray(at, at + PAYLOAD_PIECE).toString('base64'));
    }
    yield Buffer.from(`",${envelopeRest.slice(1)}}\n`);
  }
}

/** One bundle per line, newline-terminated. */
export function serializeBundles(bundles: readonly Bundle[]): Buffer {
  return Buffer.concat([...bundleLines(bundles)]);
}

export interface WrittenProvenance {
  name: string;
  path: string;
  sha256: string;
  bytes: number;
}
