// The workflow and action files this area ships, read from the repository.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Doc } from './isolation-invariants.js';

export const ROOT = join(import.meta.dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every workflow: ours under .github/workflows and the callers under examples/. */
export const WORKFLOW_FILES = [...yamlFiles('.github/workflows'), ...yamlFiles('examples')];

/** Composite actions we ship. */
export const ACTION_FILES = [
  '.github/actions/pinned-builder/action.yml',
  'actions/upload-subjects/action.yml'
];

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function readDoc(path: string): Doc {
  return parse(readText(path)) as Doc;
}
