// The peers over real bundles whose verdict is known: the sigstore-conformance `bundle-verify`
// cases in ../shared/corpus (a `_fail` suffix means the bundle must be rejected; identity and
// issuer are the conformance beacon's). Each case goes to sigstore-go and sigstore-python, and
// to our own verifier (scripts/corpus/conformance-cases.ts); the report lists every case where a
// peer and our verifier disagree. These rows inform, they do not gate: a peer's own conformance
// gaps are not ours to fix, and the conformance suite itself gates our verifier
// (npm run test:corpus).
import { mkdirSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_IDENTITY, DEFAULT_ISSUER, runConformance } from '../corpus/conformance-cases.js';
import { peerBinary, REPO_ROOT } from '../../sandbox/real/peers.js';
import type { InteropResult } from './report.js';

const CORPUS = resolve(process.env.CORPUS_DIR ?? join(REPO_ROOT, '..', 'shared', 'corpus'));
const CASES = join(CORPUS, 'sigstore-conformance', 'test', 'assets', 'bundle-verify');
const PUBLIC_GOOD_ROOT = join(CORPUS, 'sigstore-root-signing', 'targets', 'trusted_root.json');
const PUBLIC_GOOD_SIGNING_CONFIG = join(
  CORPUS,
  'sigstore-root-signing',
  'targets',
  'signing_config.v0.2.json'
);

function verdictOf(argv: string[]): { got: 'pass' | 'fail'; detail: string } {
  const [file, ...rest] = argv;
  const result = spawnSync(file ?? '', rest, { encoding: 'utf8', timeout: 60_000 });
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.includes('UserWarning') && !l.startsWith('_logger'));
  return { got: result.status === 0 ? 'pass' : 'fail', detail: lines.slice(-1)[0] ?? '' };
}

export interface CorpusComparison {
  rows: InteropResult[];
  /** Cases where a peer and our verifier reach different verdicts. */
  disagreements: string[];
}

export async function runCorpusComparison(options: {
  out: string;
  say: (line: string) => void;
}): Promise<CorpusComparison> {
  const { say } = options;
  if (!existsSync(CASES)) {
    say(`\n── corpus: no sigstore-conformance cases at ${CASES}; skipped (set CORPUS_DIR)`);
    return { rows: [], disagreements: [] };
  }
  say(
    '\n── corpus: sigstore-conformance bundle-verify cases through sigstore-go and sigstore-python'
  );
  const ours = new Map(
    (await runConformance(CASES))
      .filter((r) => r.mode === 'file')
      .map((r) => [r.name, r.exitCode === 0 ? 'pass' : 'fail'] as const)
  );
  const trustDir = join(options.out, 'trust', 'corpus');
  mkdirSync(trustDir, { recursive: true });
  const sigstoreGo = peerBinary('sigstore-go');
  const sigstorePython = peerBinary('sigstore-python');
  const rows: InteropResult[] = [];
  const disagreements: string[] = [];
  const names = readdirSync(CASES)
    .filter((n) => statSync(join(CASES, n)).isDirectory())
    .filter((n) => !existsSync(join(CASES, n, 'key.pub'))) // keyed cases: no identity to check
    .sort();
  for (const name of names) {
    const dir = join(CASES, name);
    const bundle = join(dir, 'bundle.sigstore.json');
    const artifact = existsSync(join(dir, 'artifact'))
      ? join(dir, 'artifact')
      : join(CASES, 'a.txt');
    const root = existsSync(join(dir, 'trusted_root.json'))
      ? join(dir, 'trusted_root.json')
      : PUBLIC_GOOD_ROOT;
    const trustConfig = join(trustDir, `${name}.trust_config.json`);
    writeFileSync(
      trustConfig,
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
        trustedRoot: JSON.parse(readFileSync(root, 'utf8')) as unknown,
        signingConfig: JSON.parse(readFileSync(PUBLIC_GOOD_SIGNING_CONFIG, 'utf8')) as unknown
      })
    );
    const expected = name.endsWith('_fail') ? 'fail' : 'pass';
    const ourVerdict = ours.get(name) ?? 'not run';
    const commands: [string, string[]][] = [];
    if (sigstoreGo)
      commands.push([
        'sigstore-go',
        [
          sigstoreGo,
          '-trustedrootJSONpath',
          root,
          '-expectedIssuer',
          DEFAULT_ISSUER,
          '-expectedSAN',
          DEFAULT_IDENTITY,
          '-artifact',
          artifact,
          bundle
        ]
      ]);
    if (sigstorePython)
      commands.push([
        'sigstore-python',
        [
          sigstorePython,
          '--trust-config',
          trustConfig,
          'verify',
          'identity',
          '--offline',
          '--bundle',
          bundle,
          '--cert-identity',
          DEFAULT_IDENTITY,
          '--cert-oidc-issuer',
          DEFAULT_ISSUER,
          artifact
        ]
      ]);
    for (const [peer, argv] of commands) {
      const { got, detail } = verdictOf(argv);
      if (got !== ourVerdict) disagreements.push(`${name}: ${peer} ${got}, ours ${ourVerdict}`);
      rows.push({
        peer,
        format: 'corpus',
        case: name,
        expected,
        got,
        command: argv.join(' ').replaceAll(`${REPO_ROOT}/`, '').replaceAll(`${CORPUS}/`, 'corpus/'),
        detail: `ours: ${ourVerdict}${got === 'fail' && detail ? `; peer: ${detail}` : ''}`
      });
    }
  }
  const agreeing = rows.filter((r) => r.got === r.expected).length;
  say(
    `   ${rows.length} peer verdicts over ${names.length} cases: ${agreeing} as the suite expects; ${disagreements.length} where a peer and our verifier disagree`
  );
  for (const d of disagreements) say(`   differs: ${d}`);
  return { rows, disagreements };
}
