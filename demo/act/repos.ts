// The git side of an act run: the sandbox's local "git root" (bare repositories by owner/name,
// read by the checkout stand-in) holding
//   - this repository as a builder release: a commit of the current work tree, tagged v1.0.0,
//     whose sha the OIDC token names as job_workflow_sha (what a caller's `@v1.0.0` resolves to);
//   - the caller repository: an examples/ workflow as .github/workflows/<file>, a Makefile for
//     its `make dist`, committed and tagged like a release would be.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_REPOSITORY } from '../../src/identity.js';

/** Fixed author and dates, so the same tree gives the same commit. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'isolated-provenance demo',
  GIT_AUTHOR_EMAIL: 'demo@example.invalid',
  GIT_COMMITTER_NAME: 'isolated-provenance demo',
  GIT_COMMITTER_EMAIL: 'demo@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z'
};

export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024
  }).trim();
}

export interface LocalRepository {
  /** owner/name */
  repository: string;
  /** Work tree of the commit (act's --local-repository target). */
  dir: string;
  sha: string;
  tag: string;
}

/** Commits `dir` as it is, tags it, and publishes a bare clone under the git root. */
function commitAndPublish(
  dir: string,
  repository: string,
  tag: string,
  gitRoot: string
): LocalRepository {
  git(['init', '--quiet', '--initial-branch=main'], dir);
  git(['add', '--all'], dir);
  git(['commit', '--quiet', '--no-gpg-sign', '-m', `${repository} ${tag}`], dir);
  git(['tag', tag], dir);
  const sha = git(['rev-parse', 'HEAD'], dir);
  const bare = join(gitRoot, `${repository}.git`);
  mkdirSync(dirname(bare), { recursive: true });
  git(['clone', '--quiet', '--bare', dir, bare], dirname(bare));
  return { repository, dir, sha, tag };
}

/**
 * This repository's work tree (tracked and new files, not ignored ones) as a builder release.
 * `distDir` replaces dist/ (a private build of the action, as PROVENANCE_DIST in the tests).
 */
export function publishBuilder(options: {
  projectRoot: string;
  workDir: string;
  gitRoot: string;
  tag: string;
  distDir?: string;
}): LocalRepository {
  const { projectRoot, workDir } = options;
  const files = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], projectRoot)
    .split('\0')
    .filter((f) => f !== '' && !(options.distDir && f.startsWith('dist/')));
  mkdirSync(workDir, { recursive: true });
  for (const f of files) {
    try {
      cpSync(join(projectRoot, f), join(workDir, f), { recursive: false });
    } catch {
      // a file deleted from the work tree but not yet from the index
    }
  }
  if (options.distDir) cpSync(options.distDir, join(workDir, 'dist'), { recursive: true });
  return commitAndPublish(workDir, PROJECT_REPOSITORY, options.tag, options.gitRoot);
}

/** The demo build: `make dist` writes these three files. */
export const DEMO_ARTIFACTS = ['app-linux-amd64', 'app-darwin-arm64', 'app-windows-amd64.exe'];

const MAKEFILE = `# The demo's build: three small "binaries" in dist/, and an image holding them.
.PHONY: dist image
dist:
\tmkdir -p dist
\tfor name in ${DEMO_ARTIFACTS.join(' ')}; do printf 'demo build of %s\\n' "$$name" >"dist/$$name"; done
image: dist
\tsh build-image.sh
`;

/**
 * \`make image\`: an OCI image layout (image/) with one layer holding dist/, made with tar and
 * sha256sum alone — no Docker daemon, as ko, jib or buildah would hand over.
 */
const BUILD_IMAGE = `#!/bin/sh
set -eu
rm -rf image && mkdir -p image/blobs/sha256
blob() { d=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "image/blobs/sha256/$d"; echo "$d"; }
size() { wc -c <"image/blobs/sha256/$1" | tr -d ' '; }
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf layer.tar dist
layer=$(blob layer.tar)
printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$layer" >config.json
config=$(blob config.json)
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%s","size":%s}]}' "$config" "$(size "$config")" "$layer" "$(size "$layer")" >manifest.json
manifest=$(blob manifest.json)
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s}]}' "$manifest" "$(size "$manifest")" >image/index.json
printf '{"imageLayoutVersion":"1.0.0"}' >image/oci-layout
`;

/** A caller repository whose only workflow is `workflowText`, at `.github/workflows/<file>`. */
export function publishCaller(options: {
  repository: string;
  workDir: string;
  gitRoot: string;
  workflowFile: string;
  workflowText: string;
  tag: string;
}): LocalRepository {
  const { workDir } = options;
  mkdirSync(join(workDir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(workDir, '.github', 'workflows', options.workflowFile), options.workflowText);
  writeFileSync(join(workDir, 'Makefile'), MAKEFILE);
  writeFileSync(join(workDir, 'build-image.sh'), BUILD_IMAGE, { mode: 0o755 });
  writeFileSync(join(workDir, '.gitignore'), 'dist/\nimage/\n__isolated_provenance_builder/\n');
  return commitAndPublish(workDir, options.repository, options.tag, options.gitRoot);
}
