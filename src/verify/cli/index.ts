#!/usr/bin/env node
// isolated-provenance CLI entry. Each command's module is imported only when that command
// runs, so `--help` and `hash` start without loading the Sigstore libraries.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProvenanceError, describeError } from '../../errors.js';
import { MAIN_HELP } from './help.js';
import { processOutput, type Output } from './report.js';

type Command = (argv: string[]) => Promise<number>;
export type CommandTable = Record<string, () => Promise<Command>>;

const COMMANDS: CommandTable = {
  'verify-artifact': async () => (await import('./verify-artifact.js')).verifyArtifactCommand,
  'verify-image': async () => (await import('./verify-image.js')).verifyImageCommand,
  'verify-bundle': async () => (await import('./verify-bundle.js')).verifyBundleCommand,
  hash: async () => (await import('../../hash/command.js')).hashCommand
};

export async function runCli(
  argv: string[],
  out: Output = processOutput,
  commands: CommandTable = COMMANDS
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.stdout(MAIN_HELP);
    return name === undefined ? 1 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    out.stderr(
      `FAILED: unknown command ${JSON.stringify(name)}; expected one of ${Object.keys(commands).join(', ')}\n`
    );
    return 1;
  }
  try {
    const command = await load();
    return await command(rest.map((arg) => (arg === '-h' ? '--help' : arg)));
  } catch (error) {
    if (error instanceof ProvenanceError) {
      out.stderr(`FAILED: ${error.message}\n`);
      return 1;
    }
    out.stderr(`FAILED: internal error: ${describeError(error)}\n`);
    return 2;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`FAILED: internal error: ${describeError(error)}\n`);
      process.exitCode = 2;
    }
  );
}
