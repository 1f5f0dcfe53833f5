// Adds one release (tag → commit) to builder-releases.ts. Run at release time, before the
// verifier is built:  tsx src/verify/policy/record-release.ts v1.2.3 <40-hex commit>
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProvenanceError } from '../../errors.js';
import type { BuilderRelease } from './builder-releases.js';

const BEGIN = '// BEGIN RELEASES (generated; one entry per line)';
const END = '// END RELEASES';

/** The releases with one more, refusing a tag that is already listed with another commit. */
export function addRelease(
  releases: readonly BuilderRelease[],
  tag: string,
  commit: string
): BuilderRelease[] {
  const ref = tag.startsWith('refs/tags/') ? tag : `refs/tags/${tag}`;
  if (!/^refs\/tags\/v\d+\.\d+\.\d+$/.test(ref))
    throw new ProvenanceError('INPUT_INVALID', `release tag: expected vX.Y.Z, found ${tag}`);
  if (!/^[0-9a-f]{40}$/.test(commit))
    throw new ProvenanceError('INPUT_INVALID', `release commit: expected 40 hex, found ${commit}`);
  const listed = releases.find((r) => r.tag === ref);
  if (listed && listed.commit !== commit)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `release ${ref} is already recorded at ${listed.commit}; a release tag never moves`
    );
  return listed ? [...releases] : [...releases, { tag: ref, commit }];
}

export function renderReleases(source: string, releases: readonly BuilderRelease[]): string {
  const start = source.indexOf(BEGIN);
  const end = source.indexOf(END);
  if (start === -1 || end === -1) throw new Error('builder-releases.ts: markers not found');
  const body =
    releases.length === 0
      ? 'export const BUILDER_RELEASES: readonly BuilderRelease[] = [];'
      : [
          'export const BUILDER_RELEASES: readonly BuilderRelease[] = [',
          ...releases.map(
            (r, i) =>
              `  { tag: '${r.tag}', commit: '${r.commit}' }${i === releases.length - 1 ? '' : ','}`
          ),
          '];'
        ].join('\n');
  return `${source.slice(0, start)}${BEGIN}\n${body}\n${source.slice(end)}`;
}

async function main(argv: string[]): Promise<void> {
  const [tag, commit] = argv;
  if (tag === undefined || commit === undefined)
    throw new ProvenanceError('INPUT_INVALID', 'usage: record-release.ts vX.Y.Z <commit>');
  const file = fileURLToPath(new URL('./builder-releases.ts', import.meta.url));
  const { BUILDER_RELEASES } = await import('./builder-releases.js');
  writeFileSync(
    file,
    renderReleases(readFileSync(file, 'utf8'), addRelease(BUILDER_RELEASES, tag, commit))
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
