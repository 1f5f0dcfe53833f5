// Shared by the end-to-end threat and injection tests: what a run of the bundled action left
// behind (files, log, sandbox state), read back the way a reviewer would look for it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';
import type { ActionProcessResult } from '../helpers/run-action.js';

/** base64-subjects input in the JSON form, so any name the parser accepts can be passed. */
export function base64SubjectsFor(names: readonly string[]): string {
  const subjects = names.map((name) => ({
    name,
    digest: { sha256: createHash('sha256').update(name).digest('hex') }
  }));
  return Buffer.from(JSON.stringify(subjects)).toString('base64');
}

/** Every `.intoto.jsonl` anywhere under `dir`. */
export function provenanceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.intoto.jsonl'))
    .map((f) => join(dir, f));
}

interface StatementJson {
  subject: { name: string }[];
  predicate: {
    buildDefinition: { internalParameters: { github: { runner_environment: string } } };
    runDetails: { builder: { id: string } };
  };
}

/** The in-toto statements signed into a `.intoto.jsonl` (one Sigstore bundle per line). */
export function signedStatements(path: string): StatementJson[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const bundle = JSON.parse(line) as { dsseEnvelope: { payload: string } };
      return JSON.parse(
        Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
      ) as StatementJson;
    });
}

/** Lines of a JavaScript stack trace ("    at fn (file:line:col)"). */
export function stackTraceLines(log: string): string[] {
  return log.split('\n').filter((line) => /^\s+at\s.+[:(]/.test(line));
}

/** Everything a refused run must not have produced, as one object for a single assertion. */
export function leftovers(sandbox: Sandbox, result: ActionProcessResult) {
  return {
    provenanceFiles: provenanceFiles(result.runnerTemp),
    rekorEntries: sandbox.rekorSize(),
    releases: sandbox.github.releases.length,
    assets: sandbox.github.assets.length,
    attestations: sandbox.github.attestations.length,
    workflowArtifacts: sandbox.artifacts?.listArtifacts().length ?? 0,
    outputs: Object.keys(result.outputs)
  };
}

export const NOTHING_LEFT = {
  provenanceFiles: [],
  rekorEntries: 0,
  releases: 0,
  assets: 0,
  attestations: 0,
  workflowArtifacts: 0,
  outputs: []
};
