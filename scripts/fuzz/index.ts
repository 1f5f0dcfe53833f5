// Every fuzz target, for scripts/fuzz.ts. Another parser registers by adding a file next to
// this one that exports its targets (see target.ts) and listing them here.
import { certificateTargets } from './certificates.js';
import { contextTargets } from './context.js';
import { ociTargets } from './oci.js';
import type { FuzzTarget } from './target.js';
import { subjectTargets } from './subjects.js';
import { verifyTargets } from './verify.js';

export const fuzzTargets: FuzzTarget[] = [
  ...subjectTargets,
  ...contextTargets,
  ...verifyTargets,
  ...ociTargets,
  ...certificateTargets
];
