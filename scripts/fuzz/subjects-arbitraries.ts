// Input generators for the subjects parsers: mostly near-valid input (real line shapes with
// one thing wrong) so the fuzzer reaches deep into the parser, plus plain noise.
import fc from 'fast-check';
import type { Subject } from '../../src/types.js';
import { subjectNameProblem } from '../../src/subjects/name.js';

const HEX = '0123456789abcdef'.split('');

const hexOf = (length: number) =>
  fc.string({ unit: fc.constantFrom(...HEX), minLength: length, maxLength: length });

export const validHexArb = fc.oneof(hexOf(64), hexOf(128));

export const hexArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: validHexArb },
  { weight: 1, arbitrary: validHexArb.map((h) => h.toUpperCase()) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...HEX, 'g', 'G', 'x', ' '), maxLength: 140 })
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).chain((n) => hexOf(n)) }
);

const awkwardChars = [
  '\u0000',
  '\n',
  '\r',
  '\t',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u061c',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\\',
  '*',
  ' ',
  '"',
  '=',
  '[',
  'é',
  '日',
  '😀'
];

export const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(...awkwardChars, 'a', 'b', '/'), maxLength: 20 })
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '日', '😀'), fc.integer({ min: 300, max: 1100 }))
      .map(([c, n]) => c.repeat(n))
  }
);

/** Names the parsers must accept. */
export const validNameArb = nameArb.filter((n) => subjectNameProblem(n) === undefined);

/** A line `sha256sum` could have printed (names may still break the rules). */
const plainLineArb = fc
  .tuple(validHexArb, fc.constantFrom('  ', ' *'), nameArb, fc.constantFrom('\n', '\r\n'))
  .map((parts) => parts.join(''));

const brokenLineArb = fc
  .tuple(
    fc.constantFrom('', '', '', '\\'),
    hexArb,
    fc.constantFrom('  ', '  ', ' *', ' ', '\t', '   ', ' x', ''),
    nameArb,
    fc.constantFrom('\n', '\n', '\r\n', '', '\r', '\n\n')
  )
  .map((parts) => parts.join(''));

export const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: plainLineArb },
  { weight: 1, arbitrary: brokenLineArb }
);

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(lineArb, { maxLength: 12 }).map((lines) => lines.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) }
);

const digestFieldArb = fc.dictionary(
  fc.constantFrom('sha256', 'sha512', 'sha1', 'SHA256', '__proto__', 'gitCommit'),
  fc.oneof(hexArb, fc.constant(null), fc.integer(), fc.constant({}))
);

const goodDigestArb = fc.oneof(
  hexOf(64).map((sha256) => ({ sha256 })),
  hexOf(128).map((sha512) => ({ sha512 })),
  fc.tuple(hexOf(64), hexOf(128)).map(([sha256, sha512]) => ({ sha256, sha512 }))
);

const entryArb = fc.oneof(
  { weight: 30, arbitrary: fc.record({ name: nameArb, digest: goodDigestArb }) },
  { weight: 2, arbitrary: fc.record({ name: nameArb, digest: digestFieldArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ name: fc.anything(), digest: fc.anything() }, { requiredKeys: [] })
  },
  { weight: 1, arbitrary: fc.record({ name: nameArb, digest: digestFieldArb, uri: fc.string() }) },
  { weight: 1, arbitrary: fc.anything() }
);

export const jsonTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(entryArb, { maxLength: 8 }).map((a) => JSON.stringify(a)) },
  { weight: 1, arbitrary: fc.json() },
  {
    weight: 1,
    arbitrary: fc.array(entryArb, { maxLength: 4 }).map((a) => JSON.stringify(a).slice(0, -1))
  }
);

/** Base64 the way build jobs hand it over, and the ways it gets damaged on the way. */
export const base64Arb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.oneof(textArb, jsonTextArb),
        fc.constantFrom(0, 76, 64, 3),
        fc.constantFrom('', '\n', '  \r\n')
      )
      .map(([text, wrap, around]) => {
        const b64 = Buffer.from(text, 'utf8').toString('base64');
        const wrapped =
          wrap === 0 ? b64 : (b64.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n');
        return `${around}${wrapped}${around}`;
      })
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(textArb, fc.nat(), fc.constantFrom('!', '=', '-', '_', 'é', '\u0000', ''))
      .map(([text, at, insert]) => {
        const b64 = Buffer.from(text, 'utf8').toString('base64');
        const cut = b64.length === 0 ? 0 : at % b64.length;
        return b64.slice(0, cut) + insert + b64.slice(cut + (insert === '' ? 1 : 0));
      })
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('base64'))
  },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 100 }) }
);

/** Raw bytes of a subjects file: valid text, invalid UTF-8, and text with bytes spliced in. */
export const bytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  textArb.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
  fc.uint8Array({ maxLength: 300 }),
  fc
    .tuple(textArb, fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat())
    .map(([t, junk, at]) => {
      const bytes = Buffer.from(t, 'utf8');
      const cut = bytes.length === 0 ? 0 : at % bytes.length;
      return new Uint8Array(
        Buffer.concat([bytes.subarray(0, cut), Buffer.from(junk), bytes.subarray(cut)])
      );
    })
);

/** Valid subjects with clashing names and digests drawn from small pools, to provoke conflicts. */
export const subjectListsArb: fc.Arbitrary<Subject[][]> = fc
  .tuple(
    fc.array(validNameArb, { minLength: 1, maxLength: 5 }),
    fc.array(hexOf(64), { minLength: 1, maxLength: 3 }),
    fc.array(hexOf(128), { minLength: 1, maxLength: 2 })
  )
  .chain(([names, sha256s, sha512s]) => {
    const subjectArb = fc
      .tuple(
        fc.constantFrom(...names),
        fc.option(fc.constantFrom(...sha256s)),
        fc.option(fc.constantFrom(...sha512s))
      )
      .map(([name, a, b]): Subject => ({
        name,
        digest: {
          ...(a !== null || b === null ? { sha256: a ?? (sha256s[0] as string) } : {}),
          ...(b !== null ? { sha512: b } : {})
        }
      }));
    return fc.array(fc.array(subjectArb, { maxLength: 6 }), { minLength: 1, maxLength: 4 });
  });

/** Distinct valid subjects, for round trips through the formatter. */
export const validSubjectsArb: fc.Arbitrary<Subject[]> = fc
  .uniqueArray(validNameArb, { minLength: 1, maxLength: 20 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(hexOf(64), { minLength: names.length, maxLength: names.length })
    )
  )
  .map(([names, digests]) =>
    names.map((name, i) => ({ name, digest: { sha256: digests[i] as string } }))
  );
