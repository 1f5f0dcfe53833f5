import { describe, expect, it } from '@jest/globals';
import { safeLogText, safeMarkdownText } from '../../src/sanitize.js';

describe('safeLogText', () => {
  it('cannot form a workflow command', () => {
    const out = safeLogText('::add-mask::secret');
    expect(out).not.toContain('::');
  });

  it('escapes terminal escapes, C1 controls and bidi overrides', () => {
    const out = safeLogText('a\u001b[31mred\u009b\u202eevil');
    expect(out).toBe('a\\x1b[31mred\\x9b\\u202eevil');
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('truncates very long values', () => {
    expect(safeLogText('x'.repeat(1000)).length).toBeLessThanOrEqual(301);
  });
});

describe('safeMarkdownText', () => {
  it('neutralises HTML, links, emphasis and table pipes', () => {
    const out = safeMarkdownText('<img src=x onerror=alert(1)>|[click](https://evil)`code`');
    expect(out).not.toMatch(/[<>|[\]()`]/);
    expect(out).toContain('&#60;img');
  });
});
