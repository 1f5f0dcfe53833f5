// Persistent faults at the publishing edges: the artifact results service, the releases API,
// the attestations API. Each runs after something else may already have been published, so
// "nothing half-published" here means the action took back what it had put out.
import { describe, it, jest } from '@jest/globals';
import { expectFailsCleanly } from './scenarios.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

describe('persistent faults at the publishing edges', () => {
  it('the artifact results service answering 503 forever', () =>
    expectFailsCleanly('results=503x*', 'results', /workflow artifact/));
  it('the releases API answering 502 forever (after the artifact was uploaded)', () =>
    expectFailsCleanly('releases=502x*', 'releases', /GitHub API .*\/releases/));
  it('the attestations API answering 503 forever (after artifact and release asset)', () =>
    expectFailsCleanly('attestations=503x*', 'attestations', /GitHub API .*\/attestations/));
});
