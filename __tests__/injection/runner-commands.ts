// How the GitHub Actions runner reads a step's output for workflow commands
// (actions/runner src/Runner.Common/ActionCommand.cs, ActionCommandManager.TryProcessCommand):
// the current form `::name props::data` counts only at the start of a line (after leading
// whitespace); the legacy form `##[name props]data` counts ANYWHERE in a line. Both are tried
// for every line. Re-implemented here so tests see the log the way the runner does.

/** Command names the runner registers (every command extension plus stop-commands). */
export const RUNNER_COMMANDS = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
]);

export interface ParsedCommand {
  form: 'current' | 'legacy';
  name: string;
  line: string;
}

function currentForm(line: string): ParsedCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  return RUNNER_COMMANDS.has(name) ? { form: 'current', name, line } : undefined;
}

function legacyForm(line: string): ParsedCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const info = line.slice(start + 3, close);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  return RUNNER_COMMANDS.has(name) ? { form: 'legacy', name, line } : undefined;
}

/** Every line of `log` the runner would execute as a workflow command. */
export function workflowCommands(log: string): ParsedCommand[] {
  const found: ParsedCommand[] = [];
  for (const line of log.split(/\r?\n/)) {
    const command = currentForm(line) ?? legacyForm(line);
    if (command) found.push(command);
  }
  return found;
}
