// Preloaded into a benchmarked child (`node --import ./bench/rss-probe.mjs entry.js`): on exit
// it writes the process's peak resident set size (KiB) and its CPU time (µs, user + system)
// to $BENCH_RSS_FILE as JSON. CPU time is the steadier number on a busy machine.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime })
    );
  });
}
