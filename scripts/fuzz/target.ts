// A fuzz target: an input generator and a function that must either return normally or throw
// an *expected* error. Anything else (a TypeError, a RangeError, a broken invariant) is a bug.
import type { Arbitrary } from 'fast-check';
import { isProvenanceError } from '../../src/errors.js';

export interface FuzzTarget {
  name: string;
  arbitrary: Arbitrary<unknown>;
  /** Runs one input; throws on failure. Return values are checked inside. */
  run(input: unknown): void;
  /** Errors that mean "input rejected properly" (default: any ProvenanceError). */
  expected(error: unknown): boolean;
  /** For parsers behind an async edge (a registry client): awaited instead of `run`. */
  runAsync?: (input: unknown) => Promise<void>;
}

/** Thrown by a target when a result breaks an invariant; never an expected error. */
export class InvariantViolation extends Error {
  override name = 'InvariantViolation';
}

export function fuzzTarget<T>(
  name: string,
  arbitrary: Arbitrary<T>,
  run: (input: T) => void,
  expected: (error: unknown) => boolean = isProvenanceError
): FuzzTarget {
  return {
    name,
    arbitrary: arbitrary as Arbitrary<unknown>,
    run: run as (input: unknown) => void,
    expected
  };
}

/** A target whose code under test is async; the runner awaits each input in turn. */
export function asyncFuzzTarget<T>(
  name: string,
  arbitrary: Arbitrary<T>,
  run: (input: T) => Promise<void>,
  expected: (error: unknown) => boolean = isProvenanceError
): FuzzTarget {
  return {
    name,
    arbitrary: arbitrary as Arbitrary<unknown>,
    run: () => {
      throw new InvariantViolation(`${name} is async: use runAsync`);
    },
    runAsync: run as (input: unknown) => Promise<void>,
    expected
  };
}

export function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantViolation(message);
}
