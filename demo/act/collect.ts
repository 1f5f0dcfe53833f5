// After act: what the run left on the sandbox's platform, read back the way a user would find
// it — the release of the tag and its assets, the workflow artifacts, the attestations — and
// the record demo-out/workflow-run.json keeps of it.
import { readZipEntries } from '../../sandbox/artifacts/zip.js';
import type { Sandbox } from '../../sandbox/index.js';
import type { ActJob } from './run-act.js';

export interface ReleaseRecord {
  tag: string;
  immutable: boolean;
  draft: boolean;
  assets: string[];
}

export interface RunRecord {
  caller: string;
  called: string;
  jobs: { name: string; result: string }[];
  result: 'success' | 'failure';
  release?: ReleaseRecord;
  /** What a re-run (second attempt on the same platform) reported, when there was one. */
  rerun?: { jobs: { name: string; result: string }[]; result: 'success' | 'failure' };
  provenance?: { name: string; sha256: string; source: 'release-asset' | 'workflow-artifact' };
  attestations?: number;
  /** What answered as Fulcio, TSA, Rekor and the CT log (real server or stand-in). */
  sandbox?: Record<string, string>;
  durationMs: number;
}

/** The job name without act's `<caller job>/<workflow name>/` prefix noise and padding. */
export function jobName(actName: string): string {
  return actName.trim();
}

export function jobsOf(jobs: readonly ActJob[]): { name: string; result: string }[] {
  return jobs.map((j) => ({ name: jobName(j.name), result: j.result }));
}

export function overall(exitCode: number, jobs: readonly ActJob[]): 'success' | 'failure' {
  return exitCode === 0 && jobs.length > 0 && jobs.every((j) => j.result === 'success')
    ? 'success'
    : 'failure';
}

export function releaseOf(sandbox: Sandbox, tag: string): ReleaseRecord | undefined {
  const release = sandbox.github.releases.find((r) => r.tagName === tag);
  if (!release) return undefined;
  return {
    tag,
    immutable: release.immutable,
    draft: release.draft,
    assets: sandbox.github.assets
      .filter((a) => a.releaseId === release.id)
      .map((a) => a.name)
      .sort()
  };
}

/** The published .intoto.jsonl: the release asset when there is one, else the workflow artifact. */
export async function provenanceOf(
  sandbox: Sandbox,
  tag: string
): Promise<
  { name: string; content: Buffer; source: 'release-asset' | 'workflow-artifact' } | undefined
> {
  const release = sandbox.github.releases.find((r) => r.tagName === tag);
  const asset = sandbox.github.assets.find(
    (a) => a.releaseId === release?.id && a.name.endsWith('.intoto.jsonl')
  );
  if (asset) return { name: asset.name, content: asset.content, source: 'release-asset' };
  const artifact = sandbox.artifacts?.listArtifacts().find((a) => a.name.endsWith('.intoto.jsonl'));
  if (!artifact || !sandbox.artifacts) return undefined;
  const entries = readZipEntries(await sandbox.artifacts.downloadArtifact(artifact.name));
  const content = entries.get(artifact.name);
  return content ? { name: artifact.name, content, source: 'workflow-artifact' } : undefined;
}
