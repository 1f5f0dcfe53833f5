import { describe, expect, it } from '@jest/globals';
import {
  formatBase64Subjects,
  formatSubjectsText,
  parseBase64Subjects
} from '../../src/subjects/index.js';

const A = 'a'.repeat(64);
const C = 'c'.repeat(128);

describe('formatSubjectsText', () => {
  it('writes sha256sum text-mode lines', () => {
    expect(formatSubjectsText([{ name: 'dist/a b.tgz', digest: { sha256: A } }], 'sha256')).toBe(
      `${A}  dist/a b.tgz\n`
    );
  });

  it('escapes a backslash the way GNU sha256sum does, and parses back', () => {
    const subjects = [{ name: 'a\\b', digest: { sha512: C } }];
    expect(formatSubjectsText(subjects, 'sha512')).toBe(`\\${C}  a\\\\b\n`);
    expect(parseBase64Subjects(formatBase64Subjects(subjects, 'sha512'))).toEqual(subjects);
  });

  it('refuses a subject without the requested digest', () => {
    expect(() => formatSubjectsText([{ name: 'x', digest: { sha256: A } }], 'sha512')).toThrow(
      'subject "x" has no sha512 digest'
    );
  });
});
