// Shapes of the values the platform hands us. Even signed claims are parsed as hostile input:
// a value that does not look like what GitHub documents is refused, never passed through.
import { BUILDER_WORKFLOW_PATHS } from '../identity.js';
import { safeLogText } from '../sanitize.js';

const COMMIT_SHA = /^[0-9a-f]{40}$/;
const NUMERIC_ID = /^[1-9][0-9]{0,18}$/;
// GitHub owner names: alphanumerics and single hyphens; repository names: alphanumerics, . _ -
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const WORKFLOW_PATH = /^\.github\/workflows\/[^/@\\\s\u0000-\u001f\u007f]+\.ya?ml$/;
const EVENT_NAME = /^[a-z_]{1,64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function isCommitSha(value: string): boolean {
  return COMMIT_SHA.test(value);
}

/** Numeric ids (repository, owner, run, attempt) travel as decimal strings without sign or zero padding. */
export function isNumericId(value: string): boolean {
  return NUMERIC_ID.test(value);
}

export function isRepositoryName(value: string): boolean {
  if (!REPOSITORY.test(value)) return false;
  const name = value.slice(value.indexOf('/') + 1);
  return name !== '.' && name !== '..';
}

export function isWorkflowPath(value: string): boolean {
  return WORKFLOW_PATH.test(value) && !value.includes('..');
}

export function isEventName(value: string): boolean {
  return EVENT_NAME.test(value);
}

/** A fully qualified git ref as `git check-ref-format` would accept it, under refs/heads|tags|pull. */
export function isGitRef(value: string): boolean {
  if (value.length > 1024) return false;
  if (!/^refs\/(heads|tags|pull)\/./.test(value)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(value)) return false;
  if (value.includes('..') || value.includes('@{') || value.includes('//')) return false;
  if (value.endsWith('/') || value.endsWith('.') || value.endsWith('.lock')) return false;
  return value.split('/').every((part) => part.length > 0 && !part.startsWith('.'));
}

/** The ref part of a reusable workflow reference: a git ref or a full commit SHA. */
export function isWorkflowRefPin(value: string): boolean {
  return isGitRef(value) || isCommitSha(value);
}

export function isRfc3339(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

export interface WorkflowReference {
  repository: string;
  path: string;
  ref: string;
}

/**
 * Splits `owner/name/.github/workflows/file.yml@ref`. The path may not contain `@`, so the
 * first `@` after the path ends it; the ref itself may contain `@`.
 */
export function parseWorkflowReference(value: string): WorkflowReference | undefined {
  const match = /^([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(value);
  if (!match) return undefined;
  const [, repository = '', path = '', ref = ''] = match;
  if (!isRepositoryName(repository) || !isWorkflowPath(path) || !isWorkflowRefPin(ref))
    return undefined;
  return { repository, path, ref };
}

/** Whether a job_workflow_ref names one of our reusable builder workflows in `repository`. */
export function namesTrustedBuilder(jobWorkflowRef: string, repository: string): boolean {
  const job = parseWorkflowReference(jobWorkflowRef);
  return (
    job !== undefined &&
    job.repository === repository &&
    (BUILDER_WORKFLOW_PATHS as readonly string[]).includes(job.path)
  );
}

/** A value quoted for an error message: JSON-quoted, inert in logs, bounded. */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  return safeLogText(printable(value), 200);
}

/** String(value) throws for parsed JSON like {"toString": 1}: describe objects as JSON. */
function printable(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
