// The releases of our own builder: tag → commit, recorded at release time by
// `tsx src/verify/policy/record-release.ts vX.Y.Z <commit>` (release.yml runs it before it
// builds the verifier). Why: GitHub resolves `owner/repo@<sha>` also to a commit that exists
// only in a fork ("imposter commit"), so a certificate naming our workflow at some SHA does
// not prove the code was ours. A commit listed here is one we released.
export interface BuilderRelease {
  /** refs/tags/vX.Y.Z */
  tag: string;
  /** The 40-hex commit the tag pointed at when it was released. */
  commit: string;
}

// BEGIN RELEASES (generated; one entry per line)
export const BUILDER_RELEASES: readonly BuilderRelease[] = [];
// END RELEASES
