// A network latency model for sandbox services: on loopback a round trip costs nothing, on a
// GitHub-hosted runner each request to the token service, Fulcio, Rekor or the REST API costs
// tens to hundreds of milliseconds. A model such as
//   fulcio=300,rekor=500~100,github=100,oidc=100,jwks=50,tsa=150,connect=40
// holds every answer of a service back by its delay (`~j`: plus or minus up to j ms of uniform
// jitter), and `connect=N` adds N ms to the first request on each new connection (TCP + TLS
// handshakes: what a kept-alive connection saves). `jwks` is the part of `oidc` that serves
// discovery and keys, as in faults.ts. The jitter comes from a seeded generator, so two runs with
// the same seed draw the same delays in the same order. Where the default numbers come from:
// bench/README.md ("Latency model").
import type { Socket } from 'node:net';
import { ProvenanceError } from '../src/errors.js';
import type { FaultLayer, SandboxRequest } from './http.js';

export const LATENCY_SERVICES = [
  'oidc',
  'jwks',
  'fulcio',
  'rekor',
  'tsa',
  'ctlog',
  'github',
  'results'
] as const;
export type LatencyService = (typeof LATENCY_SERVICES)[number];

export interface LatencyEntry {
  /** Mean delay of one request, in ms. */
  ms: number;
  /** Uniform jitter: the delay is drawn from [ms - jitter, ms + jitter] (never below 0). */
  jitterMs: number;
}

export interface LatencyModel {
  services: Partial<Record<LatencyService, LatencyEntry>>;
  /** Extra delay on the first request of each new connection (handshakes). */
  connectMs: number;
}

const ENTRY = /^([a-z]+)=(\d{1,5})(?:~(\d{1,5}))?$/;

function invalid(part: string, why: string): ProvenanceError {
  return new ProvenanceError('INPUT_INVALID', `latency model entry "${part}": ${why}`);
}

export function parseLatencyModel(text: string): LatencyModel {
  const model: LatencyModel = { services: {}, connectMs: 0 };
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const match = ENTRY.exec(part);
    if (!match)
      throw invalid(
        part,
        'expected <service>=<ms> or <service>=<ms>~<jitter ms>, e.g. rekor=500~100'
      );
    const [, name, msText, jitterText] = match as unknown as [string, string, string, string?];
    const ms = Number(msText);
    const jitterMs = jitterText === undefined ? 0 : Number(jitterText);
    if (jitterMs > ms)
      throw invalid(part, `jitter ${jitterMs} ms is larger than the delay ${ms} ms`);
    if (name === 'connect') {
      if (jitterMs !== 0) throw invalid(part, 'connect takes no jitter');
      model.connectMs = ms;
      continue;
    }
    if (!(LATENCY_SERVICES as readonly string[]).includes(name))
      throw invalid(
        part,
        `unknown service "${name}" (expected connect or one of ${LATENCY_SERVICES.join(', ')})`
      );
    if (model.services[name as LatencyService]) throw invalid(part, `${name} is given twice`);
    model.services[name as LatencyService] = { ms, jitterMs };
  }
  return model;
}

/** The model as the bench reports it: mean ms per service, plus connect. */
export function describeLatencyModel(model: LatencyModel): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, entry] of Object.entries(model.services)) out[name] = entry.ms;
  if (model.connectMs > 0) out.connect = model.connectMs;
  return out;
}

/** mulberry32: small, fast, seeded; good enough to spread delays, not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) =>
  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

export interface Latency {
  readonly model: LatencyModel;
  /** The delay the next request to `service` on `socket` gets (draws jitter; marks the socket). */
  delayFor(service: LatencyService, socket?: Socket): number;
  /** Puts the model's delay in front of a fault layer (or of nothing). */
  wrap(service: LatencyService, layer?: FaultLayer): FaultLayer;
  /** Requests delayed so far, and the total delay handed out, per service. */
  counts(service: LatencyService): { requests: number; delayedMs: number };
  /** Starts recording every request (for a timeline of one run); returns the recording. */
  record(): LatencyEvent[];
  /** Stops recording. */
  stopRecording(): void;
}

/** One delayed request: when it arrived (performance.now() of the sandbox), and when answered. */
export interface LatencyEvent {
  service: LatencyService;
  method: string;
  path: string;
  arrivedMs: number;
  delayMs: number;
  answeredMs?: number;
}

export function createLatency(model: LatencyModel | string, seed = 1): Latency {
  const parsed = typeof model === 'string' ? parseLatencyModel(model) : model;
  const random = seededRandom(seed);
  const seenSockets = new WeakSet<Socket>();
  const counts = new Map<LatencyService, { requests: number; delayedMs: number }>();
  const countsFor = (service: LatencyService) => {
    let c = counts.get(service);
    if (!c) counts.set(service, (c = { requests: 0, delayedMs: 0 }));
    return c;
  };

  const delayFor = (service: LatencyService, socket?: Socket): number => {
    const entry = parsed.services[service];
    let ms = 0;
    if (entry) ms += Math.max(0, entry.ms + (random() * 2 - 1) * entry.jitterMs);
    if (socket && parsed.connectMs > 0 && !seenSockets.has(socket)) {
      seenSockets.add(socket);
      ms += parsed.connectMs;
    }
    const c = countsFor(service);
    c.requests++;
    c.delayedMs += ms;
    return ms;
  };

  /** Discovery and keys are `jwks`, when the model names it; the token endpoint stays `oidc`. */
  const serviceOf = (service: LatencyService, req: SandboxRequest): LatencyService =>
    service === 'oidc' && parsed.services.jwks && req.url.pathname.startsWith('/.well-known/')
      ? 'jwks'
      : service;

  let recording: LatencyEvent[] | undefined;
  return {
    model: parsed,
    delayFor,
    counts: (service) => ({ ...countsFor(service) }),
    record: () => (recording = []),
    stopRecording: () => {
      recording = undefined;
    },
    wrap(service, layer) {
      return async (req, res) => {
        const which = serviceOf(service, req);
        const arrivedMs = performance.now();
        const delayMs = delayFor(which, req.raw.socket);
        if (recording) {
          const event: LatencyEvent = {
            service: which,
            method: req.method,
            path: req.url.pathname,
            arrivedMs,
            delayMs
          };
          recording.push(event);
          res.once('finish', () => (event.answeredMs = performance.now()));
        }
        await sleep(delayMs);
        return layer ? layer(req, res) : false;
      };
    }
  };
}
