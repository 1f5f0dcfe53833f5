// The branch behind a tag build, read from the GitHub context a predicate records, the way
// slsa-verifier does (verifiers/internal/gha/slsaprovenance/common/common.go, getBranchForTag):
// a non-empty github_base_ref; else, for a `push`, the payload's base_ref (null when the tag
// was pushed without a branch); for a `release`, refs/heads/ + release.target_commitish.
// Any other event names no branch.
import { isObject, type JsonObject } from './json-guards.js';

export function branchForTag(
  baseRef: unknown,
  eventName: unknown,
  payload: unknown
): string | undefined {
  if (typeof baseRef === 'string' && baseRef !== '') return baseRef;
  if (!isObject(payload)) return undefined;
  if (eventName === 'push') {
    return typeof payload.base_ref === 'string' && payload.base_ref !== ''
      ? payload.base_ref
      : undefined;
  }
  if (eventName === 'release') {
    const release: JsonObject | undefined = isObject(payload.release) ? payload.release : undefined;
    const target = release?.target_commitish;
    return typeof target === 'string' && target !== '' ? `refs/heads/${target}` : undefined;
  }
  return undefined;
}

/** Ids GitHub records as numbers or strings, read as decimal text; anything else is absent. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return undefined;
}
