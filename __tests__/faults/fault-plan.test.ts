// The sandbox fault plan additions the fault suite relies on: plans replaced at runtime
// (setPlan/clear), endpoint groups inside a service (jwks, releases, attestations), and rules
// scoped to one HTTP method (a lost POST).
import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { createFaultPlan, parseFaultPlan, type FaultService } from '../../sandbox/faults.js';
import type { SandboxRequest } from '../../sandbox/http.js';

function fakeResponse(): ServerResponse & { status?: number } {
  const res = {
    status: undefined as number | undefined,
    writeHead(status: number) {
      res.status = status;
      return res;
    },
    end() {
      return res;
    }
  };
  return res as unknown as ServerResponse & { status?: number };
}

/** Sends one request through the plan's layer for `service`; the status it faulted with, or 0. */
async function hit(
  plan: ReturnType<typeof createFaultPlan>,
  service: FaultService,
  method: string,
  path: string
): Promise<number> {
  const req = { method, url: new URL(`http://127.0.0.1${path}`) } as SandboxRequest;
  const res = fakeResponse();
  const faulted = await plan.faultLayerFor(service)(req, res);
  return faulted ? (res.status ?? -1) : 0;
}

describe('fault plans at runtime', () => {
  it('setPlan replaces the rules and restarts the counts; clear stops every fault', async () => {
    const plan = createFaultPlan('fulcio=503x*');
    expect(await hit(plan, 'fulcio', 'POST', '/api/v2/signingCert')).toBe(503);
    plan.setPlan('fulcio=502x1');
    expect(plan.counts('fulcio')).toEqual({ requests: 0, faulted: 0 });
    expect(await hit(plan, 'fulcio', 'POST', '/api/v2/signingCert')).toBe(502);
    expect(await hit(plan, 'fulcio', 'POST', '/api/v2/signingCert')).toBe(0);
    plan.setPlan('fulcio=503x*');
    plan.clear();
    expect(plan.rules).toEqual([]);
    expect(await hit(plan, 'fulcio', 'POST', '/api/v2/signingCert')).toBe(0);
  });

  it('setPlan rejects a bad plan without dropping the rules in force', async () => {
    const plan = createFaultPlan('rekor=503x*');
    expect(() => plan.setPlan('rekor=200x1')).toThrow(/not a fault/);
    expect(await hit(plan, 'rekor', 'POST', '/api/v1/log/entries')).toBe(503);
  });
});

describe('endpoint groups inside a service', () => {
  it('attestations faults hit only the attestations endpoints of the GitHub API', async () => {
    const plan = createFaultPlan('attestations=503x*');
    expect(await hit(plan, 'github', 'GET', '/repos/o/r/actions/runs/1/attempts/1')).toBe(0);
    expect(await hit(plan, 'github', 'POST', '/repos/o/r/releases')).toBe(0);
    expect(await hit(plan, 'github', 'GET', '/repos/o/r/attestations/sha256:ab')).toBe(503);
    expect(await hit(plan, 'github', 'POST', '/repos/o/r/attestations')).toBe(503);
    expect(plan.counts('attestations')).toEqual({ requests: 2, faulted: 2 });
  });

  it('releases and jwks count their own requests; the parent rules still apply to the rest', async () => {
    const plan = createFaultPlan('releases=502x1,github=500x1,jwks=503x1');
    expect(await hit(plan, 'github', 'GET', '/repos/o/r/releases/tags/v1')).toBe(502);
    expect(await hit(plan, 'github', 'GET', '/repos/o/r/releases/tags/v1')).toBe(500);
    expect(await hit(plan, 'github', 'GET', '/repos/o/r/releases/tags/v1')).toBe(0);
    expect(await hit(plan, 'oidc', 'GET', '/_apis/actiontoken/idtoken')).toBe(0);
    expect(await hit(plan, 'oidc', 'GET', '/.well-known/jwks')).toBe(503);
    expect(await hit(plan, 'oidc', 'GET', '/.well-known/jwks')).toBe(0);
  });
});

describe('method-scoped rules', () => {
  it('parses service:method and applies the rule to that method only', async () => {
    expect(parseFaultPlan('attestations:post=503x1')).toEqual([
      { service: 'attestations', kind: { type: 'status', status: 503 }, count: 1, method: 'POST' }
    ]);
    const plan = createFaultPlan('attestations:post=503x1');
    expect(await hit(plan, 'github', 'GET', '/repos/o/r/attestations/sha256:ab')).toBe(0);
    expect(await hit(plan, 'github', 'POST', '/repos/o/r/attestations')).toBe(503);
    expect(await hit(plan, 'github', 'POST', '/repos/o/r/attestations')).toBe(0);
  });

  it('refuses a method it does not know', () => {
    expect(() => parseFaultPlan('github:fetch=503x1')).toThrow(/<service>:<method>=<kind>x<count>/);
  });
});
