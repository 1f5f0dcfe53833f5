import { describe, expect, it } from '@jest/globals';
import { planHashJobs } from '../../src/hash/plan.js';

const limits = { ownJobBytes: 100, maxBatchFiles: 3, maxBatchBytes: 150 };

describe('planHashJobs', () => {
  it('covers every file exactly once', () => {
    const sizes = [5, 500, 0, 99, 100, 60, 60, 60, 1, 2, 3, 4];
    const jobs = planHashJobs(sizes, limits);
    const covered = jobs.flatMap((j) => j.files).sort((a, b) => a - b);
    expect(covered).toEqual(sizes.map((_, i) => i));
    for (const job of jobs)
      expect(job.bytes).toBe(job.files.reduce((s, i) => s + (sizes[i] as number), 0));
  });

  it('gives big files a job of their own and caps batches by count and bytes', () => {
    const jobs = planHashJobs([500, 100, 1, 1, 1, 1, 80, 80], limits);
    expect(jobs.map((j) => j.files)).toEqual([[0], [1], [5, 6], [7], [2, 3, 4]]);
  });

  it('puts the biggest jobs first so the pool finishes evenly', () => {
    const bytes = planHashJobs([1, 400, 2, 300, 120], limits).map((j) => j.bytes);
    expect(bytes).toEqual([...bytes].sort((a, b) => b - a));
  });

  it('plans nothing for no files', () => {
    expect(planHashJobs([], limits)).toEqual([]);
  });
});
