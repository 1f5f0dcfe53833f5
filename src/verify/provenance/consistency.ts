// Two places in one predicate that describe the same fact must agree; otherwise the
// predicate is self-contradictory and we refuse to pick either.
import { ProvenanceError } from '../../errors.js';
import { jsonEqual } from './deep-equal.js';

export function agree<T>(
  label: string,
  first: [string, T | undefined],
  second: [string, T | undefined]
): T | undefined {
  const [firstPath, firstValue] = first;
  const [secondPath, secondValue] = second;
  if (
    firstValue !== undefined &&
    secondValue !== undefined &&
    !jsonEqual(firstValue, secondValue)
  ) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `provenance is inconsistent about the ${label}: ${firstPath} is ${JSON.stringify(firstValue)} but ${secondPath} is ${JSON.stringify(secondValue)}`
    );
  }
  return firstValue ?? secondValue;
}
