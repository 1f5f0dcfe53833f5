// The triggering event's payload (GITHUB_EVENT_PATH) is the only source of two predicate
// fields: workflow_dispatch inputs and release parameters. No claim or API answer carries
// them; the file is written by the runner, the values are chosen by whoever triggered the
// run, so they are read as hostile input and bounded.
import { readFile } from 'node:fs/promises';
import { ProvenanceError } from '../errors.js';
import { quote } from './shapes.js';

const MAX_EVENT_FILE_BYTES = 25 * 1024 * 1024;
const MAX_INPUTS = 100;
const MAX_INPUTS_JSON_BYTES = 64 * 1024;
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;

export type InputValue = string | number | boolean;

function invalid(message: string): ProvenanceError {
  return new ProvenanceError('INPUT_INVALID', `event payload (GITHUB_EVENT_PATH): ${message}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function readEventPayload(path: string | undefined): Promise<Record<string, unknown>> {
  if (!path) throw invalid('GITHUB_EVENT_PATH is not set');
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_EVENT_FILE_BYTES)
      throw invalid(`larger than ${MAX_EVENT_FILE_BYTES} bytes`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof ProvenanceError) throw e;
    throw invalid(`cannot read ${quote(path)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  if (!isRecord(value)) throw invalid('not a JSON object');
  return value;
}

/**
 * `inputs` of a workflow_dispatch payload, empty values dropped (the build type says SHOULD
 * omit empty inputs), keys sorted so the predicate is deterministic. Undefined when none remain.
 */
export function extractDispatchInputs(
  payload: Record<string, unknown>
): Record<string, InputValue> | undefined {
  const inputs = payload.inputs;
  if (inputs === undefined || inputs === null) return undefined;
  if (!isRecord(inputs)) throw invalid('inputs is not an object');
  const names = Object.keys(inputs);
  if (names.length > MAX_INPUTS) throw invalid(`more than ${MAX_INPUTS} inputs (${names.length})`);
  const entries: [string, InputValue][] = [];
  for (const name of names.sort()) {
    if (!INPUT_NAME.test(name)) throw invalid(`input name ${quote(name)} is not a valid input id`);
    const value = inputs[name];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw invalid(`input ${name} must be a string, number or boolean`);
    if (value === '') continue;
    entries.push([name, value]);
  }
  if (entries.length === 0) return undefined;
  // fromEntries defines own properties: a "__proto__" input stays a plain key.
  const result = Object.fromEntries(entries);
  if (Buffer.byteLength(JSON.stringify(result)) > MAX_INPUTS_JSON_BYTES)
    throw invalid(`inputs are larger than ${MAX_INPUTS_JSON_BYTES} bytes`);
  return result;
}

export interface ReleaseParameters {
  body?: string;
  draft?: boolean;
  name?: string;
  prerelease?: boolean;
  target_commitish?: string;
}

/**
 * The release body parameters of a `release` event, default values omitted (build type:
 * SHOULD omit defaults; unset when nothing remains).
 */
export function extractReleaseParameters(
  payload: Record<string, unknown>
): ReleaseParameters | undefined {
  const release = payload.release;
  if (!isRecord(release)) throw invalid('a release event without a release object');
  const out: ReleaseParameters = {};
  for (const key of ['body', 'name', 'target_commitish'] as const) {
    const v = release[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') throw invalid(`release.${key} is not a string`);
    if (v.length > MAX_INPUTS_JSON_BYTES)
      throw invalid(`release.${key} is longer than ${MAX_INPUTS_JSON_BYTES} characters`);
    out[key] = v;
  }
  for (const key of ['draft', 'prerelease'] as const) {
    const v = release[key];
    if (v === undefined || v === null || v === false) continue;
    if (v !== true) throw invalid(`release.${key} is not a boolean`);
    out[key] = true;
  }
  const ordered: ReleaseParameters = {};
  for (const key of ['body', 'draft', 'name', 'prerelease', 'target_commitish'] as const)
    if (out[key] !== undefined) Object.assign(ordered, { [key]: out[key] });
  return Object.keys(ordered).length > 0 ? ordered : undefined;
}
