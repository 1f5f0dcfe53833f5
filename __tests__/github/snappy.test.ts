// The snappy block decoder for bundle_url blobs, checked against an independent compressor
// (snappyjs) and against the examples of Google's format description.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compress as snappyCompress } from 'snappyjs';
import { ProvenanceError } from '../../src/errors.js';
import { decodeSnappyBlock } from '../../src/publish/snappy.js';

const MAX = 1 << 20;

describe('decodeSnappyBlock', () => {
  it('decodes whatever snappyjs compresses (literals, short and long copies)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 5000 }),
          // Repetitive input, so the compressor emits copies, overlapping ones included.
          fc
            .tuple(
              fc.uint8Array({ minLength: 1, maxLength: 40 }),
              fc.integer({ min: 1, max: 3000 })
            )
            .map(([unit, times]) => Buffer.concat(Array.from({ length: times }, () => unit)))
        ),
        (data) => {
          const plain = Buffer.from(data);
          expect(decodeSnappyBlock(snappyCompress(plain), MAX).equals(plain)).toBe(true);
        }
      ),
      { numRuns: 200 }
    );
  });

  it('decodes the format description’s example: "xababab" as literal "xab" + copy(offset 2, length 4)', () => {
    // Preamble 7; literal tag (3-1)<<2; copy with 1-byte offset: tag ((4-4)<<2)|1, offset 2.
    const encoded = Buffer.from([7, (3 - 1) << 2, ...Buffer.from('xab'), 0x01, 2]);
    expect(decodeSnappyBlock(encoded, MAX).toString()).toBe('xababab');
  });

  it('decodes the same copy written with 2-byte and 4-byte offsets', () => {
    const copy2 = Buffer.from([7, 2 << 2, ...Buffer.from('xab'), ((4 - 1) << 2) | 2, 2, 0]);
    const copy4 = Buffer.from([7, 2 << 2, ...Buffer.from('xab'), ((4 - 1) << 2) | 3, 2, 0, 0, 0]);
    expect(decodeSnappyBlock(copy2, MAX).toString()).toBe('xababab');
    expect(decodeSnappyBlock(copy4, MAX).toString()).toBe('xababab');
  });

  it('reads a literal longer than 60 bytes (length in a following byte)', () => {
    const text = Buffer.from('a'.repeat(100));
    const encoded = Buffer.from([100, 60 << 2, 99, ...text]);
    expect(decodeSnappyBlock(encoded, MAX).equals(text)).toBe(true);
  });

  it.each([
    [
      'a length above the cap, before allocating',
      Buffer.from([0x80, 0x80, 0x80, 0x80, 0x0f]),
      'more than the'
    ],
    ['a truncated preamble', Buffer.from([0x80]), 'truncated length preamble'],
    ['a copy before any data', Buffer.from([4, 0x01, 1]), 'copy offset 1 out of range'],
    ['a zero offset', Buffer.from([8, 0, 0x61, 0x01, 0]), 'copy offset 0 out of range'],
    ['a literal past the end', Buffer.from([2, 4 << 2, 0x61]), 'truncated element'],
    ['more output than declared', Buffer.from([1, 1 << 2, 0x61, 0x61]), 'past the declared length'],
    ['less output than declared', Buffer.from([3, 0, 0x61]), 'declared 3 bytes, decoded 1']
  ])('refuses %s', (_what, data, message) => {
    expect(() => decodeSnappyBlock(data, 1000)).toThrow(ProvenanceError);
    expect(() => decodeSnappyBlock(data, 1000)).toThrow(message);
  });
});
