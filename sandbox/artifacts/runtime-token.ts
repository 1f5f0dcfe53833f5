// ACTIONS_RUNTIME_TOKEN stand-in: a JWT whose `scp` claim carries
// `Actions.Results:<runBackendId>:<jobBackendId>`, which @actions/artifact decodes to address
// the results service. The sandbox signs it (HS256) so the service can tell its own tokens apart.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export interface RuntimeClaims {
  runBackendId: string;
  jobBackendId: string;
}

export function mintRuntimeToken(
  secret: Buffer,
  claims: RuntimeClaims,
  lifetimeSeconds = 3600
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${claims.runBackendId}:${claims.jobBackendId}`,
      iss: 'vstoken.actions.githubusercontent.com',
      nbf: now - 5,
      exp: now + lifetimeSeconds
    })
  );
  const signature = b64url(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}

/** The backend ids a valid token grants, or undefined for a forged, expired or malformed one. */
export function verifyRuntimeToken(secret: Buffer, token: string): RuntimeClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      scp?: string;
      exp?: number;
    };
    if (typeof claims.exp !== 'number' || claims.exp < Date.now() / 1000) return undefined;
    for (const scope of (claims.scp ?? '').split(' ')) {
      const [kind, run, job, ...rest] = scope.split(':');
      if (kind === 'Actions.Results' && run && job && rest.length === 0)
        return { runBackendId: run, jobBackendId: job };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
