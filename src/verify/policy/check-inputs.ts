// --build-workflow-input k=v: the recorded workflow_dispatch inputs must contain each key
// with exactly that value (booleans and numbers compared by their text, as users type them).
import { mismatch } from './policy-error.js';

export function checkWorkflowInputs(
  recorded: Record<string, unknown>,
  wanted: Record<string, string>
): void {
  for (const [key, value] of Object.entries(wanted)) {
    if (!Object.hasOwn(recorded, key)) {
      throw mismatch(
        `workflow input ${key}`,
        JSON.stringify(value),
        `no such input (recorded: ${Object.keys(recorded).join(', ') || 'none'})`
      );
    }
    const found = recorded[key];
    const text =
      typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean'
        ? String(found)
        : undefined;
    if (text !== value)
      throw mismatch(`workflow input ${key}`, JSON.stringify(value), JSON.stringify(found));
  }
}
