// RFC 6962 Merkle tree hashing: leaf and node hashes, the tree head, and audit paths. The
// sandbox Rekor keeps every leaf in memory, so plain recursion over the leaf list is enough.
import { createHash } from 'node:crypto';

export function leafHash(data: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0x00]))
    .update(data)
    .digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0x01]))
    .update(left)
    .update(right)
    .digest();
}

/** Largest power of two strictly below n (n >= 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[0:n]) over already-hashed leaves. */
export function rootHash(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = split(leaves.length);
  return nodeHash(rootHash(leaves.slice(0, k)), rootHash(leaves.slice(k)));
}

/** PATH(index, D[0:n]): sibling hashes from the leaf up to the root. */
export function inclusionPath(index: number, leaves: readonly Buffer[]): Buffer[] {
  if (index < 0 || index >= leaves.length)
    throw new Error(`leaf ${index} is outside a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionPath(index, leaves.slice(0, k)), rootHash(leaves.slice(k))]
    : [...inclusionPath(index - k, leaves.slice(k)), rootHash(leaves.slice(0, k))];
}

/** Recomputes the root from a leaf and its path (RFC 9162 2.1.3.2); used by tests. */
export function rootFromPath(
  index: number,
  size: number,
  leaf: Buffer,
  path: readonly Buffer[]
): Buffer {
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) throw new Error('inclusion path is too long');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn !== 0) throw new Error('inclusion path is too short');
  return r;
}
