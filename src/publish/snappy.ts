// Snappy block decompression, for attestation bundles GitHub serves from `bundle_url`
// (`Content-Type: application/x-snappy`, a `.json.sn` blob; gh reads them the same way, see
// cli/cli#10185). Written to Google's format description
// (https://github.com/google/snappy/blob/main/format_description.txt): a varint with the
// uncompressed length, then literals and back-references. The length is checked against a cap
// before anything is allocated, and every element against the bounds, so hostile input fails
// with one line instead of a large allocation or an out-of-range read.
import { ProvenanceError } from '../errors.js';

function corrupt(problem: string): ProvenanceError {
  return new ProvenanceError('PUBLISH_FAILED', `snappy data: ${problem}`);
}

/** The uncompressed length in the preamble, and where the elements start. */
function preamble(data: Uint8Array): { length: number; start: number } {
  let length = 0;
  for (let i = 0; i < 5; i++) {
    if (i >= data.length) throw corrupt('truncated length preamble');
    const byte = data[i]!;
    length += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) {
      if (length > 0xffffffff) throw corrupt('length preamble above 2^32 - 1');
      return { length, start: i + 1 };
    }
  }
  throw corrupt('length preamble longer than 5 bytes');
}

export function decodeSnappyBlock(data: Uint8Array, maxLength: number): Buffer {
  const { length, start } = preamble(data);
  if (length > maxLength)
    throw corrupt(`expands to ${length} bytes, more than the ${maxLength} allowed`);
  const out = Buffer.alloc(length);
  let pos = start;
  let written = 0;
  const need = (n: number) => {
    if (pos + n > data.length) throw corrupt('truncated element');
  };
  while (pos < data.length) {
    const tag = data[pos++]!;
    const kind = tag & 0x03;
    if (kind === 0) {
      let len = (tag >> 2) + 1;
      if (len > 60) {
        const bytes = len - 60; // 1-4 length bytes follow, little-endian, holding len - 1
        need(bytes);
        len = 0;
        for (let i = 0; i < bytes; i++) len += data[pos + i]! * 2 ** (8 * i);
        len += 1;
        pos += bytes;
      }
      need(len);
      if (written + len > length) throw corrupt('literal runs past the declared length');
      out.set(data.subarray(pos, pos + len), written);
      pos += len;
      written += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      need(1);
      len = ((tag >> 2) & 0x07) + 4;
      offset = ((tag >> 5) << 8) | data[pos]!;
      pos += 1;
    } else if (kind === 2) {
      need(2);
      len = (tag >> 2) + 1;
      offset = data[pos]! | (data[pos + 1]! << 8);
      pos += 2;
    } else {
      need(4);
      len = (tag >> 2) + 1;
      offset =
        data[pos]! + data[pos + 1]! * 2 ** 8 + data[pos + 2]! * 2 ** 16 + data[pos + 3]! * 2 ** 24;
      pos += 4;
    }
    if (offset === 0 || offset > written) throw corrupt(`copy offset ${offset} out of range`);
    if (written + len > length) throw corrupt('copy runs past the declared length');
    // Byte by byte: a copy may overlap what it is writing (run-length encoding).
    for (let i = 0; i < len; i++, written++) out[written] = out[written - offset]!;
  }
  if (written !== length) throw corrupt(`declared ${length} bytes, decoded ${written}`);
  return out;
}
