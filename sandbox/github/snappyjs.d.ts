// snappyjs 0.7.0 ships no types: the two functions the sandbox uses.
declare module 'snappyjs' {
  export function compress(uncompressed: Buffer): Buffer;
  export function uncompress(compressed: Buffer, maxLength?: number): Buffer;
}
