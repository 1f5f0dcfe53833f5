// Which OIDC token goes to Fulcio for each certificate. GitHub's tokens live five minutes
// (docs.github.com/en/actions/reference/security/oidc; `exp` is `iat` + 300 in its example),
// while a run renews its ten-minute certificate after about eight (reused-certificate.ts): the
// token the run started with has expired by then. So the first certificate may use that token
// while it has time left, and every later one gets a fresh token from the runner. A fresh token
// is verified like the first and must name the same identity: the certificate has to match the
// provenance the context was built from.
import { decodeJwt } from 'jose';
import type { GitHubClaims } from '../context/claims.js';
import { ProvenanceError } from '../errors.js';

export interface VerifiedOidcToken {
  token: string;
  claims: GitHubClaims;
}

export interface FulcioTokenSourceOptions {
  /** The token the build context was built from, already verified. */
  initial: VerifiedOidcToken;
  /** Asks the runner for a new token (audience sigstore) and verifies it. */
  refresh: () => Promise<VerifiedOidcToken>;
  /** Clock in ms (default Date.now). */
  now?: () => number;
  /** A token with less time than this left is not handed to Fulcio (default 60 s). */
  minRemainingMs?: number;
}

export const MIN_TOKEN_REMAINING_MS = 60_000;

function expiresAtMs(token: string): number {
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' ? exp * 1000 : 0;
}

/** The claims that say who signs; `iat` (and the unpicked time claims) may differ. */
function identityDifference(first: GitHubClaims, next: GitHubClaims): string | undefined {
  const names = new Set([...Object.keys(first), ...Object.keys(next)]);
  names.delete('iat');
  for (const name of [...names].sort()) {
    const a = (first as unknown as Record<string, unknown>)[name];
    const b = (next as unknown as Record<string, unknown>)[name];
    if (a !== b)
      return `${name} is ${JSON.stringify(b)} where the first token had ${JSON.stringify(a)}`;
  }
  return undefined;
}

/** A getToken for @sigstore/sign's identity provider: called once per certificate. */
export function fulcioTokenSource(options: FulcioTokenSourceOptions): () => Promise<string> {
  const now = options.now ?? Date.now;
  const minRemaining = options.minRemainingMs ?? MIN_TOKEN_REMAINING_MS;
  let initialUsed = false;
  return async () => {
    if (!initialUsed) {
      initialUsed = true;
      if (expiresAtMs(options.initial.token) - now() > minRemaining) return options.initial.token;
    }
    const fresh = await options.refresh();
    const difference = identityDifference(options.initial.claims, fresh.claims);
    if (difference) {
      throw new ProvenanceError(
        'CONTEXT_MISMATCH',
        `OIDC token: the new token for the next Fulcio certificate names another identity (${difference}); refusing to sign`
      );
    }
    return fresh.token;
  };
}
