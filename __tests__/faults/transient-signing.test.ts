// Transient faults at the Sigstore edges recover. A `delay` lets the service do the work while
// the client times out, so the retry meets an entry that already exists (Rekor answers 409).
import { describe, it, jest } from '@jest/globals';
import { expectRecovers } from './scenarios.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

describe('transient faults at the signing edges', () => {
  it.each([
    ['fulcio=503x2', 'fulcio'],
    ['fulcio=429x1', 'fulcio'],
    ['fulcio=resetx1', 'fulcio'],
    ['fulcio=delayx1', 'fulcio'],
    ['rekor=503x2', 'rekor'],
    ['rekor=429x1', 'rekor'],
    ['rekor=409x1', 'rekor'],
    ['rekor=resetx1', 'rekor'],
    ['rekor=delayx1', 'rekor'],
    ['tsa=503x2', 'tsa'],
    ['tsa=429x1', 'tsa'],
    ['tsa=resetx1', 'tsa'],
    ['tsa=delayx1', 'tsa'],
    ['ctlog=503x1', 'ctlog'],
    ['ctlog=resetx1', 'ctlog']
  ] as const)('%s', (plan, service) => expectRecovers(plan, service));
});
