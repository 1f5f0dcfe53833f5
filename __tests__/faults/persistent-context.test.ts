// Persistent faults at the context edges: the runner's OIDC token service, the issuer's
// discovery/JWKS documents, the GitHub REST run lookup. Nothing is signed, nothing published.
import { describe, it, jest } from '@jest/globals';
import { expectFailsCleanly } from './scenarios.js';

// Scenarios run side by side (each has its own sandbox): most of their time is retry waits.
jest.setTimeout(300_000);

describe('persistent faults at the context edges', () => {
  it.concurrent('the OIDC token service answering 500 forever', () =>
    expectFailsCleanly('oidc=500x*', 'oidc', /OIDC_UNAVAILABLE: .*OIDC token/)
  );
  it.concurrent('the OIDC token service dropping every connection', () =>
    expectFailsCleanly('oidc=resetx*', 'oidc', /OIDC_UNAVAILABLE: .*OIDC token/)
  );
  it("the issuer's JWKS answering 503 forever", () =>
    expectFailsCleanly('jwks=503x*', 'jwks', /OIDC issuer/));
  it.concurrent('the GitHub REST API answering 503 forever', () =>
    expectFailsCleanly('github=503x*', 'github', /GitHub/)
  );
  it.concurrent('the GitHub REST API rate limiting forever', () =>
    expectFailsCleanly('github=429x*', 'github', /GitHub/)
  );
});
