import { describe, expect, it } from '@jest/globals';
import { mapBounded } from '../../src/signing/map-bounded.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('mapBounded', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      running++;
      peak = Math.max(peak, running);
      for (let k = 0; k < n; k++) await tick();
      running--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(peak).toBe(3);
  });

  it('handles an empty list and a limit above the item count', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
    expect(await mapBounded([1, 2], 16, async (n) => n * 2)).toEqual([2, 4]);
  });

  it('starts nothing after the first failure, lets in-flight tasks settle, throws that failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapBounded([0, 1, 2, 3, 4, 5, 6, 7], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('item 1 failed');
      await tick();
      await tick();
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    // Lane A took 0, lane B took 1 (failed) and stopped; lane A stops after finishing 0.
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(mapBounded([1], 0, async (n) => n)).rejects.toThrow(RangeError);
    await expect(mapBounded([1], 1.5, async (n) => n)).rejects.toThrow('positive integer');
  });
});
