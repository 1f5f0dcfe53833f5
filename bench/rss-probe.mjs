// Preloaded into a benchmarked child (`node --import ./bench/rss-probe.mjs entry.js`): on exit
// it writes the process's peak resident set size (KiB) to $BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
