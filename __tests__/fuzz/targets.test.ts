// A short run of every fuzz target (scripts/fuzz/index.ts) inside the unit tests: a few hundred
// generated inputs per parser, fixed seed. `npm run fuzz` runs 100,000 per parser.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fuzzTargets } from '../../scripts/fuzz/index.js';

const RUNS = 300;
const SEED = 20261122;

describe('fuzz targets (short run)', () => {
  it('has a target for every parser of untrusted input', () => {
    expect(fuzzTargets.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'oidc-claims',
        'oidc-jwt',
        'rest-run-attempt',
        'verify-bundle',
        'verify-dsse-envelope',
        'verify-legacy-dsse',
        'verify-provenance',
        'verify-trusted-root',
        'oci-image-reference',
        'oci-image-list',
        'oci-www-authenticate',
        'oci-bundle-parts',
        'oci-cosign-manifest-merge',
        'oci-read-back',
        'fulcio-extensions'
      ])
    );
  });

  it.each(fuzzTargets.map((t) => [t.name, t] as const))(
    '%s: every input gives a value or our typed error',
    async (_name, target) => {
      const unexpected: { input: unknown; error: string }[] = [];
      let accepted = 0;
      const record = (input: unknown, error?: unknown) => {
        if (error === undefined) accepted++;
        else if (!target.expected(error))
          unexpected.push({
            input,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error)
          });
      };
      const runAsync = target.runAsync;
      if (runAsync) {
        await fc.assert(
          fc.asyncProperty(target.arbitrary, async (input) => {
            try {
              await runAsync(input);
              record(input);
            } catch (e) {
              record(input, e ?? new Error('threw undefined'));
            }
          }),
          { numRuns: RUNS, seed: SEED }
        );
      } else {
        fc.assert(
          fc.property(target.arbitrary, (input) => {
            try {
              target.run(input);
              record(input);
            } catch (e) {
              record(input, e ?? new Error('threw undefined'));
            }
          }),
          { numRuns: RUNS, seed: SEED }
        );
      }
      expect(unexpected.slice(0, 1)).toEqual([]);
      // The generators reach past the first check: some inputs must be accepted (except for
      // the legacy envelope, which is never accepted offline).
      if (target.name !== 'verify-legacy-dsse') expect(accepted).toBeGreaterThan(0);
    }
  );
});
