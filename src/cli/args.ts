/**
 * Flyway-style arguments: `-key=value`, `--key=value`, namespaced `-diff.source=dev`, and `-X` for
 * debug output. Tokens are rewritten to plain `--key=value` and then parsed by yargs in strict mode,
 * so an unknown flag is an error. Booleans are `true` or `false` (or the bare flag for true); any
 * other value is an error, never read as false. `parity CMD --help` (`-h`, `parity help CMD`) asks
 * for one command's help.
 */
import yargs from 'yargs';
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
 * A boolean's `--name=value` as `--name=true` or `--name=false` (any case); other values are an error
 * naming the parameter (`-failOnDifferences=1` must not quietly mean false).
 */
function booleanToken(token: string, options: Readonly<Record<string, OptionSpec>>, command: string): string {
  const match = /^--([^=]+)=(.*)$/s.exec(token);
  if (!match || options[match[1]!]?.type !== 'boolean') return token;
  const value = match[2]!.trim().toLowerCase();
  if (value === 'true' || value === 'false') return `--${match[1]}=${value}`;
  throw new ParityError('INVALID_ARGUMENT', `-${match[1]} must be true or false, not "${match[2]}"`, { where: `parity ${command}` });
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
  const tokens = normalizeTokens(argv.slice(1), spec.name, spec.options).map((token) => booleanToken(token, options, spec.name));
  let parser = yargs(tokens)
    .parserConfiguration({
      'dot-notation': false,
      'camel-case-expansion': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'boolean-negation': false,
      'duplicate-arguments-array': false,
    })
    .help(false)
    .version(false)
    .strict()
    .exitProcess(false)
    .fail((message: string, error: Error | undefined) => {
      const text = (error?.message ?? message).replace(/^Unknown arguments?: /, 'unknown parameter ');
      throw new ParityError('INVALID_ARGUMENT', text.replace(/\n/g, ' '), { where: `parity ${spec.name}` });
    });
  for (const [name, option] of Object.entries(options)) {
    parser = parser.option(name, { type: option.type, describe: option.describe });
  }
  const parsed = (await parser.parseAsync()) as Record<string, unknown>;
  const positional = (parsed['_'] as unknown[] | undefined) ?? [];
  if (positional.length > 0) {
    throw new ParityError('INVALID_ARGUMENT', `unexpected argument "${String(positional[0])}"`, { where: `parity ${spec.name}` });
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const name of Object.keys(options)) {
    const value = parsed[name];
    if (typeof value === 'string' || typeof value === 'boolean') values[name] = value;
  }
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
