// Persistent faults at the context edges: the runner's OIDC token service, the issuer's
// discovery/JWKS documents, the GitHub REST run lookup. Nothing is signed, nothing published.
import { describe, it, jest } from '@jest/globals';
import { expectFailsCleanly } from './scenarios.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

describe('persistent faults at the context edges', () => {
  it('the OIDC token service answering 500 forever', () =>
    expectFailsCleanly('oidc=500x*', 'oidc', /OIDC_UNAVAILABLE: .*OIDC token/));
  it('the OIDC token service dropping every connection', () =>
    expectFailsCleanly('oidc=resetx*', 'oidc', /OIDC_UNAVAILABLE: .*OIDC token/));
  it("the issuer's JWKS answering 503 forever", () =>
    expectFailsCleanly('jwks=503x*', 'jwks', /OIDC issuer/));
  it('the GitHub REST API answering 503 forever', () =>
    expectFailsCleanly('github=503x*', 'github', /GitHub/));
  it('the GitHub REST API rate limiting forever', () =>
    expectFailsCleanly('github=429x*', 'github', /GitHub/));
});
