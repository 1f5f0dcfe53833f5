// The `gh attestation verify` line of the job summary, run by the real gh (built by
// scripts/install-peers.sh) against provenance the bundled action signed on the sandbox: the
// command passes as printed (plus the sandbox's trusted root and issuer), and the pins it
// carries are live: another source ref or another builder commit is refused by gh itself.
// Skipped, and named as skipped, where gh is not built.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { peerBinary } from '../../sandbox/real/peers.js';
import { startActionHarness, type ActionHarness } from '../helpers/action-harness.js';

const GH = peerBinary('gh');
const ARTIFACT = 'app-linux';

describe('the summary gh command through the real gh', () => {
  let harness: ActionHarness;
  let dir: string;
  let words: string[];
  let trust: string[];

  beforeAll(async () => {
    if (!GH) return;
    harness = await startActionHarness();
    dir = harness.tempDir('summary-gh-');
    const bytes = Buffer.from('an artifact gh verifies\n');
    writeFileSync(join(dir, ARTIFACT), bytes);
    const digest = createHash('sha256').update(bytes).digest('hex');
    const run = await harness.run({
      'base64-subjects': Buffer.from(`${digest}  ${ARTIFACT}\n`).toString('base64')
    });
    expect(run.exitCode).toBe(0);
    writeFileSync(join(dir, `${ARTIFACT}.intoto.jsonl`), run.provenance!.content);
    const line = run.summary.split('\n').find((l) => l.startsWith('gh attestation verify '))!;
    // The words bash reads from the printed line.
    words = execFileSync('bash', ['--noprofile', '--norc', '-c', `printf '%s\\0' ${line}`], {
      encoding: 'utf8'
    })
      .split('\0')
      .slice(0, -1);
    // gh reads --custom-trusted-root as JSON lines: one trusted root per line.
    const root = JSON.parse(readFileSync(harness.sandbox.trustedRootPath, 'utf8')) as unknown;
    writeFileSync(join(dir, 'trusted_root.jsonl'), `${JSON.stringify(root)}\n`);
    trust = [
      '--custom-trusted-root',
      'trusted_root.jsonl',
      '--cert-oidc-issuer',
      harness.sandbox.urls.oidc
    ];
    if (!words.includes('--bundle')) trust.push('--bundle', `${ARTIFACT}.intoto.jsonl`);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  const gh = (args: string[]) =>
    spawnSync(GH!, [...args, ...trust], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env['PATH'], GH_CONFIG_DIR: dir, GH_TOKEN: '', NO_COLOR: '1' }
    });
  const swap = (from: RegExp, to: string) => words.slice(1).map((w) => (from.test(w) ? to : w));

  (GH ? it : it.skip)('passes as printed', () => {
    expect(words.slice(0, 4)).toEqual(['gh', 'attestation', 'verify', ARTIFACT]);
    const r = gh(words.slice(1));
    // gh prints nothing on success when its output is not a terminal: the exit code is the verdict.
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  (GH ? it : it.skip)('is refused by gh for another source ref', () => {
    const r = gh(swap(/^refs\/tags\/v1\.2\.3$/, 'refs/tags/v9.9.9'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/SourceRepositoryRef/);
  });

  (GH ? it : it.skip)('is refused by gh for another builder commit', () => {
    const r = gh(swap(/^[0-9a-f]{40}$/, '0'.repeat(40)));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/BuildSignerDigest/);
  });
});
