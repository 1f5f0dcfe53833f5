// --build-workflow-input k=v, as slsa-verifier reads it (verifiers/internal/gha/
// slsaprovenance/common/common.go GetWorkflowInputs + GetAsString): only a workflow_dispatch
// build has inputs, and each named input must be recorded as a string with exactly that value.
import { mismatch } from './policy-error.js';

export function checkWorkflowInputs(
  trigger: string | undefined,
  recorded: Record<string, unknown>,
  wanted: Record<string, string>
): void {
  if (Object.keys(wanted).length === 0) return;
  if (trigger !== 'workflow_dispatch')
    throw mismatch(
      '--build-workflow-input',
      'a build triggered by workflow_dispatch',
      `a build triggered by ${trigger ?? 'an unrecorded event'}`
    );
  for (const [key, value] of Object.entries(wanted)) {
    if (!Object.hasOwn(recorded, key)) {
      throw mismatch(
        `workflow input ${key}`,
        JSON.stringify(value),
        `no such input (recorded: ${Object.keys(recorded).join(', ') || 'none'})`
      );
    }
    const found = recorded[key];
    if (typeof found !== 'string')
      throw mismatch(`workflow input ${key}`, 'a string value', JSON.stringify(found));
    if (found !== value)
      throw mismatch(`workflow input ${key}`, JSON.stringify(value), JSON.stringify(found));
  }
}
