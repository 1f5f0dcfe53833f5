// Small statistics and formatting helpers for the benchmark report.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` once to warm up, then `runs` times; returns the measured values. */
export async function repeat<T>(runs: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  await fn(-1);
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

export const ms = (v: number): string =>
  Number.isNaN(v)
    ? '–'
    : v >= 10_000
      ? `${(v / 1000).toFixed(1)} s`
      : `${v.toFixed(v < 10 ? 2 : 0)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

export interface Row {
  scenario: string;
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| scenario | measure | median | target | met |',
    '| --- | --- | --- | --- | --- |'
  ];
  for (const r of rows) {
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    lines.push(`| ${r.scenario} | ${r.measure} | ${r.value} | ${r.target ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}
