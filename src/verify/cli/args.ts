// A small strict argv reader: unknown flags and missing values are user errors, never ignored.
import { ProvenanceError } from '../../errors.js';

export interface FlagSpec {
  /** Flags that take a value; `repeatable` ones collect every occurrence. */
  values: Record<string, { repeatable?: boolean }>;
  /** Flags without a value. */
  booleans: string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string[]>;
  booleans: Set<string>;
}

export function parseArgs(argv: string[], spec: FlagSpec, command: string): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: {}, booleans: new Set() };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.booleans.includes(name)) {
      if (eq !== -1)
        throw new ProvenanceError('INPUT_INVALID', `${command}: --${name} takes no value`);
      parsed.booleans.add(name);
      continue;
    }
    const valueSpec = spec.values[name];
    if (!valueSpec)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `${command}: unknown flag --${name} (see ${command} --help)`
      );
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new ProvenanceError('INPUT_INVALID', `${command}: --${name} needs a value`);
    }
    const list = (parsed.values[name] ??= []);
    if (list.length > 0 && !valueSpec.repeatable) {
      throw new ProvenanceError('INPUT_INVALID', `${command}: --${name} given more than once`);
    }
    list.push(value);
  }
  return parsed;
}

export function single(args: ParsedArgs, name: string): string | undefined {
  return args.values[name]?.[0];
}
