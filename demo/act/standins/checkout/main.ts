// actions/checkout stand-in (see action.yml): a git checkout from the sandbox's local git root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';

function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim();
}

function main(): void {
  const root = process.env.ISOLATED_PROVENANCE_GIT_ROOT ?? '';
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const repository = core.getInput('repository') || process.env.GITHUB_REPOSITORY || '';
  if (!root) throw new Error('ISOLATED_PROVENANCE_GIT_ROOT is not set: run through the demo');
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    throw new Error(`repository: expected owner/name, found '${repository}'`);
  const source = join(root, `${repository}.git`);
  if (!existsSync(source))
    throw new Error(`repository ${repository} is not in the sandbox's git root (${source})`);

  // The default ref, as actions/checkout: the run's commit for the run's own repository.
  const wanted =
    core.getInput('ref') ||
    (repository === process.env.GITHUB_REPOSITORY ? (process.env.GITHUB_SHA ?? '') : 'HEAD');
  let commit: string;
  try {
    commit = git(['--git-dir', source, 'rev-parse', '--verify', `${wanted}^{commit}`]);
  } catch {
    throw new Error(`ref '${wanted}' does not name a commit of ${repository}`);
  }

  const target = resolve(workspace, core.getInput('path') || '.');
  const inside = relative(workspace, target);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new Error(`path: expected a folder under the workspace, found '${target}'`);

  // A subfolder is replaced (clean: true); the workspace itself is act's fresh job folder.
  if (inside !== '') rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  git(['init', '--quiet', target]);
  git(['fetch', '--quiet', '--no-tags', source, '+refs/*:refs/remotes/origin/*'], target);
  git(['checkout', '--quiet', '--force', '--detach', commit], target);
  core.info(`Checked out ${repository}@${commit} (${wanted}) into ${target}`);
  core.setOutput('ref', wanted);
  core.setOutput('commit', commit);
}

try {
  main();
} catch (e) {
  core.setFailed(`checkout stand-in: ${e instanceof Error ? e.message : String(e)}`);
}
