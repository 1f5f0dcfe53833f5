// A lock held across processes on this machine, for a resource that cannot be shared: the real
// timestamp-authority's Prometheus listener is fixed at :2112 (pkg/server/prometheus.go), so a
// second TSA started while one runs exits at once. Sandboxes that want the real TSA take turns:
// the lock is a file created exclusively, holding the owner's pid; a lock whose owner is gone is
// taken over.
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function ownerAlive(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is not ours to signal.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireMachineLock(
  name: string,
  options: { timeoutMs?: number; onWait?: () => void } = {}
): Promise<() => void> {
  const path = join(tmpdir(), `isolated-provenance-${name}.lock`);
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!ownerAlive(path)) {
      try {
        unlinkSync(path);
      } catch {
        // another waiter took it over first
      }
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`${name}: still held by another process after waiting (${path})`);
    if (!told) {
      options.onWait?.();
      told = true;
    }
    await sleep(250);
  }
}
