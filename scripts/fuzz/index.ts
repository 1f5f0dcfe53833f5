// Every fuzz target, for scripts/fuzz.ts. Another parser registers by adding a file next to
// this one that exports its targets (see target.ts) and listing them here.
import type { FuzzTarget } from './target.js';
import { subjectTargets } from './subjects.js';

export const fuzzTargets: FuzzTarget[] = [...subjectTargets];
