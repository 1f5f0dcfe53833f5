// actions/upload-artifact stand-in (see action.yml): @actions/artifact against the results
// service in ACTIONS_RESULTS_URL. Files and folders only; the real action also takes globs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function main(): Promise<void> {
  const name = core.getInput('name') || 'artifact';
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const paths = core
    .getMultilineInput('path', { required: true })
    .map((p) => resolve(workspace, p.trim()));
  for (const p of paths)
    if (/[*?[\]{}]/.test(p)) throw new Error(`path '${p}': glob patterns are not supported here`);
  const present = paths.filter((p) => existsSync(p));
  const files = present.flatMap(filesUnder);
  if (files.length === 0) {
    const mode = core.getInput('if-no-files-found') || 'warn';
    const message = `no files found at ${paths.join(', ')}`;
    if (mode === 'error') throw new Error(message);
    if (mode === 'warn') core.warning(message);
    return;
  }
  // As the real action: one folder uploads its contents; a file uploads under its own name.
  const rootDirectory =
    present.length === 1 && statSync(present[0]!).isDirectory()
      ? present[0]!
      : commonDirectory(present.map((p) => (statSync(p).isDirectory() ? p : dirname(p))));
  const client = new DefaultArtifactClient();
  if (core.getBooleanInput('overwrite')) {
    await client.deleteArtifact(name).catch(() => undefined);
  }
  const retention = Number(core.getInput('retention-days') || '0');
  const result = await client.uploadArtifact(name, files, rootDirectory, {
    ...(retention > 0 ? { retentionDays: retention } : {}),
    compressionLevel: Number(core.getInput('compression-level') || '6')
  });
  core.info(`Uploaded artifact ${name} (id ${result.id}, ${result.size} bytes)`);
  core.setOutput('artifact-id', String(result.id ?? ''));
  core.setOutput(
    'artifact-url',
    `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}/artifacts/${result.id}`
  );
  core.setOutput('artifact-digest', result.digest ?? '');
}

function commonDirectory(dirs: string[]): string {
  let common = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (!(d === common || d.startsWith(`${common}/`))) common = dirname(common);
  }
  return common;
}

try {
  await main();
} catch (e) {
  core.setFailed(`upload-artifact stand-in: ${e instanceof Error ? e.message : String(e)}`);
}
