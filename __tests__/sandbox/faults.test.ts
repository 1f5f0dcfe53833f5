import { afterEach, describe, expect, it } from '@jest/globals';
import { parseFaultPlan } from '../../sandbox/faults.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { signStatement, tokenFrom, verifyBundle } from './helpers.js';

describe('fault plan parsing', () => {
  it('reads services, kinds and counts', () => {
    expect(
      parseFaultPlan('fulcio=503x2, rekor=429x1,github=500x1,oidc=resetx1,tsa=delayx*,rekor=409x1')
    ).toEqual([
      { service: 'fulcio', kind: { type: 'status', status: 503 }, count: 2 },
      { service: 'rekor', kind: { type: 'status', status: 429 }, count: 1 },
      { service: 'github', kind: { type: 'status', status: 500 }, count: 1 },
      { service: 'oidc', kind: { type: 'reset' }, count: 1 },
      { service: 'tsa', kind: { type: 'delay' }, count: 'all' },
      { service: 'rekor', kind: { type: 'status', status: 409 }, count: 1 }
    ]);
    expect(parseFaultPlan('')).toEqual([]);
  });

  it('names the bad part of a malformed plan', () => {
    expect(() => parseFaultPlan('fulcio=503x2,rekr=500x1')).toThrow(
      /"rekr=500x1": unknown service "rekr"/
    );
    expect(() => parseFaultPlan('fulcio=404x1')).toThrow(
      /"fulcio=404x1": status 404 is not a fault/
    );
    expect(() => parseFaultPlan('fulcio=409x1')).toThrow(/applies to rekor only/);
    expect(() => parseFaultPlan('fulcio=boomx1')).toThrow(/unknown fault kind "boom"/);
    expect(() => parseFaultPlan('fulcio=503')).toThrow(
      /"fulcio=503": expected <service>=<kind>x<count>/
    );
    expect(() => parseFaultPlan('fulcio=503x0')).toThrow(/count must be at least 1/);
  });
});

describe('faults on a running sandbox', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });
  const jwks = (s: Sandbox) => fetch(`${s.urls.oidc}/.well-known/jwks`);

  it('503x2 fails the first two requests, then the service answers', async () => {
    sandbox = await startSandbox({ faults: 'oidc=503x2' });
    expect([
      (await jwks(sandbox)).status,
      (await jwks(sandbox)).status,
      (await jwks(sandbox)).status
    ]).toEqual([503, 503, 200]);
    expect(sandbox.faults.counts('oidc')).toEqual({ requests: 3, faulted: 2 });
  });

  it('x* fails every request', async () => {
    sandbox = await startSandbox({ faults: 'oidc=500x*' });
    for (let i = 0; i < 5; i++) expect((await jwks(sandbox)).status).toBe(500);
  });

  it('429 carries Retry-After: 1', async () => {
    sandbox = await startSandbox({ faults: 'oidc=429x1' });
    const res = await jwks(sandbox);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('reset drops the connection without an answer', async () => {
    sandbox = await startSandbox({ faults: 'oidc=resetx1' });
    await expect(jwks(sandbox)).rejects.toThrow();
    expect((await jwks(sandbox)).status).toBe(200);
  });

  it('signing rides out retryable faults on every Sigstore service and still verifies', async () => {
    sandbox = await startSandbox({
      faults: 'fulcio=503x2,ctlog=500x1,rekor=429x1,tsa=delayx1,rekor=resetx1',
      faultDelayMs: 1_500
    });
    const bundle = await signStatement(sandbox, tokenFrom(sandbox), { timeout: 1_000 });
    expect(() => verifyBundle(sandbox as Sandbox, bundle, {})).not.toThrow();
    expect(sandbox.faults.counts('fulcio').faulted).toBe(2);
    expect(sandbox.faults.counts('tsa').faulted).toBe(1);
  });

  it('rekor=409 logs the entry and points at it; fetchOnConflict picks it up', async () => {
    sandbox = await startSandbox({ faults: 'rekor=409x1' });
    const bundle = await signStatement(sandbox, tokenFrom(sandbox));
    expect(sandbox.rekorSize()).toBe(1);
    expect(sandbox.faults.counts('rekor')).toEqual({ requests: 2, faulted: 1 });
    expect(() => verifyBundle(sandbox as Sandbox, bundle, {})).not.toThrow();
  });

  it('a service that fails forever makes signing fail', async () => {
    sandbox = await startSandbox({ faults: 'fulcio=503x*' });
    await expect(signStatement(sandbox, tokenFrom(sandbox))).rejects.toThrow(/signing certificate/);
    expect(sandbox.rekorSize()).toBe(0);
  });
});
