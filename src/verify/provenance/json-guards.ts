// Small readers for hostile JSON: every field is checked for its type before use, and every
// failure names the JSON path that was wrong.
import { ProvenanceError } from '../../errors.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatError(path: string, expected: string, found: unknown): ProvenanceError {
  return new ProvenanceError(
    'FORMAT_INVALID',
    `provenance ${path}: expected ${expected}, found ${describeValue(found)}`
  );
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function requireObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw formatError(path, 'an object', value);
  return value;
}

export function optionalObject(value: unknown, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  return requireObject(value, path);
}

export function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw formatError(path, 'a non-empty string', value);
  return value;
}

export function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw formatError(path, 'a string', value);
  return value;
}

/** Values GitHub sometimes writes as numbers (run ids) are read as their decimal string. */
export function optionalScalarString(value: unknown, path: string): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return optionalString(value, path);
}

export function requireArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw formatError(path, 'an array', value);
  return value;
}
