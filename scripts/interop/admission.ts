// Deploy-time enforcement, evaluated by the real Kyverno CLI and policy-controller tester
// (filled in below).
import type { RunningRegistry } from '../../sandbox/registry.js';
import type { InteropResult } from './report.js';

export async function runAdmissionChecks(_options: {
  out: string;
  registry: RunningRegistry;
  say: (line: string) => void;
}): Promise<InteropResult[]> {
  return [];
}
