// act for the demo and the workflow tests: .peers/bin/act, built on first use by
// scripts/install-peers.sh (pinned version, Go module proxy) with its one progress line per tool.
// Only on a machine without Go is there no act; the caller then falls back and says so.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ACT_PATH = join(import.meta.dirname, '..', '.peers', 'bin', 'act');

function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export type ActAvailability = { act: string; version: string } | { missing: string };

/** "act v0.2.89" from `act --version` ("act version 0.2.89"). */
export function actVersion(act: string): string {
  const text = execFileSync(act, ['--version'], { encoding: 'utf8' }).trim();
  const version = /version\s+v?(\S+)/.exec(text)?.[1] ?? text;
  return `act v${version}`;
}

export async function ensureAct(say: (line: string) => void): Promise<ActAvailability> {
  if (existsSync(ACT_PATH)) return { act: ACT_PATH, version: actVersion(ACT_PATH) };
  if (!hasGo()) {
    return {
      missing:
        'no Go on this machine, so act (nektos/act) cannot be built here: running the bare action instead of the workflows'
    };
  }
  say('act is not built yet: building it with scripts/install-peers.sh (first use only)');
  const script = join(import.meta.dirname, '..', 'scripts', 'install-peers.sh');
  const code = await new Promise<number>((done) => {
    const child = spawn('bash', [script, 'act'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) say(`   ${line}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('close', (c) => done(c ?? 1));
  });
  if (code !== 0 || !existsSync(ACT_PATH))
    return {
      missing: `act could not be built (install-peers exit ${code}; see .peers/logs/act.log)`
    };
  return { act: ACT_PATH, version: actVersion(ACT_PATH) };
}
