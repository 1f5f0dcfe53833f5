// Shared generators for parsers of untrusted JSON: a valid seed document with one to three
// fields mutated (replaced by any JSON value, removed, or given a hostile key), plain JSON
// noise, raw bytes, and prototype-polluting keys.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path inside a JSON document, the root included. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

const awkwardStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e',
  'x'.repeat(5000),
  'https://',
  'sha256:',
  '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.in-toto+json',
  '9007199254740993',
  'NaN',
  '==',
  '\\',
  '{}'
);

/** Any JSON value, biased towards the shapes that break parsers. */
export const jsonValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: awkwardStrings },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      0,
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER,
      1e308,
      true,
      [],
      {},
      [null],
      [{}],
      { length: 1 },
      'a'
    )
  },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...hostileKeys), fc.jsonValue({ maxDepth: 1 }))
  }
);

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'hostile-key'; at: number; key: string; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      value: jsonValueArb
    })
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hostile-key' as const),
      at: fc.nat(),
      key: fc.constantFrom(...hostileKeys),
      value: jsonValueArb
    })
  }
);

/** Applies mutations to a deep copy; paths are picked by index modulo the document's paths. */
/** A fresh copy of a generated value: fast-check may hand out one constant object many times. */
const fresh = (v: unknown): unknown =>
  v === undefined ? v : (JSON.parse(JSON.stringify(v)) as unknown);

export function mutate(seed: unknown, mutations: readonly Mutation[]): unknown {
  // JSON round trip: what a parser sees after JSON.parse (own `__proto__` keys included).
  let doc = JSON.parse(JSON.stringify(seed)) as Json;
  for (const m of mutations) {
    const paths = pathsOf(doc);
    const path = paths[m.at % paths.length]!;
    if (path.length === 0) {
      if (m.kind === 'replace') doc = fresh(m.value) as Json;
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc);
    const key = path[path.length - 1]!;
    const container = parent as Record<string | number, unknown>;
    if (m.kind === 'replace')
      Object.defineProperty(container, key, {
        value: fresh(m.value),
        enumerable: true,
        writable: true,
        configurable: true
      });
    else if (m.kind === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
    } else {
      const target = container[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, {
          value: fresh(m.value),
          enumerable: true,
          writable: true,
          configurable: true
        });
    }
  }
  return doc;
}

/** A seed document with 1–3 mutations: deep, near-valid inputs. */
export function mutatedArb(seed: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((ms) => mutate(seed, ms));
}

/** Bytes: random, or the seed's JSON text with bytes flipped, cut or spliced. */
export function bytesNear(seedText: string): fc.Arbitrary<Buffer> {
  const seed = Buffer.from(seedText);
  return fc.oneof(
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
        .map((flips) => {
          const b = Buffer.from(seed);
          for (const [at, byte] of flips) if (b.length > 0) b[at % b.length] = byte;
          return b;
        })
    },
    { weight: 1, arbitrary: fc.nat().map((n) => seed.subarray(0, n % (seed.length + 1))) }
  );
}

/** Near-valid documents, JSON noise and parsed-if-possible raw bytes, in one arbitrary. */
export function untrustedJsonArb(seed: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedArb(seed) },
    { weight: 1, arbitrary: fc.constant(JSON.parse(JSON.stringify(seed)) as unknown) },
    { weight: 2, arbitrary: jsonValueArb },
    {
      weight: 1,
      arbitrary: bytesNear(JSON.stringify(seed)).map((b) => {
        try {
          return JSON.parse(b.toString('utf8')) as unknown;
        } catch {
          return b.toString('utf8');
        }
      })
    }
  );
}
