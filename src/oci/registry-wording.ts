// What can go wrong talking to a registry, as data; each caller words it for its own users.
// The default wording is the publisher's: it names the registry host and says what to do next.

export type RegistryProblem =
  /** Retries spent on network failures or 5xx/429; `detail` says how the last attempt failed. */
  | {
      kind: 'gave-up';
      method: string;
      url: URL;
      detail: string;
      attempts: number;
      seconds: string;
    }
  | { kind: 'status'; method: string; url: URL; status: number; expected: readonly number[] }
  | { kind: 'no-location'; method: string; url: URL }
  | { kind: 'redirect'; method: string; url: URL; detail: string }
  | { kind: 'realm-insecure'; realm: URL }
  | { kind: 'token-unreachable'; realm: URL; detail: string }
  | { kind: 'token-status'; realm: URL; status: number }
  | { kind: 'token-missing'; realm: URL }
  | { kind: 'too-large'; what: string; bytes: number; limit: number }
  | { kind: 'not-json'; what: string }
  /** Content fetched by digest hashed to something else. */
  | { kind: 'digest-mismatch'; what: string; expected: string; found: string }
  /** A manifest's bytes differ from the Docker-Content-Digest the registry announced. */
  | { kind: 'announced-mismatch'; reference: string; found: string; announced: string }
  | { kind: 'blob-missing'; digest: string };

export interface RegistryIdentity {
  /** host[:port] of the distribution API */
  host: string;
  baseUrl: string;
  repository: string;
  /** The user whose credentials were offered; never the password. */
  username: string | undefined;
}

/** The whole error message for a problem (REGISTRY_ERROR); must never include secrets. */
export type RegistryWording = (problem: RegistryProblem, registry: RegistryIdentity) => string;

export const defaultWording: RegistryWording = (problem, registry) =>
  `registry ${registry.host}: ${describe(problem, registry)}`;

function describe(problem: RegistryProblem, registry: RegistryIdentity): string {
  const who = registry.username ? `user "${registry.username}"` : 'anonymous access';
  switch (problem.kind) {
    case 'gave-up':
      return `${problem.detail} to ${problem.method} ${problem.url.pathname} (gave up after ${problem.attempts} attempts or ${problem.seconds}s); nothing was published by this request, try again later`;
    case 'status':
      if (problem.status === 401)
        return registry.username
          ? `rejected the credentials of ${who} for ${registry.repository} (401); check the username and password/token`
          : `requires authentication for ${registry.repository} (401) and no credentials were given; pass registry credentials or run docker login`;
      if (problem.status === 403)
        return `denied ${who} access to ${registry.repository} for ${problem.method} (403); the credentials need push permission on this repository`;
      return `answered ${problem.method} ${problem.url.pathname} with unexpected status ${problem.status}`;
    case 'no-location':
      return `answered ${problem.method} ${problem.url.pathname} without a Location header`;
    case 'redirect':
      return `${problem.method} ${problem.url.pathname}: ${problem.detail}`;
    case 'realm-insecure':
      return `sent a token realm over plain http (${problem.realm.origin}); refusing to send credentials there`;
    case 'token-unreachable':
      return `token service ${problem.realm.origin} ${problem.detail}`;
    case 'token-status':
      if (problem.status === 401 || problem.status === 403)
        return registry.username
          ? `token service ${problem.realm.origin} rejected the credentials of ${who} (${problem.status})`
          : `token service ${problem.realm.origin} refused anonymous access (${problem.status}); pass registry credentials`;
      return `token service ${problem.realm.origin} answered ${problem.status}`;
    case 'token-missing':
      return `token service ${problem.realm.origin} returned no token`;
    case 'too-large':
      return `sent ${problem.what} of ${problem.bytes} bytes, more than the ${problem.limit}-byte limit`;
    case 'not-json':
      return `sent ${problem.what} that is not valid JSON`;
    case 'digest-mismatch':
      return `returned ${problem.what.startsWith('blob') ? 'a blob' : 'a manifest'} with digest ${problem.found} when asked for ${problem.expected}`;
    case 'announced-mismatch':
      return `returned manifest ${problem.reference} with digest ${problem.found}, but announced ${problem.announced}`;
    case 'blob-missing':
      return `has no blob ${problem.digest} (404)`;
  }
}
