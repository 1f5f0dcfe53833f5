// safeLogText / safeMarkdownText on their own, over generated hostile strings: whatever the
// tenant string, the runner finds no workflow command in a line built from it, even when
// the string starts the line, and the markdown form carries no active character.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { safeLogText, safeMarkdownText } from '../../src/sanitize.js';
import { workflowCommands } from './runner-commands.js';

// Strings built from the pieces workflow commands and markdown are made of, plus anything.
const pieces = [
  '::',
  ':',
  '##[',
  '#',
  '[',
  ']',
  'error',
  'add-mask',
  'set-output name=x',
  'stop-commands',
  ' ',
  '\n',
  '\r',
  '%0A',
  '\u001b[31m',
  '\u2028',
  '<',
  '>',
  '|',
  '`',
  '(',
  ')',
  'x'
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 })
);

describe('safeLogText', () => {
  it.each([
    '##[error]legacy',
    'x ##[add-mask]secret',
    '##[set-output name=a;]b',
    '::warning::x',
    '  ::stop-commands::token'
  ])('leaves no runner command in %j, at the start of a line or after our text', (value) => {
    expect(workflowCommands(safeLogText(value))).toEqual([]);
    expect(workflowCommands(`Subjects: 1 (${safeLogText(value)})`)).toEqual([]);
  });

  it('never yields a workflow command, a line break or an escape for any string', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 300 }), (value, max) => {
        const safe = safeLogText(value, max);
        expect(workflowCommands(safe)).toEqual([]);
        expect(workflowCommands(`Builder: ${safe}`)).toEqual([]);
        // eslint-disable-next-line no-control-regex -- asserting control characters are absent
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
      { numRuns: 2000 }
    );
  });
});

describe('safeMarkdownText', () => {
  it('never yields markdown or HTML syntax for any string', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const safe = safeMarkdownText(value);
        // Outside the numeric character references it writes, nothing markdown or HTML reads.
        expect(safe.replace(/&#\d+;/g, '')).not.toMatch(/[<>[\]()|`*_~!#&\\]/);
        expect(workflowCommands(safe)).toEqual([]);
      }),
      { numRuns: 2000 }
    );
  });
});
