/**
 * Flyway-style arguments: `-key=value`, `--key=value`, namespaced `-diff.source=dev`, and `-X` for
 * debug output. Tokens are rewritten to plain `--key=value` and then parsed by Node's own
 * `util.parseArgs` in strict mode, so an unknown flag is an error (yargs did this before; loading it
 * cost 90 ms of every run). Booleans are `true` or `false` (or the bare flag for true); any
 * other value is an error, never read as false. `parity CMD --help` (`-h`, `parity help CMD`) asks
 * for one command's help.
 */
import { parseArgs as parseTokens } from 'node:util';
import { ParityError } from '../errors.js';
import type { CommandSpec, OptionSpec } from './command.js';

export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  configFiles: { type: 'string', describe: 'Comma-separated configuration files (default: flyway.toml in the working directory)' },
  workingDirectory: { type: 'string', describe: 'Directory that relative paths are resolved against' },
  environment: { type: 'string', describe: 'Environment used when a command names none' },
  outputType: { type: 'string', describe: 'Output format: table (default) or json' },
  url: { type: 'string', describe: 'Database URL of the selected (or default) environment' },
  user: { type: 'string', describe: 'User of the selected (or default) environment' },
  password: { type: 'string', describe: 'Password of the selected (or default) environment' },
  schemas: { type: 'string', describe: 'Comma-separated schemas of the selected (or default) environment' },
  locations: { type: 'string', describe: 'Comma-separated migration locations, instead of [flyway] locations (filesystem:migrations)' },
  X: { type: 'boolean', describe: 'Debug output: print stack traces of errors' },
};

export interface ParsedArgs {
  readonly command: string;
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** With command `help`: the command whose help is asked for (`parity diff --help`, `parity help diff`). */
  readonly topic?: string;
}

const HELP_WORDS = new Set(['help', '-h', '--help', '-?', '--?']);

/**
 * A boolean's value: true for the bare flag, else `true` or `false` (any case); any other value is an
 * error naming the parameter (`-failOnDifferences=1` must not quietly mean false).
 */
function booleanValue(name: string, text: string | undefined, command: string): boolean {
  if (text === undefined) return true;
  const value = text.trim().toLowerCase();
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ParityError('INVALID_ARGUMENT', `-${name} must be true or false, not "${text}"`, { where: `parity ${command}` });
}

/**
 * Rewrites Flyway-style tokens to `--key=value`, resolving namespaces against the command; a dotted
 * name that is itself one of the command's `options` (check's `-code.failOnError`) stays whole.
 */
export function normalizeTokens(tokens: readonly string[], command: string, options: Readonly<Record<string, OptionSpec>> = {}): string[] {
  return tokens.map((token, index) => {
    const match = /^--?([A-Za-z][\w.-]*)(=.*)?$/s.exec(token);
    if (!match) {
      // A value written after a space (`-password secret`) is not repeated: it may be a password.
      const previous = tokens[index - 1];
      if (previous !== undefined && /^--?[A-Za-z][\w.-]*$/.test(previous)) {
        throw new ParityError('INVALID_ARGUMENT', `unexpected argument after ${previous} (parameters look like -name=value, without spaces)`, { where: `parity ${command}` });
      }
      throw new ParityError('INVALID_ARGUMENT', `unexpected argument "${token}" (parameters look like -name=value)`, { where: `parity ${command}` });
    }
    let key = match[1]!;
    const rest = match[2] ?? '';
    const dot = key.indexOf('.');
    if (dot > 0 && !Object.hasOwn(options, key)) {
      const namespace = key.slice(0, dot);
      if (namespace === command || namespace === 'flyway') key = key.slice(dot + 1);
      else {
        throw new ParityError('INVALID_ARGUMENT', `parameter -${key} does not apply to the ${command} command`, { where: `parity ${command}` });
      }
    }
    return `--${key}${rest}`;
  });
}

/** parseArgs' complaint about a token, in parity's words (an unknown parameter, a parameter without its value). */
function tokenError(error: unknown, tokens: readonly string[]): string {
  const code = (error as { code?: unknown }).code;
  const option = /'--([^' ]+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (option !== undefined && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown parameter ${option}`;
  if (option !== undefined && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `-${option} needs a value (-${option}=...)`;
  return `cannot read the parameters ${tokens.map((t) => t.replace(/=.*$/s, '=...')).join(' ')}`;
}

export async function parseArgs(argv: readonly string[], commands: readonly CommandSpec[]): Promise<ParsedArgs> {
  const commandName = argv[0];
  if (commandName === undefined || HELP_WORDS.has(commandName)) {
    const topic = argv[1];
    if (topic !== undefined && !commands.some((c) => c.name === topic)) {
      throw new ParityError('INVALID_ARGUMENT', `unknown command "${topic}" (commands: ${commands.map((c) => c.name).join(', ')})`, { where: 'parity help' });
    }
    return { command: 'help', values: {}, ...(topic !== undefined ? { topic } : {}) };
  }
  if (commandName === '--version' || commandName === '-v' || commandName === 'version') return { command: 'version', values: {} };
  const spec = commands.find((c) => c.name === commandName);
  if (!spec) {
    throw new ParityError('INVALID_ARGUMENT', `unknown command "${commandName}" (commands: ${commands.map((c) => c.name).join(', ')})`, { where: 'parity' });
  }
  if (argv.slice(1).some((token) => HELP_WORDS.has(token) && token !== 'help')) return { command: 'help', values: {}, topic: spec.name };
  const options = { ...GLOBAL_OPTIONS, ...spec.options };
  // Booleans are read here (`--name`, `--name=true|false`: the last one given counts); the rest by parseArgs.
  const values: Record<string, string | boolean | undefined> = {};
  const rest: string[] = [];
  for (const token of normalizeTokens(argv.slice(1), spec.name, spec.options)) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(token);
    if (match && options[match[1]!]?.type === 'boolean') values[match[1]!] = booleanValue(match[1]!, match[2], spec.name);
    else rest.push(token);
  }
  const strings = Object.fromEntries(Object.entries(options).filter(([, option]) => option.type === 'string').map(([name]) => [name, { type: 'string' as const }]));
  let parsed: ReturnType<typeof parseTokens<{ args: string[]; options: typeof strings; strict: true; allowPositionals: false }>>;
  try {
    parsed = parseTokens({ args: rest, options: strings, strict: true, allowPositionals: false });
  } catch (error) {
    throw new ParityError('INVALID_ARGUMENT', tokenError(error, rest), { where: `parity ${spec.name}` });
  }
  for (const [name, value] of Object.entries(parsed.values)) if (typeof value === 'string') values[name] = value;
  return { command: spec.name, values };
}

function parameterLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  return Object.entries(options).map(([name, option]) => `  -${`${name}${option.type === 'boolean' ? '[=true|false]' : '='}`.padEnd(28)} ${option.describe}`);
}

/** Every command in a line, or, with `topic`, that command's parameters and examples. */
export function helpText(commands: readonly CommandSpec[], topic?: string): string {
  const command = topic === undefined ? undefined : commands.find((c) => c.name === topic);
  if (command !== undefined) {
    return [
      `Usage: parity ${command.name} [-name=value ...]`,
      '',
      command.describe,
      '',
      'Parameters:',
      ...(Object.keys(command.options).length > 0 ? parameterLines(command.options) : ['  (none of its own: only the parameters of every command)']),
      '',
      'Parameters of every command:',
      ...parameterLines(GLOBAL_OPTIONS),
      '',
      'Examples:',
      ...command.examples.map((example) => `  ${example}`),
    ].join('\n');
  }
  const lines = ['Usage: parity <command> [-name=value ...]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(12)} ${c.describe}`);
  lines.push('', 'Parameters of every command:', ...parameterLines(GLOBAL_OPTIONS));
  lines.push('', 'Booleans are -name=true or -name=false (-name alone is true).');
  lines.push("Run 'parity <command> --help' (or 'parity help <command>') for a command's parameters and examples.");
  return lines.join('\n');
}
