/**
 * `main(argv, env, io)`: one run of the CLI, and the only place that turns errors into output and exit
 * codes: `ERROR: <what> (<where>)` on stderr, or `{"error":{...}}` on stdout with -outputType=json.
 * As a last line of defence every known password is scrubbed from every message, where a password can
 * appear (src/secrets.ts). An error caused by Ctrl-C is not reported: the process is ending
 * (src/interrupt.ts).
 *
 * It has no side effects on the process: it writes only to `io`, reads the environment only from
 * `env` and the working directory only from `io.cwd`, and returns the exit code instead of exiting
 * (the `parity` binary, bin.ts, does that). So tests run it in process, many runs at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type ParityConfig } from '../config/config.js';
import { ParityError } from '../errors.js';
import { interruption, untilExit } from '../interrupt.js';
import { Output, type CliIo } from '../output/streams.js';
import { scrubSecrets } from '../secrets.js';
import { helpText, parseArgs } from './args.js';
import type { CommandContext, CommandSpec } from './command.js';
import { EXIT_CODES } from './exit-codes.js';
import { parityVersion } from './version.js';

/**
 * Commands are imported on demand: loading every command's dependencies (the SQL parser, the
 * embedded server, the migration planner) would tax each run with all of them.
 */
const COMMAND_LOADERS: Readonly<Record<string, () => Promise<CommandSpec>>> = {
  diff: async () => (await import('./diff-command.js')).diffCommand,
  diffText: async () => (await import('./diff-text-command.js')).diffTextCommand,
  snapshot: async () => (await import('./snapshot-command.js')).snapshotCommand,
  model: async () => (await import('./model-command.js')).modelCommand,
  generate: async () => (await import('./generate-command.js')).generateCommand,
  migrate: async () => (await import('./migrate-command.js')).migrateCommand,
  info: async () => (await import('./info-command.js')).infoCommand,
  dataDiff: async () => (await import('./data-diff-command.js')).dataDiffCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
};

/** The named command only, or all of them (for help and for listing them in an error). */
async function loadCommands(name: string | undefined): Promise<CommandSpec[]> {
  if (name === '--version' || name === '-v' || name === 'version') return [];
  const loader = name !== undefined && Object.hasOwn(COMMAND_LOADERS, name) ? COMMAND_LOADERS[name] : undefined;
  return loader ? [await loader()] : Promise.all(Object.values(COMMAND_LOADERS).map((load) => load()));
}

/** Known passwords: from -password, FLYWAY_PASSWORD, the configuration and the environments' URLs. */
function secretsOf(argv: readonly string[], env: NodeJS.ProcessEnv, config: ParityConfig | undefined): string[] {
  const secrets = new Set<string>();
  for (const token of argv) {
    const match = /^--?(?:[\w-]+\.)*password=(.+)$/s.exec(token);
    if (match) secrets.add(match[1]!);
  }
  if (env['FLYWAY_PASSWORD']) secrets.add(env['FLYWAY_PASSWORD']);
  for (const environment of config?.environments.values() ?? []) if (environment.password) secrets.add(environment.password);
  return [...secrets];
}

/** User names that messages show as such (a password equal to one is not masked there: that would tell it). */
function namesOf(argv: readonly string[], env: NodeJS.ProcessEnv, config: ParityConfig | undefined): string[] {
  const names: string[] = [];
  for (const token of argv) {
    const match = /^--?(?:[\w-]+\.)*user=(.+)$/s.exec(token);
    if (match) names.push(match[1]!);
  }
  if (env['FLYWAY_USER']) names.push(env['FLYWAY_USER']);
  for (const environment of config?.environments.values() ?? []) {
    if (environment.user) names.push(environment.user);
    const fromUrl = /\/\/([^:/@?]+)[:@]/.exec(environment.url ?? '')?.[1] ?? /[?&;]user=([^&;]+)/.exec(environment.url ?? '')?.[1];
    if (fromUrl) names.push(fromUrl);
  }
  return names;
}

function wantsJson(argv: readonly string[]): boolean {
  return argv.some((token) => /^--?(?:[\w]+\.)?outputType=json$/i.test(token));
}

/** `-placeholders.name=value` tokens (Flyway's form), taken out before the other parameters are parsed. */
function splitPlaceholders(argv: readonly string[]): { rest: string[]; placeholders: Record<string, string> } {
  const rest: string[] = [];
  const placeholders: Record<string, string> = {};
  for (const token of argv) {
    const match = /^--?(?:flyway\.)?placeholders\.([A-Za-z0-9_.:-]+)=(.*)$/s.exec(token);
    if (match) placeholders[match[1]!] = match[2]!;
    else rest.push(token);
  }
  return { rest, placeholders };
}

/** `-workingDirectory` must be an existing folder: every relative path and the default artifact depend on it. */
function checkWorkingDirectory(directory: string, given: string | undefined): void {
  if (given === undefined) return;
  const stat = fs.statSync(directory, { throwIfNoEntry: false });
  if (stat === undefined) throw new ParityError('FILE_NOT_FOUND', `working directory ${given} not found`, { where: '-workingDirectory' });
  if (!stat.isDirectory()) throw new ParityError('INVALID_ARGUMENT', `working directory ${given} is a file, not a folder`, { where: '-workingDirectory' });
}

/** The temp directory as `os.tmpdir()` finds it on POSIX, but from `env` (TMPDIR, TMP, TEMP, else /tmp). */
export function tempDirectoryOf(env: NodeJS.ProcessEnv): string {
  const named = env['TMPDIR'] || env['TMP'] || env['TEMP'] || '/tmp';
  return named.length > 1 && named.endsWith('/') ? named.slice(0, -1) : named;
}

export async function main(fullArgv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const output = new Output(io, env['NO_COLOR'] === undefined);
  const { rest: argv, placeholders } = splitPlaceholders(fullArgv);
  let config: ParityConfig | undefined;
  const json = wantsJson(argv);
  const debug = argv.includes('-X') || argv.includes('--X');
  try {
    const COMMANDS = await loadCommands(argv[0]);
    const parsed = await parseArgs(argv, COMMANDS);
    if (parsed.command === 'help') {
      output.result(helpText(COMMANDS, parsed.topic));
      return 0;
    }
    if (parsed.command === 'version') {
      output.result(`parity ${parityVersion()}`);
      return 0;
    }
    const spec = COMMANDS.find((c) => c.name === parsed.command)!;
    const values = parsed.values;
    const outputType = values['outputType'] ?? 'table';
    if (outputType !== 'json' && outputType !== 'table') {
      throw new ParityError('INVALID_ARGUMENT', `-outputType must be json or table, not "${String(outputType)}"`, { where: `parity ${spec.name}` });
    }
    const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const progress = outputType === 'json' ? undefined : output.progressReporter();
    const workingDirectory = path.resolve(io.cwd, str('workingDirectory') ?? '.');
    checkWorkingDirectory(workingDirectory, str('workingDirectory'));
    const context: CommandContext = {
      args: values,
      global: { outputType, debug },
      config() {
        if (!config) {
          const configFiles = str('configFiles')?.split(',').map((f) => f.trim()).filter(Boolean);
          const schemas = str('schemas')?.split(',').map((s) => s.trim()).filter(Boolean);
          const locations = str('locations')?.split(',').map((l) => l.trim()).filter(Boolean);
          const overrides = {
            ...(str('url') !== undefined ? { url: str('url')! } : {}),
            ...(str('user') !== undefined ? { user: str('user')! } : {}),
            ...(str('password') !== undefined ? { password: str('password')! } : {}),
            ...(schemas !== undefined ? { schemas } : {}),
            ...(locations !== undefined && locations.length > 0 ? { locations } : {}),
            ...(str('environment') !== undefined ? { environment: str('environment')! } : {}),
            placeholders,
          };
          config = loadConfig({
            workingDirectory,
            ...(configFiles ? { configFiles } : {}),
            env,
            overrides,
          });
        }
        return config;
      },
      workingDirectory: () => workingDirectory,
      tempDirectory: tempDirectoryOf(env),
      output,
      ...(progress ? { onProgress: progress } : {}),
    };
    return await spec.run(context);
  } catch (error) {
    // Interrupted: whatever failed, failed because of Ctrl-C; the cleanups end the process.
    if (interruption() !== undefined) return untilExit();
    const secrets = secretsOf(argv, env, config);
    const names = namesOf(argv, env, config);
    const scrub = (text: string) => scrubSecrets(text, secrets, names);
    const known = error instanceof ParityError ? error : undefined;
    const code = known?.code ?? 'INTERNAL_ERROR';
    const base = known ? known.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    const message = scrub(known?.where ? `${base} (${known.where})` : base);
    if (json) output.result(JSON.stringify({ error: { errorCode: code, message } }, null, 2));
    else output.message(`ERROR: ${message}`);
    if (debug && error instanceof Error && error.stack) output.message(scrub(error.stack));
    else if (!known) output.message('Run again with -X to see the stack trace.');
    return EXIT_CODES[code];
  }
}
