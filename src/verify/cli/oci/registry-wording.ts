// The verifier's wording of registry failures: "expected …, found …", naming the registry by
// its base URL; content that fails its digest check is named on its own, as the thing that
// failed verification.
import type { RegistryWording } from '../../../oci/registry-client.js';

export const verifierWording: RegistryWording = (problem, registry) => {
  const at = (text: string) => `registry ${registry.baseUrl}: ${text}`;
  switch (problem.kind) {
    case 'gave-up':
      return at(
        `${problem.method} ${problem.url.href}: ${problem.detail} (gave up after ${problem.attempts} attempts or ${problem.seconds}s)`
      );
    case 'status': {
      const found = `${problem.method} ${problem.url.href}: expected ${problem.expected.join(' or ')}, found ${problem.status}`;
      return at(
        problem.status === 401 && !registry.username
          ? `${found} (the registry wants credentials, found none in the docker config)`
          : found
      );
    }
    case 'no-location':
      return at(`${problem.method} ${problem.url.href}: expected a Location header, found none`);
    case 'redirect':
      return at(`${problem.method} ${problem.url.href}: ${problem.detail}`);
    case 'realm-insecure':
      return at(`token realm: expected an https URL, found ${problem.realm.href}`);
    case 'token-unreachable':
      return at(`token ${problem.realm.origin}: ${problem.detail}`);
    case 'token-status':
      return at(`token ${problem.realm.origin}: expected 200, found ${problem.status}`);
    case 'token-missing':
      return at('token response: expected a token, found none');
    case 'too-large':
      return at(`${problem.what}: ${problem.bytes} bytes exceeds the ${problem.limit}-byte limit`);
    case 'blob-missing':
      return at(`blob ${problem.digest}: expected it in the registry, found 404`);
    case 'not-json':
      return `${problem.what}: expected JSON, found unparsable content`;
    case 'digest-mismatch':
      return `${problem.what}: expected content with digest ${problem.expected}, found ${problem.found}`;
    case 'announced-mismatch':
      return `manifest ${problem.reference}: expected content with the announced digest ${problem.announced}, found ${problem.found}`;
  }
};
