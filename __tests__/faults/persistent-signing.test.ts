// Persistent faults at the Sigstore edges (Fulcio, its CT log, Rekor, the TSA): the action
// stops before anything leaves the process, names the service, and a re-run after recovery
// publishes exactly once.
import { describe, it, jest } from '@jest/globals';
import { expectFailsCleanly } from './scenarios.js';

// Scenarios run side by side (each has its own sandbox): most of their time is retry waits.
jest.setTimeout(300_000);

describe('persistent faults at the signing edges', () => {
  it.concurrent('Fulcio answering 503 forever', () =>
    expectFailsCleanly('fulcio=503x*', 'fulcio', /Fulcio/)
  );
  it.concurrent('Fulcio never answering in time', () =>
    expectFailsCleanly('fulcio=delayx*', 'fulcio', /Fulcio/)
  );
  it.concurrent('Rekor answering 503 forever', () =>
    expectFailsCleanly('rekor=503x*', 'rekor', /Rekor/)
  );
  it.concurrent('Rekor dropping every connection', () =>
    expectFailsCleanly('rekor=resetx*', 'rekor', /Rekor/)
  );
  it.concurrent('the TSA answering 429 forever', () =>
    expectFailsCleanly('tsa=429x*', 'tsa', /timestamp authority/)
  );
  it("Fulcio's CT log answering 503 forever", () =>
    expectFailsCleanly('ctlog=503x*', 'ctlog', /Fulcio.*CT log|CT log.*Fulcio|Fulcio/));
});
