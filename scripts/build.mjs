// Bundles the action (and the verifier CLI) with ncc into dist/.
// `--check` rebuilds into a scratch folder and fails when the committed dist/ differs,
// so a stale bundle can never be released.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const entries = [
  { input: 'src/index.ts', out: 'dist' },
  { input: 'src/verify/cli/index.ts', out: 'dist/cli' }
].filter((e) => existsSync(e.input));

const check = process.argv.includes('--check');
const root = check ? mkdtempSync(join(tmpdir(), 'ip-dist-')) : '.';
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

for (const { input, out } of entries) {
  const target = join(root, out);
  if (!check) rmSync(target, { recursive: true, force: true, maxRetries: 2 });
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      input,
      '-o',
      target,
      '--minify',
      '--license',
      'licenses.txt',
      '--quiet',
      '--target',
      'es2023'
    ],
    { stdio: 'inherit' }
  );
}

if (check) {
  const files = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true })
          .map(String)
          .filter((f) => statSync(join(dir, f)).isFile())
          .sort()
      : [];
  const fresh = files(join(root, 'dist'));
  const committed = files('dist');
  const problems = [];
  for (const f of new Set([...fresh, ...committed])) {
    const a = join(root, 'dist', f);
    const b = join('dist', f);
    if (!existsSync(b)) problems.push(`missing from dist/: ${f}`);
    else if (!existsSync(a)) problems.push(`stale file in dist/: ${f}`);
    else if (!readFileSync(a).equals(readFileSync(b))) problems.push(`out of date: dist/${f}`);
  }
  rmSync(root, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(
      `dist/ does not match the sources (run \`npm run build\` and commit):\n  ${problems.join('\n  ')}`
    );
    process.exit(1);
  }
  console.log(
    `dist/ is up to date (${fresh.length} files checked against ${relative('.', 'dist') || 'dist'})`
  );
}
