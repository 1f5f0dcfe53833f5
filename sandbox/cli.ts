// `npm run sandbox -- [--out DIR] [--faults PLAN] [--latency MODEL] [--run FILE.json] [--artifacts]`
// (--latency: e.g. fulcio=300,rekor=500~100,github=100,oidc=100,connect=40, see latency.ts)
// Starts the loopback platform, writes DIR/trusted_root.json, prints the URLs, the trusted
// root path and the runner environment as one JSON object, and runs until SIGINT/SIGTERM.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from '../src/errors.js';
import { startSandbox, type RunDescription } from './index.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      faults: { type: 'string' },
      latency: { type: 'string' },
      'latency-seed': { type: 'string' },
      run: { type: 'string' },
      'fault-delay-ms': { type: 'string' },
      artifacts: { type: 'boolean' }
    }
  });
  const run = values.run
    ? (JSON.parse(await readFile(values.run, 'utf8')) as Partial<RunDescription>)
    : undefined;
  const delay = values['fault-delay-ms'];
  const sandbox = await startSandbox({
    faults: values.faults,
    latency: values.latency,
    latencySeed: values['latency-seed'] === undefined ? undefined : Number(values['latency-seed']),
    run,
    dataDir: values.out ? resolve(values.out) : undefined,
    faultDelayMs: delay === undefined ? undefined : Number(delay),
    artifacts: values.artifacts
  });
  process.stdout.write(
    `${JSON.stringify(
      {
        urls: sandbox.urls,
        trustedRootPath: sandbox.trustedRootPath,
        actionInputs: sandbox.actionInputs,
        runnerEnv: sandbox.runnerEnv()
      },
      null,
      2
    )}\n`
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox: ${describeError(e)}\n`);
  process.exit(1);
});
