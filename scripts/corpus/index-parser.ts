// Reads the per-file tables of the corpus INDEX.md: one row per file, with the section it
// sits in (slsa-verifier, gh-cli, …), what the file is, its expected verdict and its policy.
export interface IndexRow {
  section: string;
  localFile: string;
  what: string;
  verdict: string;
  policy: string;
}

export function parseIndex(markdown: string): IndexRow[] {
  const rows: IndexRow[] = [];
  let section = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) section = heading[1] as string;
    if (!line.startsWith('|') || line.startsWith('|---') || line.startsWith('| local file'))
      continue;
    const cells = line.split('|').map((cell) => cell.trim());
    // | local | original | commit | what | verdict | policy |  → 8 cells with the empty ends
    if (cells.length < 8) continue;
    const [, localFile, , , what, verdict, policy] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string
    ];
    rows.push({ section, localFile, what, verdict, policy });
  }
  return rows;
}

/** Rows that state a verdict (VALID… or INVALID…). */
export function hasVerdict(row: IndexRow): boolean {
  return /^(VALID|INVALID)/.test(row.verdict);
}
