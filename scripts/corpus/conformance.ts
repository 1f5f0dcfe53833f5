// Runs the sigstore-conformance bundle-verify suite and prints one line per run plus a total.
//   CORPUS_DIR=../shared/corpus tsx scripts/corpus/conformance.ts [name-filter]
// Exit 0 only when every verdict is right.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runConformance } from './conformance-cases.js';

async function main(): Promise<number> {
  const corpus = resolve(process.env.CORPUS_DIR ?? '../shared/corpus');
  const casesDir = join(corpus, 'sigstore-conformance/test/assets/bundle-verify');
  if (!existsSync(casesDir)) {
    process.stderr.write(`no conformance cases at ${casesDir} (set CORPUS_DIR)\n`);
    return 2;
  }
  const results = await runConformance(casesDir, process.argv[2]);
  for (const r of results) {
    const verdict = r.correct ? 'ok   ' : 'WRONG';
    const expected = r.mustFail ? 'must fail' : 'must pass';
    process.stdout.write(
      `${verdict} ${r.name} [${r.mode}] (${expected}) exit=${r.exitCode} ${r.output}\n`
    );
  }
  const passed = results.filter((r) => r.correct).length;
  process.stdout.write(`${passed} passed, ${results.length - passed} failed\n`);
  return passed === results.length ? 0 : 1;
}

process.exitCode = await main();
