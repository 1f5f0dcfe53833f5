import { describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import {
  MAX_NAME_BYTES,
  MAX_SUBJECTS,
  parseBase64Subjects,
  parseSubjectsBytes,
  parseSubjectsText
} from '../../src/subjects/index.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(128);
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The ProvenanceError `run` throws; fails the test when it throws nothing or something else. */
function rejection(run: () => unknown): ProvenanceError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    expect((e as ProvenanceError).code).toBe('SUBJECTS_INVALID');
    return e as ProvenanceError;
  }
  throw new Error('expected a ProvenanceError, nothing was thrown');
}

// Hostile bytes must never reach a message raw.
const RAW_HOSTILE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('parseSubjectsText accepts sha256sum output', () => {
  it.each([
    ['text mode', `${A}  app.tgz\n`, [{ name: 'app.tgz', digest: { sha256: A } }]],
    ['binary mode marker', `${A} *app.tgz\n`, [{ name: 'app.tgz', digest: { sha256: A } }]],
    ['sha512 by length', `${C}  app.tgz\n`, [{ name: 'app.tgz', digest: { sha512: C } }]],
    [
      'uppercase hex, normalised',
      `${A.toUpperCase()}  x\n`,
      [{ name: 'x', digest: { sha256: A } }]
    ],
    [
      'mixed-case hex',
      `${'aB'.repeat(32)}  x`,
      [{ name: 'x', digest: { sha256: 'ab'.repeat(32) } }]
    ],
    ['no trailing newline', `${A}  x`, [{ name: 'x', digest: { sha256: A } }]],
    [
      'CRLF line ends',
      `${A}  x\r\n${B}  y\r\n`,
      [
        { name: 'x', digest: { sha256: A } },
        { name: 'y', digest: { sha256: B } }
      ]
    ],
    [
      'blank and whitespace-only lines skipped',
      `\n${A}  x\n\n  \t\n${B}  y\n\n`,
      [
        { name: 'x', digest: { sha256: A } },
        { name: 'y', digest: { sha256: B } }
      ]
    ],
    [
      'spaces in names kept verbatim',
      `${A}   lead and trail  \n`,
      [{ name: ' lead and trail  ', digest: { sha256: A } }]
    ],
    [
      'GNU-escaped backslash name',
      `\\${A}  dir\\\\file\n`,
      [{ name: 'dir\\file', digest: { sha256: A } }]
    ],
    [
      'unescaped line keeps a backslash literally',
      `${A}  a\\nb\n`,
      [{ name: 'a\\nb', digest: { sha256: A } }]
    ],
    [
      'non-ASCII names',
      `${A}  日本/é 😀.tgz\n`,
      [{ name: '日本/é 😀.tgz', digest: { sha256: A } }]
    ],
    ['exact repeat dropped', `${A}  x\n${A}  x\n`, [{ name: 'x', digest: { sha256: A } }]],
    [
      'sha256 and sha512 lines for one name merge',
      `${A}  x\n${C}  x\n`,
      [{ name: 'x', digest: { sha256: A, sha512: C } }]
    ],
    ['byte-order mark ignored', `\ufeff${A}  x\n`, [{ name: 'x', digest: { sha256: A } }]],
    [
      'order of first appearance',
      `${B}  z\n${A}  a\n`,
      [
        { name: 'z', digest: { sha256: B } },
        { name: 'a', digest: { sha256: A } }
      ]
    ]
  ])('%s', (_label, text, expected) => {
    expect(parseSubjectsText(text)).toEqual(expected);
  });

  it(`accepts a name of exactly ${MAX_NAME_BYTES} UTF-8 bytes`, () => {
    const name = 'é'.repeat(MAX_NAME_BYTES / 2);
    expect(parseSubjectsText(`${A}  ${name}`)[0]?.name).toBe(name);
  });
});

describe('parseSubjectsText accepts the JSON form', () => {
  it.each([
    ['sha256', `[{"name":"a","digest":{"sha256":"${A}"}}]`, [{ name: 'a', digest: { sha256: A } }]],
    ['sha512', `[{"name":"a","digest":{"sha512":"${C}"}}]`, [{ name: 'a', digest: { sha512: C } }]],
    [
      'both',
      `[{"name":"a","digest":{"sha256":"${A}","sha512":"${C}"}}]`,
      [{ name: 'a', digest: { sha256: A, sha512: C } }]
    ],
    [
      'uppercase normalised, whitespace around',
      `  \n[{"name":"a","digest":{"sha256":"${A.toUpperCase()}"}}]\n`,
      [{ name: 'a', digest: { sha256: A } }]
    ],
    [
      'JSON escapes decoded',
      `[{"name":"caf\\u00e9","digest":{"sha256":"${A}"}}]`,
      [{ name: 'café', digest: { sha256: A } }]
    ]
  ])('%s', (_label, text, expected) => {
    expect(parseSubjectsText(text)).toEqual(expected);
  });
});

describe('parseBase64Subjects', () => {
  const text = `${A}  app.tgz\n${B}  lib.tgz\n${C}  big.iso\n`;
  const expected = parseSubjectsText(text);
  const encoded = b64(text);

  it.each([
    ['base64 -w0', encoded],
    ['wrapped at 76 like base64', encoded.replace(/.{76}/g, '$&\n') + '\n'],
    ['wrapped with CRLF', encoded.replace(/.{76}/g, '$&\r\n')],
    ['surrounding whitespace', `  \n\t${encoded}\n\n  `]
  ])('decodes %s', (_label, input) => {
    expect(parseBase64Subjects(input)).toEqual(expected);
  });

  it('decodes base64 of the JSON form', () => {
    expect(parseBase64Subjects(b64(`[{"name":"a","digest":{"sha256":"${A}"}}]`))).toEqual([
      { name: 'a', digest: { sha256: A } }
    ]);
  });

  it('parses 100,000 subjects (no quadratic work; speed is measured in the fuzz/bench runs)', () => {
    const lines = Array.from({ length: MAX_SUBJECTS }, (_, i) => `${A}  dist/file-${i}.tgz\n`);
    const subjects = parseBase64Subjects(b64(lines.join('')));
    expect(subjects).toHaveLength(MAX_SUBJECTS);
    expect(subjects[MAX_SUBJECTS - 1]).toEqual({
      name: `dist/file-${MAX_SUBJECTS - 1}.tgz`,
      digest: { sha256: A }
    });
  });
});

describe('rejections name the place and the reason', () => {
  it.each([
    ['empty text', '', 'subjects: empty input, no subjects found'],
    ['only blank lines', '\n \n\r\n', 'subjects: empty input, no subjects found'],
    [
      'no separator',
      `${A}`,
      'subjects, line 1: expected "<hex digest>  <name>" but found no space after the digest'
    ],
    [
      'tab separator',
      `${A}\tx`,
      'subjects, line 1: expected "<hex digest>  <name>" but found no space after the digest'
    ],
    [
      'one space only',
      `${A} x`,
      'subjects, line 1: expected two spaces or " *" between the digest and the name'
    ],
    ['missing name', `${A}  `, 'subjects, line 1: missing name after the digest'],
    [
      'missing name, binary',
      `x\n${A} *\n`,
      'subjects, line 1: expected "<hex digest>  <name>" but found no space after the digest'
    ],
    [
      'missing name on line 2',
      `${A}  x\n${B} *\n`,
      'subjects, line 2: missing name after the digest'
    ],
    ['missing digest', `  x`, 'subjects, line 1: missing digest'],
    [
      'non-hex',
      `${'g'.repeat(64)}  x`,
      'subjects, line 1: digest contains a non-hex character "g" at character 1'
    ],
    [
      'non-hex later',
      `${A.slice(0, 10)}Z${A.slice(11)}  x`,
      'subjects, line 1: digest contains a non-hex character "Z" at character 11'
    ],
    [
      '63 hex',
      `${A.slice(1)}  x`,
      'subjects, line 1: digest has 63 hex characters; expected 64 (sha256) or 128 (sha512)'
    ],
    [
      '65 hex',
      `${A}a  x`,
      'subjects, line 1: digest has 65 hex characters; expected 64 (sha256) or 128 (sha512)'
    ],
    [
      'sha1 length',
      `${'a'.repeat(40)}  x`,
      'subjects, line 1: digest has 40 hex characters; expected 64 (sha256) or 128 (sha512)'
    ],
    [
      'two digests for one name',
      `${A}  x\n${B}  y\n\n${B}  x\n`,
      'subjects, line 4: subject "x" has two different sha256 digests: aaaaaaaaaaaaaaaa… (line 1) and bbbbbbbbbbbbbbbb… (line 4)'
    ],
    [
      'two sha512 digests after a sha256',
      `${A}  x\n${C}  x\n${'d'.repeat(128)}  x\n`,
      'subjects, line 3: subject "x" has two different sha512 digests: cccccccccccccccc… (line 2) and dddddddddddddddd… (line 3)'
    ],
    [
      'invalid GNU escape',
      `\\${A}  a\\tb`,
      'subjects, line 1: invalid escape "\\t" in an escaped name (sha256sum writes only \\\\, \\n and \\r)'
    ],
    [
      'escaped newline in a name',
      `\\${A}  a\\nb`,
      'subjects, line 1: name contains a line break (U+000A) at character 2: "a\\x0ab"'
    ],
    [
      'CR inside a name',
      `${A}  a\rb\n`,
      'subjects, line 1: name contains a line break (U+000D) at character 2: "a\\x0db"'
    ],
    [
      'Unicode line separator in a name',
      `${A}  a\u2028b`,
      'subjects, line 1: name contains a line break (U+2028) at character 2: "a\\u2028b"'
    ],
    [
      'NUL in a name',
      `${A}  a\u0000b`,
      'subjects, line 1: name contains a NUL character (U+0000) at character 2: "a\\x00b"'
    ],
    [
      'ESC in a name',
      `${A}  a\u001b[31mred`,
      'subjects, line 1: name contains a control character (U+001B) at character 2: "a\\x1b[31mred"'
    ],
    [
      'tab in a name',
      `${A}  a\tb`,
      'subjects, line 1: name contains a control character (U+0009) at character 2: "a\\x09b"'
    ],
    [
      'DEL in a name',
      `${A}  a\u007f`,
      'subjects, line 1: name contains a DEL character (U+007F) at character 2: "a\\x7f"'
    ],
    [
      'C1 in a name',
      `${A}  a\u0085`,
      'subjects, line 1: name contains a C1 control character (U+0085) at character 2: "a\\x85"'
    ],
    [
      'C1 CSI in a name',
      `${A}  \u009b31m`,
      'subjects, line 1: name contains a C1 control character (U+009B) at character 1: "\\x9b31m"'
    ],
    ...[
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c
    ].map((code): [string, string, string] => {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return [
        `bidi control U+${hex}`,
        `${A}  evil${String.fromCharCode(code)}gpj.exe`,
        `subjects, line 1: name contains a bidirectional control character (U+${hex}) at character 5, which can make it display differently from its bytes: "evil\\u${hex.toLowerCase()}gpj.exe"`
      ];
    }),
    [
      'name over the byte limit',
      `${A}  ${'a'.repeat(MAX_NAME_BYTES + 1)}`,
      /^subjects, line 1: name is 1025 bytes in UTF-8; at most 1024 are allowed: "a{80}…"$/
    ],
    [
      'multi-byte name over the limit',
      `${A}  ${'é'.repeat(513)}`,
      /^subjects, line 1: name is 1026 bytes in UTF-8; at most 1024 are allowed: "é{80}…"$/
    ]
  ])('%s', (_label, text, message) => {
    const error = rejection(() => parseSubjectsText(text));
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(RAW_HOSTILE);
  });

  it(`refuses more than ${MAX_SUBJECTS} subjects, naming the line`, () => {
    const lines = Array.from({ length: MAX_SUBJECTS + 1 }, (_, i) => `${A}  f${i}\n`).join('');
    expect(rejection(() => parseSubjectsText(lines)).message).toBe(
      `subjects, line ${MAX_SUBJECTS + 1}: more than ${MAX_SUBJECTS} subjects; split the artifacts over several provenance files`
    );
  });

  it('counts distinct names, so repeats do not hit the limit', () => {
    const lines = `${A}  same\n`.repeat(MAX_SUBJECTS + 5);
    expect(parseSubjectsText(lines)).toHaveLength(1);
  });
});

describe('JSON form rejections', () => {
  const entry = (body: string) => `[{"name":"ok","digest":{"sha256":"${A}"}}, ${body}]`;
  it.each([
    ['not JSON', '[{"name": "x",', /^subjects, JSON: not valid JSON \(".*"\)$/],
    ['not an array', '[1', /^subjects, JSON: not valid JSON/],
    ['empty array', '[]', 'subjects: empty input, no subjects found'],
    ['entry not an object', entry('"x"'), 'subjects, entry 2: expected an object, found a string'],
    ['entry is an array', entry('[]'), 'subjects, entry 2: expected an object, found an array'],
    ['missing name', entry(`{"digest":{"sha256":"${A}"}}`), 'subjects, entry 2: missing name'],
    [
      'empty name',
      entry(`{"name":"","digest":{"sha256":"${A}"}}`),
      'subjects, entry 2: missing name'
    ],
    [
      'name not a string',
      entry(`{"name":5,"digest":{"sha256":"${A}"}}`),
      'subjects, entry 2: name must be a string, found a number'
    ],
    [
      'missing digest',
      entry(`{"name":"y"}`),
      'subjects, entry 2: digest must be an object, found a undefined'
    ],
    [
      'empty digest',
      entry(`{"name":"y","digest":{}}`),
      'subjects, entry 2: digest is empty; expected sha256 and/or sha512'
    ],
    [
      'sha1',
      entry(`{"name":"y","digest":{"sha1":"${'a'.repeat(40)}"}}`),
      'subjects, entry 2: unsupported digest algorithm "sha1"; expected sha256 and/or sha512'
    ],
    [
      'upper-case algorithm',
      entry(`{"name":"y","digest":{"SHA256":"${A}"}}`),
      'subjects, entry 2: unsupported digest algorithm "SHA256"; expected sha256 and/or sha512'
    ],
    [
      'sha256 of sha512 length',
      entry(`{"name":"y","digest":{"sha256":"${C}"}}`),
      'subjects, entry 2: sha256 digest has 128 hex characters; expected 64'
    ],
    [
      'digest value not a string',
      entry(`{"name":"y","digest":{"sha256":1}}`),
      'subjects, entry 2: sha256 digest must be a string, found a number'
    ],
    [
      'non-hex digest',
      entry(`{"name":"y","digest":{"sha256":"${'x'.repeat(64)}"}}`),
      'subjects, entry 2: digest contains a non-hex character "x" at character 1'
    ],
    [
      'extra field',
      entry(`{"name":"y","uri":"pkg:npm/y","digest":{"sha256":"${A}"}}`),
      'subjects, entry 2: unsupported field "uri"; a subject has only "name" and "digest"'
    ],
    [
      '__proto__ field',
      entry(`{"name":"y","__proto__":{},"digest":{"sha256":"${A}"}}`),
      'subjects, entry 2: unsupported field "__proto__"; a subject has only "name" and "digest"'
    ],
    [
      'two digests for one name',
      entry(`{"name":"ok","digest":{"sha256":"${B}"}}`),
      'subjects, entry 2: subject "ok" has two different sha256 digests: aaaaaaaaaaaaaaaa… (entry 1) and bbbbbbbbbbbbbbbb… (entry 2)'
    ],
    [
      'lone surrogate',
      entry(`{"name":"a\\ud800","digest":{"sha256":"${A}"}}`),
      'subjects, entry 2: name is not well-formed Unicode (unpaired surrogate): "a\\ud800"'
    ],
    [
      'bidi override',
      entry(`{"name":"a\\u202e","digest":{"sha256":"${A}"}}`),
      'subjects, entry 2: name contains a bidirectional control character (U+202E) at character 2, which can make it display differently from its bytes: "a\\u202e"'
    ]
  ])('%s', (_label, text, message) => {
    const error = rejection(() => parseSubjectsText(text));
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('escapes the hostile snippet V8 quotes from broken JSON', () => {
    const error = rejection(() => parseSubjectsText('[{"name": "\u001b]0;pwned\u0007\u202e" x'));
    expect(error.message).toMatch(/^subjects, JSON: not valid JSON/);
    expect(error.message).not.toMatch(RAW_HOSTILE);
  });

  it('refuses an array with more than the limit before looking at entries', () => {
    const text = `[${Array.from({ length: MAX_SUBJECTS + 1 }, () => '0').join(',')}]`;
    expect(rejection(() => parseSubjectsText(text)).message).toBe(
      `subjects, JSON: more than ${MAX_SUBJECTS} subjects (${MAX_SUBJECTS + 1} entries)`
    );
  });
});

describe('base64 and encoding rejections', () => {
  it.each([
    ['empty', '', 'base64-subjects: empty input, no subjects found'],
    ['whitespace only', ' \n\t\r\n', 'base64-subjects: empty input, no subjects found'],
    [
      'base64 of nothing but newlines',
      b64('\n\n'),
      'base64-subjects: empty input, no subjects found'
    ],
    [
      'character outside the alphabet',
      'YWJj!ZGVm',
      'base64-subjects, line 1: bad base64: character "!" at column 5 is not in the base64 alphabet'
    ],
    [
      'URL-safe alphabet',
      'YW-j',
      'base64-subjects, line 1: bad base64: character "-" at column 3 is not in the base64 alphabet'
    ],
    [
      'bad character on line 2',
      'YWJj\nZG\u0000Vm\n',
      'base64-subjects, line 2: bad base64: character "\\x00" at column 3 is not in the base64 alphabet'
    ],
    [
      'padding in the middle',
      'YQ==YWJj',
      'base64-subjects, line 1: bad base64: misplaced "=" at column 3 (padding may only end the data, at most two)'
    ],
    [
      'three padding characters',
      'YQ===',
      'base64-subjects, line 1: bad base64: misplaced "=" at column 3 (padding may only end the data, at most two)'
    ],
    [
      'truncated (not a multiple of 4)',
      'YWJjZ',
      'base64-subjects, input: bad base64: 5 characters is not a multiple of 4 (truncated or unpadded?)'
    ],
    [
      'unpadded',
      'YQ',
      'base64-subjects, input: bad base64: 2 characters is not a multiple of 4 (truncated or unpadded?)'
    ],
    [
      'non-canonical final bits',
      'YR==',
      'base64-subjects, input: bad base64: the final characters carry extra bits (not canonical base64)'
    ],
    [
      'invalid UTF-8 on line 2',
      Buffer.concat([Buffer.from(`${A}  ok\n${A}  bad`), Buffer.from([0xff, 0xfe])]).toString(
        'base64'
      ),
      'base64-subjects, line 2: not valid UTF-8 (names must be UTF-8 text)'
    ],
    [
      'overlong UTF-8 encoding of "/"',
      Buffer.concat([Buffer.from(`${A}  a`), Buffer.from([0xc0, 0xaf])]).toString('base64'),
      'base64-subjects, line 1: not valid UTF-8 (names must be UTF-8 text)'
    ],
    [
      'UTF-8 encoded surrogate',
      Buffer.concat([Buffer.from(`${A}  a`), Buffer.from([0xed, 0xa0, 0x80])]).toString('base64'),
      'base64-subjects, line 1: not valid UTF-8 (names must be UTF-8 text)'
    ],
    [
      'decoded line error keeps the line number',
      b64(`${A}  ok\n\n${A.slice(2)}  short\n`),
      'base64-subjects, line 3: digest has 62 hex characters; expected 64 (sha256) or 128 (sha512)'
    ]
  ])('%s', (_label, input, message) => {
    const error = rejection(() => parseBase64Subjects(input));
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(RAW_HOSTILE);
  });

  it('names the source given by the caller', () => {
    expect(rejection(() => parseBase64Subjects('!', 'input base64-subjects')).message).toMatch(
      /^input base64-subjects, line 1: bad base64/
    );
  });

  it('subject files given as bytes must be UTF-8 too', () => {
    const bytes = Buffer.concat([Buffer.from(`${A}  caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(rejection(() => parseSubjectsBytes(bytes, 'dist/subjects.txt')).message).toBe(
      'dist/subjects.txt, line 1: not valid UTF-8 (names must be UTF-8 text)'
    );
    expect(parseSubjectsBytes(Buffer.from(`\ufeff${A}  café\n`))).toEqual([
      { name: 'café', digest: { sha256: A } }
    ]);
  });

  it('truncates a long hostile name in the message', () => {
    const error = rejection(() => parseSubjectsText(`${A}  ${'\u001b'.repeat(5000)}`));
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).not.toMatch(RAW_HOSTILE);
  });
});
