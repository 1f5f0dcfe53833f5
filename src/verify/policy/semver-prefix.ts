// --source-versioned-tag: `v1` accepts any v1.x.y, `v1.2` any v1.2.x, `v1.2.3` exactly that
// release (build metadata ignored). A tag written short (`v14`) counts as v14.0.0.
export interface Version {
  numbers: number[];
  prerelease?: string;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text);
  if (!match) return undefined;
  const numbers = [match[1], match[2], match[3]]
    .filter((part): part is string => part !== undefined)
    .map(Number);
  return match[4] === undefined ? { numbers } : { numbers, prerelease: match[4] };
}

export function versionMatchesPrefix(found: Version, wanted: Version): boolean {
  const full = [0, 1, 2].map((i) => found.numbers[i] ?? 0);
  const prefixMatches = wanted.numbers.every((part, i) => full[i] === part);
  if (!prefixMatches) return false;
  if (wanted.prerelease !== undefined)
    return wanted.numbers.length === 3 && found.prerelease === wanted.prerelease;
  return true;
}
