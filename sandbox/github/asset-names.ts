// The name GitHub stores for an uploaded release asset. GitHub documents only that it "renames
// asset filenames that have special characters, non-alphanumeric characters, and leading or
// trailing periods" (REST description, "Upload a release asset", @octokit/openapi). What it keeps
// and what it writes instead comes from reports of the live service: spaces become periods
// (github-release/github-release#93, tauri-apps/tauri-action#374), so do parentheses
// (softprops/action-gh-release#393), tildes and colons (softprops/action-gh-release#159);
// letters, digits, `-`, `_` and `.` are kept. Leading and trailing periods are dropped.

/** Characters GitHub keeps in an asset name as they are. */
const KEPT = /[A-Za-z0-9._-]/;

export function storedAssetName(requested: string): string {
  const replaced = Array.from(requested, (ch) => (KEPT.test(ch) ? ch : '.')).join('');
  return replaced.replace(/^\.+/, '').replace(/\.+$/, '');
}
