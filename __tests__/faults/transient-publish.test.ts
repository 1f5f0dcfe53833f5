// Transient faults at the publishing edges recover, and publish exactly once. `:post=lost`
// loses the answer to a POST the service did carry out: the retry must find what the first
// try stored instead of storing it twice.
import { describe, it, jest } from '@jest/globals';
import { expectRecovers } from './scenarios.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

describe('transient faults at the publishing edges', () => {
  it.each([
    ['results=503x1', 'results'],
    ['results=resetx1', 'results'],
    ['releases=502x2', 'releases'],
    ['releases=429x1', 'releases'],
    ['releases=resetx1', 'releases'],
    ['releases=delayx1', 'releases'],
    ['attestations=503x2', 'attestations'],
    ['attestations=429x1', 'attestations'],
    ['attestations=resetx1', 'attestations'],
    ['attestations=delayx1', 'attestations'],
    ['attestations:post=delayx1', 'attestations'],
    ['attestations:post=lostx1', 'attestations'],
    ['releases:post=lostx2', 'releases'],
    ['attestations:post=502x1', 'attestations'],
    ['releases:post=delayx2', 'releases'],
    ['results:post=delayx1', 'results']
  ] as const)('%s', (plan, service) => expectRecovers(plan, service));
});
