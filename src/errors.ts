// Typed errors. Anything the user can fix (bad input, wrong permissions, a platform
// mismatch) is a ProvenanceError: it is printed as one clear line, never a stack trace.

export type ErrorCode =
  | 'SUBJECTS_INVALID'
  | 'OIDC_UNAVAILABLE'
  | 'OIDC_INVALID'
  | 'CONTEXT_MISMATCH'
  | 'RUNNER_REFUSED'
  | 'NOT_ISOLATED'
  | 'EVENT_UNSUPPORTED'
  | 'INPUT_INVALID'
  | 'SIGNING_FAILED'
  | 'SERVICE_UNAVAILABLE'
  | 'PUBLISH_FAILED'
  | 'REGISTRY_ERROR'
  | 'VERIFY_FAILED'
  | 'FORMAT_INVALID';

export class ProvenanceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProvenanceError';
    this.code = code;
  }
}

export function isProvenanceError(e: unknown): e is ProvenanceError {
  return e instanceof ProvenanceError;
}

/** A one-line description of any thrown value, for messages that wrap a lower-level failure. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
