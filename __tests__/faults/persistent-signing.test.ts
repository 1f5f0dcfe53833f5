// Persistent faults at the Sigstore edges (Fulcio, its CT log, Rekor, the TSA): the action
// stops before anything leaves the process, names the service, and a re-run after recovery
// publishes exactly once.
import { describe, it, jest } from '@jest/globals';
import { expectFailsCleanly } from './scenarios.js';

// Scenarios run one after another: concurrent tests that import modules on demand (the sandbox
// loads artifact storage lazily) trip jest's "outside the scope of the test code" check.
jest.setTimeout(300_000);

describe('persistent faults at the signing edges', () => {
  it('Fulcio answering 503 forever', () => expectFailsCleanly('fulcio=503x*', 'fulcio', /Fulcio/));
  it('Fulcio never answering in time', () =>
    expectFailsCleanly('fulcio=delayx*', 'fulcio', /Fulcio/));
  it('Rekor answering 503 forever', () => expectFailsCleanly('rekor=503x*', 'rekor', /Rekor/));
  it('Rekor dropping every connection', () =>
    expectFailsCleanly('rekor=resetx*', 'rekor', /Rekor/));
  it('the TSA answering 429 forever', () =>
    expectFailsCleanly('tsa=429x*', 'tsa', /timestamp authority/));
  it("Fulcio's CT log answering 503 forever", () =>
    expectFailsCleanly('ctlog=503x*', 'ctlog', /Fulcio.*CT log|CT log.*Fulcio|Fulcio/));
});
