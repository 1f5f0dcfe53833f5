// The exact command the issue names: `npm run demo -- --faults rekor=503x*` must fail, name
// Rekor, and leave no provenance in the output directory (run here as the script behind it).
import { describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(300_000);

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('npm run demo -- --faults rekor=503x*', () => {
  it('exits non-zero naming Rekor and writes no .intoto.jsonl', async () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-rekor-down-'));
    const { code, output } = await run('npx', [
      'tsx',
      'demo/main.ts',
      '--faults',
      'rekor=503x*',
      '--out',
      out
    ]);
    expect({ code: code !== 0 ? 'non-zero' : code, output }).toEqual({ code: 'non-zero', output });
    expect(output).toMatch(/::error::SERVICE_UNAVAILABLE: Rekor \(http:\/\/127\.0\.0\.1:\d+\)/);
    expect(filesUnder(out).filter((f) => f.includes('.intoto.jsonl'))).toEqual([]);
    // The demo did get as far as starting: the trusted root it copies is there.
    expect(filesUnder(out)).toContain('trusted_root.json');
  });
});
