// `npm run fuzz`: runs every fuzz target (scripts/fuzz/index.ts) with many generated inputs.
// An input may be accepted or rejected with the target's expected error; anything else is
// counted, the first case is printed with a seed to replay it, and the exit status is 1.
//   tsx scripts/fuzz.ts [--runs N] [--seed N] [--target NAME]...
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { fuzzTargets } from './fuzz/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    target: { type: 'string', multiple: true }
  }
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const seed =
  values.seed === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(values.seed);
const chosen = values.target
  ? fuzzTargets.filter((t) => values.target?.includes(t.name))
  : fuzzTargets;
if (chosen.length === 0) {
  console.error(`no such target; known: ${fuzzTargets.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

console.log(`fuzzing with seed ${seed}`);
let failed = false;
for (const target of chosen) {
  let inputs = 0;
  let accepted = 0;
  let unexpected = 0;
  let first: { input: unknown; error: unknown } | undefined;
  const started = performance.now();
  const outcome = (input: unknown, error?: unknown) => {
    inputs++;
    if (error === undefined) accepted++;
    else if (!target.expected(error)) {
      unexpected++;
      first ??= { input, error };
    }
  };
  const runAsync = target.runAsync;
  if (runAsync) {
    await fc.check(
      fc.asyncProperty(target.arbitrary, async (input) => {
        try {
          await runAsync(input);
          outcome(input);
        } catch (error) {
          outcome(input, error ?? new Error('threw undefined'));
        }
        return true;
      }),
      { numRuns: runs, seed }
    );
  } else {
    fc.check(
      fc.property(target.arbitrary, (input) => {
        try {
          target.run(input);
          outcome(input);
        } catch (error) {
          outcome(input, error ?? new Error('threw undefined'));
        }
        return true;
      }),
      { numRuns: runs, seed }
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${target.name}: ${inputs} inputs, ${unexpected} unexpected errors ` +
      `(${accepted} accepted, ${inputs - accepted - unexpected} rejected, ${seconds}s)`
  );
  if (first) {
    failed = true;
    console.log(`  first input: ${printable(JSON.stringify(first.input) ?? String(first.input))}`);
    console.log(
      `  error: ${first.error instanceof Error ? first.error.stack : String(first.error)}`
    );
  }
}
process.exit(failed ? 1 : 0);

/** Fuzz inputs hold terminal escapes and bidi controls: print them as escapes. */
function printable(text: string): string {
  return text
    .slice(0, 500)
    .replace(/[^\x20-\x7e]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
