// actions/download-artifact stand-in (see action.yml): @actions/artifact against the results
// service in ACTIONS_RESULTS_URL, this run's artifacts only.
import { mkdirSync } from 'node:fs';
import { join, matchesGlob, resolve } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const destination = resolve(workspace, core.getInput('path') || '.');
  const name = core.getInput('name');
  const pattern = core.getInput('pattern');
  const merge = core.getBooleanInput('merge-multiple');
  const client = new DefaultArtifactClient();
  mkdirSync(destination, { recursive: true });

  if (name) {
    // One artifact by name: its files land in path itself.
    const { artifact } = await client.getArtifact(name);
    await client.downloadArtifact(artifact.id, { path: destination });
    core.info(`Downloaded artifact ${name} (id ${artifact.id}) to ${destination}`);
  } else {
    const { artifacts } = await client.listArtifacts({ latest: true });
    const chosen = pattern ? artifacts.filter((a) => matchesGlob(a.name, pattern)) : artifacts;
    for (const a of chosen) {
      // Several artifacts: one folder each, unless merge-multiple.
      const path = merge ? destination : join(destination, a.name);
      mkdirSync(path, { recursive: true });
      await client.downloadArtifact(a.id, { path });
      core.info(`Downloaded artifact ${a.name} (id ${a.id}) to ${path}`);
    }
    if (chosen.length === 0) core.info(`No artifact matched '${pattern || '*'}'`);
  }
  core.setOutput('download-path', destination);
}

try {
  await main();
} catch (e) {
  core.setFailed(`download-artifact stand-in: ${e instanceof Error ? e.message : String(e)}`);
}
