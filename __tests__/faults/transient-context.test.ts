// Transient faults at the context edges recover: the run signs and publishes exactly once.
import { describe, it, jest } from '@jest/globals';
import { expectRecovers } from './scenarios.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

describe('transient faults at the context edges', () => {
  it.each([
    ['oidc=500x1', 'oidc'],
    ['oidc=429x1', 'oidc'],
    ['oidc=resetx1', 'oidc'],
    ['oidc=503x2', 'oidc'],
    ['oidc=delayx1', 'oidc'],
    ['jwks=503x2', 'jwks'],
    ['jwks=resetx1', 'jwks'],
    ['jwks=delayx1', 'jwks'],
    ['github=500x2', 'github'],
    ['github=429x1', 'github'],
    ['github=resetx1', 'github'],
    ['github=delayx1', 'github']
  ] as const)('%s', (plan, service) => expectRecovers(plan, service));
});
