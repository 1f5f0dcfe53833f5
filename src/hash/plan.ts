// How files are split into jobs for the worker pool (pure). A big file is a job of its own; small
// files travel in batches so that thousands of tiny files do not cost one message each.

export interface HashJob {
  id: number;
  /** Indices into the caller's file list. */
  files: number[];
  bytes: number;
}

export interface PlanLimits {
  /** Files at least this big get a job of their own. */
  ownJobBytes: number;
  maxBatchFiles: number;
  maxBatchBytes: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = {
  ownJobBytes: 8 * 1024 * 1024,
  maxBatchFiles: 256,
  maxBatchBytes: 16 * 1024 * 1024
};

/** Jobs covering every index of `sizes` exactly once, biggest first so the pool ends evenly. */
export function planHashJobs(sizes: readonly number[], limits = DEFAULT_PLAN_LIMITS): HashJob[] {
  const jobs: HashJob[] = [];
  let batch: HashJob | undefined;
  sizes.forEach((size, index) => {
    if (size >= limits.ownJobBytes) {
      jobs.push({ id: jobs.length, files: [index], bytes: size });
      return;
    }
    if (
      !batch ||
      batch.files.length >= limits.maxBatchFiles ||
      batch.bytes + size > limits.maxBatchBytes
    ) {
      batch = { id: jobs.length, files: [], bytes: 0 };
      jobs.push(batch);
    }
    batch.files.push(index);
    batch.bytes += size;
  });
  return jobs.sort((a, b) => b.bytes - a.bytes || a.id - b.id);
}
