// --source-versioned-tag, as slsa-verifier reads it (verifiers/utils/source_tag.go
// VerifyVersionedTag, with golang.org/x/mod/semver): both the wanted version and the built tag
// must be semantic versions with the `v` prefix (`v1`, `v1.2`, `v1.2.3`, `v1.2.3-rc.1`; the
// short forms only without pre-release or build); the tag is canonicalised (`v14` →
// `v14.0.0`, build metadata dropped). The wanted major must equal the tag's; a wanted minor
// and patch likewise. A wanted patch compares the pre-release too, so `v1.2.3` does not accept
// `v1.2.3-rc.1`, while `v1` and `v1.2` accept any v1.x.y / v1.2.y, pre-releases included.
// Deliberately stricter: a wanted `v1.2.3-rc.1` matches only `-rc.1` (slsa-verifier's
// dot-split would also accept `-rc.2`).
export interface Version {
  /** Numbers as written: 1 to 3 of them. */
  numbers: number[];
  prerelease?: string;
}

const NUMBER = '(0|[1-9]\\d*)';
const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const FULL = new RegExp(
  `^v${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?$`
);
const SHORT = new RegExp(`^v${NUMBER}(?:\\.${NUMBER})?$`);

/** Go's semver.IsValid, parsed; undefined when not a semantic version. */
export function parseVersion(text: string): Version | undefined {
  const full = FULL.exec(text);
  if (full) {
    const numbers = [full[1], full[2], full[3]].map(Number);
    return full[4] === undefined ? { numbers } : { numbers, prerelease: full[4] };
  }
  const short = SHORT.exec(text);
  if (!short) return undefined;
  return { numbers: [short[1], short[2]].filter((n) => n !== undefined).map(Number) };
}

export function versionMatchesPrefix(found: Version, wanted: Version): boolean {
  const canonical = [0, 1, 2].map((i) => found.numbers[i] ?? 0);
  if (!wanted.numbers.every((part, i) => canonical[i] === part)) return false;
  if (wanted.numbers.length < 3) return true;
  return found.prerelease === wanted.prerelease;
}
