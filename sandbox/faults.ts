// Fault injection for sandbox services. A plan such as
//   fulcio=503x2,rekor=429x1,github=500x1,oidc=resetx1,tsa=delayx1,rekor=409x1
// makes the first N requests to a service fail (`x*`: every request). Rules for the same
// service apply in the order written: `fulcio=503x1,fulcio=429x1` fails request 1 with 503
// and request 2 with 429.
// `releases` and `attestations` are parts of `github` (its release and attestation endpoints),
// `jwks` is the part of `oidc` that serves discovery and keys: their rules count only the
// requests to those endpoints, so a test can take the attestations API down while the rest of
// the REST API answers. `lost` lets the service do the work and then cuts the connection
// before the answer leaves: `attestations:post=lostx1` stores an attestation whose 201 the
// client never sees. A plan can be replaced while the sandbox
// runs (setPlan/clear), e.g. to let a service recover before a re-run.
import type { ServerResponse } from 'node:http';
import { ProvenanceError } from '../src/errors.js';
import { sendJson, type FaultLayer, type SandboxRequest } from './http.js';

export const FAULT_SERVICES = [
  'oidc',
  'jwks',
  'fulcio',
  'rekor',
  'tsa',
  'ctlog',
  'github',
  'releases',
  'attestations',
  'results',
  'blob',
  'registry'
] as const;
export type FaultService = (typeof FAULT_SERVICES)[number];

export type FaultKind =
  { type: 'status'; status: number } | { type: 'reset' } | { type: 'delay' } | { type: 'lost' };

export interface FaultRule {
  service: FaultService;
  kind: FaultKind;
  /** How many consecutive requests fail; 'all' for every request. */
  count: number | 'all';
  /** Only requests with this method (upper case) count for this rule, e.g. a lost POST. */
  method?: string;
}

/** Service-specific ways to answer a fault (Rekor's 409 points at a real entry). */
export interface FaultHooks {
  conflict?: (req: SandboxRequest, res: ServerResponse) => Promise<void> | void;
}

export interface FaultPlanOptions {
  /** How long a `delay` fault holds the answer back; keep it above the client's timeout. */
  delayMs?: number;
}

export const DEFAULT_FAULT_DELAY_MS = 15_000;

const RULE = /^([a-z]+)(?::(get|head|post|put|patch|delete))?=([a-z]+|\d{3})x(\d+|\*)$/;

export function parseFaultPlan(plan: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const raw of plan.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const match = RULE.exec(part);
    if (!match)
      throw invalid(
        part,
        'expected <service>=<kind>x<count> or <service>:<method>=<kind>x<count>, e.g. fulcio=503x2, rekor=resetx* or attestations:post=lostx1'
      );
    const [, service, method, kindText, countText] = match as unknown as [
      string,
      string,
      string | undefined,
      string,
      string
    ];
    if (!(FAULT_SERVICES as readonly string[]).includes(service))
      throw invalid(
        part,
        `unknown service "${service}" (expected one of ${FAULT_SERVICES.join(', ')})`
      );
    const count = countText === '*' ? 'all' : Number(countText);
    if (count === 0) throw invalid(part, 'count must be at least 1 (or * for every request)');
    rules.push({
      service: service as FaultService,
      kind: parseKind(part, service, kindText),
      count,
      ...(method ? { method: method.toUpperCase() } : {})
    });
  }
  return rules;
}

function parseKind(part: string, service: string, kind: string): FaultKind {
  if (kind === 'reset' || kind === 'delay' || kind === 'lost') return { type: kind };
  if (/^\d{3}$/.test(kind)) {
    const status = Number(kind);
    if (status >= 500 && status <= 599) return { type: 'status', status };
    if (status === 429) return { type: 'status', status };
    if (status === 409) {
      if (service !== 'rekor')
        throw invalid(part, `409 (entry conflict) applies to rekor only, not ${service}`);
      return { type: 'status', status };
    }
    throw invalid(part, `status ${status} is not a fault (expected 5xx, 429, or 409 for rekor)`);
  }
  throw invalid(
    part,
    `unknown fault kind "${kind}" (expected a 5xx status, 429, 409, reset, delay or lost)`
  );
}

function invalid(part: string, why: string): ProvenanceError {
  return new ProvenanceError('INPUT_INVALID', `fault plan entry "${part}": ${why}`);
}

/** Parts of a service with their own rules: the endpoints they cover, by path. */
const SUB_SERVICES: readonly { service: FaultService; parent: FaultService; path: RegExp }[] = [
  { service: 'jwks', parent: 'oidc', path: /^\/\.well-known\// },
  { service: 'releases', parent: 'github', path: /^\/repos\/[^/]+\/[^/]+\/releases(\/|$)/ },
  { service: 'attestations', parent: 'github', path: /^\/repos\/[^/]+\/[^/]+\/attestations(\/|$)/ }
];

export interface FaultPlan {
  /** The rules in force (replaced by setPlan/clear). */
  readonly rules: readonly FaultRule[];
  /** Replaces the rules and starts counting requests afresh (a service "recovers" or breaks). */
  setPlan(plan: string | FaultRule[]): void;
  /** No more faults: every service answers normally from now on. */
  clear(): void;
  /** The layer to put in front of a service (a pass-through when the plan names none). */
  faultLayerFor(service: FaultService, hooks?: FaultHooks): FaultLayer;
  /** How many requests a service has seen and how many of them were failed on purpose. */
  counts(service: FaultService): { requests: number; faulted: number };
}

export function createFaultPlan(
  plan: string | FaultRule[] = '',
  options: FaultPlanOptions = {}
): FaultPlan {
  let rules = typeof plan === 'string' ? parseFaultPlan(plan) : plan;
  const delayMs = options.delayMs ?? DEFAULT_FAULT_DELAY_MS;
  // Counters per service, and per service + method for method-scoped rules.
  const seen = new Map<string, { requests: number; faulted: number }>();
  const countsFor = (key: string) => {
    let c = seen.get(key);
    if (!c) seen.set(key, (c = { requests: 0, faulted: 0 }));
    return c;
  };

  /** The rule governing the n-th (0-based) request to a service (with this method), if any. */
  const ruleFor = (
    service: FaultService,
    method: string | undefined,
    n: number
  ): FaultRule | undefined => {
    let start = 0;
    for (const rule of rules) {
      if (rule.service !== service || rule.method !== method) continue;
      if (rule.count === 'all' || n < start + rule.count) return rule;
      start += rule.count;
    }
    return undefined;
  };

  /** Method-scoped rules first, then the service's plain ones. */
  const decideFor = (service: FaultService, method: string): FaultRule | undefined => {
    const c = countsFor(service);
    const byMethod = countsFor(`${service}:${method}`);
    const rule =
      ruleFor(service, method, byMethod.requests++) ?? ruleFor(service, undefined, c.requests);
    c.requests++;
    if (rule) c.faulted++;
    return rule;
  };

  /** The rule for this request: a matching sub-service's first, then the service's own. */
  const decide = (service: FaultService, req: SandboxRequest): FaultRule | undefined => {
    for (const sub of SUB_SERVICES) {
      if (sub.parent !== service || !sub.path.test(req.url.pathname)) continue;
      const rule = decideFor(sub.service, req.method.toUpperCase());
      if (rule) return rule;
    }
    return decideFor(service, req.method.toUpperCase());
  };

  return {
    get rules() {
      return rules;
    },
    setPlan(next) {
      rules = typeof next === 'string' ? parseFaultPlan(next) : next;
      seen.clear();
    },
    clear() {
      rules = [];
      seen.clear();
    },
    counts: (service) => ({ ...countsFor(service) }),
    faultLayerFor(service: FaultService, hooks: FaultHooks = {}): FaultLayer {
      return async (req, res) => {
        const rule = decide(service, req);
        if (!rule) return false;
        const kind = rule.kind;
        switch (kind.type) {
          case 'lost':
            return 'lose-answer';
          case 'reset':
            req.raw.socket.destroy();
            res.destroy();
            return true;
          case 'delay':
            // Hold the real answer back past the client's timeout, then give it anyway:
            // the work happened, the client just never heard (like a slow real service).
            await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
            return res.destroyed || res.writableEnded;
          case 'status':
            if (kind.status === 409 && hooks.conflict) {
              await hooks.conflict(req, res);
              return true;
            }
            sendJson(
              res,
              kind.status,
              { message: `${service}: injected fault ${kind.status}` },
              kind.status === 429 ? { 'retry-after': '1' } : {}
            );
            return true;
        }
      };
    }
  };
}
