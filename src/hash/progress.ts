// Progress on stderr for long runs: once a second, never for runs shorter than that.
// On a terminal one line is rewritten in place; otherwise (`--progress` in CI logs) each
// report is its own line.
import type { HashProgress } from './hash-files.js';

export interface ProgressStream {
  write(text: string): unknown;
}

const MIB = 1024 * 1024;

export class ProgressReporter {
  private latest: HashProgress | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private printed = false;
  private readonly started = Date.now();

  constructor(
    private readonly stream: ProgressStream,
    private readonly interactive: boolean,
    private readonly intervalMs = 1000
  ) {}

  start(): void {
    this.timer = setInterval(() => this.print(), this.intervalMs);
    this.timer.unref();
  }

  update(progress: HashProgress): void {
    this.latest = progress;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.printed) {
      this.print();
      if (this.interactive) this.stream.write('\n');
    }
  }

  private print(): void {
    const p = this.latest;
    if (!p) return;
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const line =
      `hashing: ${(p.bytesDone / MIB).toFixed(1)}/${(p.totalBytes / MIB).toFixed(1)} MiB, ` +
      `${p.filesDone}/${p.totalFiles} files, ${(p.bytesDone / MIB / seconds).toFixed(0)} MiB/s`;
    this.stream.write(this.interactive ? `\r${line}\u001b[K` : `${line}\n`);
    this.printed = true;
  }
}
