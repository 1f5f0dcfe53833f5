// Upload the provenance file as a workflow artifact through @actions/artifact. GitHub refuses a
// second artifact with the same name in a run, so a re-run first looks for one: identical
// content means the work is already done; different content is an error, never a replacement.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { ProvenanceError, describeError } from '../errors.js';

export type ArtifactTransport = Pick<
  ArtifactClient,
  'listArtifacts' | 'uploadArtifact' | 'downloadArtifact'
>;

export interface WorkflowArtifactInput {
  client: ArtifactTransport;
  /** Artifact name; the provenance file name by convention. */
  name: string;
  filePath: string;
  retentionDays?: number;
  /** Whether an existing artifact with other bytes attests the same build (a re-run). */
  sameBuild?: (existing: Buffer) => boolean;
}

export interface WorkflowArtifactResult {
  id: number;
  /** false when an artifact with this name and identical content already existed. */
  uploaded: boolean;
  /**
   * The earlier artifact's bytes when it attests the same build with other bytes (a re-run
   * signed again): that one stands, and the run should hand on its bytes, not its own.
   */
  kept?: Buffer;
}

async function existingContent(
  client: ArtifactTransport,
  id: number,
  fileName: string
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'provenance-artifact-'));
  try {
    await client.downloadArtifact(id, { path: dir });
    return await readFile(join(dir, fileName));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @actions/artifact retries 5xx and 429 itself but gives up at once on a dropped connection
 * (its NetworkError). Those get a few more tries here; the whole list-compare-upload sequence
 * is repeated, so an upload that did land before the connection dropped is found, not doubled.
 */
const NETWORK_ATTEMPTS = 3;

function isNetworkFailure(e: unknown): boolean {
  const cause = e instanceof ProvenanceError ? e.cause : e;
  if (typeof cause === 'object' && cause !== null && (cause as Error).name === 'NetworkError')
    return true;
  // listArtifacts re-wraps it in a plain Error, keeping only NetworkError's message.
  return /Unable to make request: E[A-Z]+/.test(describeError(cause));
}

export async function publishWorkflowArtifact(
  input: WorkflowArtifactInput,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
): Promise<WorkflowArtifactResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(input);
    } catch (e) {
      if (attempt >= NETWORK_ATTEMPTS || !isNetworkFailure(e)) throw e;
      await sleep(1_000 * attempt);
    }
  }
}

async function publishOnce(input: WorkflowArtifactInput): Promise<WorkflowArtifactResult> {
  const { client, name, filePath } = input;
  const fileName = basename(filePath);
  const what = `workflow artifact "${name}"`;
  const content = await readFile(filePath);

  let existing: { id: number } | undefined;
  try {
    const { artifacts } = await client.listArtifacts();
    existing = artifacts.filter((a) => a.name === name).sort((a, b) => b.id - a.id)[0];
  } catch (e) {
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `${what}: could not list the run's artifacts: ${describeError(e)}`,
      { cause: e }
    );
  }

  if (existing) {
    let theirs: Buffer;
    try {
      theirs = await existingContent(client, existing.id, fileName);
    } catch (e) {
      throw new ProvenanceError(
        'PUBLISH_FAILED',
        `${what} already exists (id ${existing.id}) and could not be read back to compare: ${describeError(e)}`,
        { cause: e }
      );
    }
    if (theirs.equals(content)) return { id: existing.id, uploaded: false };
    if (input.sameBuild?.(theirs)) return { id: existing.id, uploaded: false, kept: theirs };
    throw new ProvenanceError(
      'PUBLISH_FAILED',
      `${what} already exists in this run (id ${existing.id}) with different content; refusing to publish a second provenance under the same name`
    );
  }

  try {
    const result = await client.uploadArtifact(name, [filePath], dirname(filePath), {
      ...(input.retentionDays !== undefined ? { retentionDays: input.retentionDays } : {})
    });
    if (result.id === undefined) throw new Error('the service returned no artifact id');
    return { id: result.id, uploaded: true };
  } catch (e) {
    throw new ProvenanceError('PUBLISH_FAILED', `${what}: upload failed: ${describeError(e)}`, {
      cause: e
    });
  }
}
