// Property tests: a small run of the fuzz targets (scripts/fuzz runs them at 100,000 inputs).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fuzzTargets } from '../../scripts/fuzz/index.js';
import { isProvenanceError } from '../../src/errors.js';

describe.each(fuzzTargets.filter((t) => t.name.startsWith('subjects-')))(
  'fuzz target $name',
  (target) => {
    it('yields a value or an expected ProvenanceError, never anything else', () => {
      fc.assert(
        fc.property(target.arbitrary, (input) => {
          try {
            target.run(input);
          } catch (e) {
            if (!target.expected(e)) throw e;
            expect(isProvenanceError(e)).toBe(true);
          }
        }),
        { numRuns: 3000, seed: 20261122 }
      );
    });
  }
);
