// npm run test:corpus — the whole corpus: the INDEX verdicts (policy layer + CLI) and then
// the sigstore-conformance bundle-verify cases (cryptographic core). Each runs as its own
// process; their "N passed, M failed" lines are summed into one final line.
//   CORPUS_DIR=../shared/corpus tsx scripts/corpus/run.ts
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SUITES = ['index-verdicts.ts', 'conformance.ts'];

function runSuite(script: string): Promise<{ passed: number; failed: number; code: number }> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env
    });
    let last = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      process.stdout.write(text);
      last = (last + text).slice(-4096);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const totals = [...last.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
      resolve({
        passed: Number(totals?.[1] ?? 0),
        failed: Number(totals?.[2] ?? 0) + (totals ? 0 : 1),
        code: code ?? 1
      });
    });
  });
}

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  const lines: string[] = [];
  for (const suite of SUITES) {
    process.stdout.write(`\n=== ${suite} ===\n`);
    const result = await runSuite(suite);
    passed += result.passed;
    failed += result.failed;
    lines.push(`${suite}: ${result.passed} passed, ${result.failed} failed (exit ${result.code})`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
