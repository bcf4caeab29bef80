/**
 * Flyway-style arguments: `-key=value`, `--key=value`, namespaced `-diff.source=dev`, and `-X` for
 * debug output. Tokens are rewritten to plain `--key=value` and then parsed by yargs in strict mode,
 * so an unknown flag is an error.
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
  X: { type: 'boolean', describe: 'Debug output: print stack traces of errors' },
};

export interface ParsedArgs {
  readonly command: string;
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** Rewrites Flyway-style tokens to `--key=value`, resolving namespaces against the command. */
export function normalizeTokens(tokens: readonly string[], command: string): string[] {
  return tokens.map((token) => {
    const match = /^--?([A-Za-z][\w.-]*)(=.*)?$/s.exec(token);
    if (!match) {
      throw new ParityError('INVALID_ARGUMENT', `unexpected argument "${token}" (parameters look like -name=value)`, { where: `parity ${command}` });
    }
    let key = match[1]!;
    const rest = match[2] ?? '';
    const dot = key.indexOf('.');
    if (dot > 0) {
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
  if (commandName === undefined || commandName === 'help' || commandName === '-h' || commandName === '--help' || commandName === '-?') {
    return { command: 'help', values: {} };
  }
  if (commandName === '--version' || commandName === '-v' || commandName === 'version') return { command: 'version', values: {} };
  const spec = commands.find((c) => c.name === commandName);
  if (!spec) {
    throw new ParityError('INVALID_ARGUMENT', `unknown command "${commandName}" (commands: ${commands.map((c) => c.name).join(', ')})`, { where: 'parity' });
  }
  const tokens = normalizeTokens(argv.slice(1), spec.name);
  const options = { ...GLOBAL_OPTIONS, ...spec.options };
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

export function helpText(commands: readonly CommandSpec[]): string {
  const lines = ['Usage: parity <command> [-name=value ...]', '', 'Commands:'];
  for (const command of commands) lines.push(`  ${command.name.padEnd(12)} ${command.describe}`);
  lines.push('', 'Parameters of each command:');
  for (const command of commands) {
    lines.push(`  ${command.name}:`);
    for (const [name, option] of Object.entries(command.options)) lines.push(`    -${name.padEnd(22)} ${option.describe}`);
  }
  lines.push('', 'Global parameters:');
  for (const [name, option] of Object.entries(GLOBAL_OPTIONS)) lines.push(`    -${name.padEnd(22)} ${option.describe}`);
  return lines.join('\n');
}
