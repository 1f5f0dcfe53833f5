// The sandbox latency model: parsing, seeded jitter, the connection cost, and the delay on a
// running sandbox (measured against a per-request counter, not against a wall-clock target).
import { afterEach, describe, expect, it } from '@jest/globals';
import { Agent, request } from 'node:http';
import { createLatency, parseLatencyModel } from '../../sandbox/latency.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

describe('latency model parsing', () => {
  it('reads delays, jitter and the connection cost', () => {
    expect(parseLatencyModel('fulcio=300, rekor=500~100,github=100,connect=40')).toEqual({
      services: {
        fulcio: { ms: 300, jitterMs: 0 },
        rekor: { ms: 500, jitterMs: 100 },
        github: { ms: 100, jitterMs: 0 }
      },
      connectMs: 40
    });
    expect(parseLatencyModel('')).toEqual({ services: {}, connectMs: 0 });
  });

  it('names the bad part of a malformed model', () => {
    expect(() => parseLatencyModel('fulcio=300,rekr=5')).toThrow(
      /"rekr=5": unknown service "rekr"/
    );
    expect(() => parseLatencyModel('fulcio=fast')).toThrow(
      /"fulcio=fast": expected <service>=<ms>/
    );
    expect(() => parseLatencyModel('fulcio=100~200')).toThrow(/jitter 200 ms is larger/);
    expect(() => parseLatencyModel('fulcio=1,fulcio=2')).toThrow(/fulcio is given twice/);
    expect(() => parseLatencyModel('connect=40~5')).toThrow(/connect takes no jitter/);
  });
});

describe('latency draws', () => {
  it('keeps jittered delays inside the band, and the same seed draws the same delays', () => {
    const draw = (seed: number) => {
      const l = createLatency('rekor=500~100', seed);
      return Array.from({ length: 200 }, () => l.delayFor('rekor'));
    };
    const a = draw(7);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(400);
    expect(Math.max(...a)).toBeLessThanOrEqual(600);
    expect(new Set(a.map(Math.round)).size).toBeGreaterThan(50); // it does vary
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
  });

  it('charges the connection cost once per socket', () => {
    const l = createLatency('fulcio=300,connect=40');
    const socketA = {} as import('node:net').Socket;
    const socketB = {} as import('node:net').Socket;
    expect([
      l.delayFor('fulcio', socketA),
      l.delayFor('fulcio', socketA),
      l.delayFor('fulcio', socketB)
    ]).toEqual([340, 300, 340]);
    expect(l.delayFor('github')).toBe(0); // a service the model does not name
  });
});

describe('latency on a running sandbox', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  const get = (url: string, agent: Agent) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      request(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started });
        });
      })
        .on('error', reject)
        .end();
    });

  it('holds each answer back by its service delay, discovery by jwks, the first on a connection by connect too', async () => {
    sandbox = await startSandbox({ latency: 'oidc=120,jwks=60,github=30,connect=50' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(`${sandbox.urls.oidc}/.well-known/openid-configuration`, agent);
      const second = await get(`${sandbox.urls.oidc}/.well-known/jwks`, agent);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      // A delay is a lower bound on the time the client waits (timers never fire early).
      expect(first.ms).toBeGreaterThanOrEqual(60 + 50 - 2);
      expect(second.ms).toBeGreaterThanOrEqual(60 - 2);
      // 60 ms each, plus 50 ms for every new connection (at least the first; whether the client
      // reuses it for the second is the client's business).
      const jwks = sandbox.latency?.counts('jwks');
      expect(jwks?.requests).toBe(2);
      expect([170, 220]).toContain(jwks?.delayedMs);
      expect(sandbox.latency?.counts('oidc')).toEqual({ requests: 0, delayedMs: 0 });
      const api = await get(`${sandbox.urls.github}/rate_limit`, agent);
      expect(api.ms).toBeGreaterThanOrEqual(30 - 2);
      expect(sandbox.latency?.counts('github').requests).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('a sandbox started without a model adds nothing', async () => {
    sandbox = await startSandbox();
    expect(sandbox.latency).toBeUndefined();
  });
});
