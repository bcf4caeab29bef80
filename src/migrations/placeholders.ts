/**
 * Flyway placeholders: `${name}` in a migration is replaced by the value configured in
 * `[flyway.placeholders]` (or `-placeholders.name=value`), and `${flyway:...}` by the built-in ones
 * (defaultSchema, user, database, timestamp, filename, table, environment). A placeholder without a
 * value is an error naming the file and line, as in Flyway. `placeholderReplacement = false` turns
 * replacement off. Checksums are computed on the text before replacement, as Flyway does.
 */
import { ParityError } from '../errors.js';

export interface PlaceholderContext {
  readonly values: Readonly<Record<string, string>>;
  readonly builtIns: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\$\{([A-Za-z0-9_.:-]+)\}/g;

/** 1-based line of a character offset; a line ends at `\n`, `\r\n` or `\r`, as Flyway reads lines. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

export function replacePlaceholders(text: string, context: PlaceholderContext, shownPath: string): string {
  return text.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    if (name.startsWith('flyway:')) {
      const builtIn = context.builtIns[name.slice('flyway:'.length)];
      if (builtIn !== undefined) return builtIn;
    } else if (Object.hasOwn(context.values, name)) {
      return context.values[name]!;
    }
    throw new ParityError('INVALID_ARGUMENT', `no value provided for placeholder ${match} (set it in [flyway.placeholders] or with -placeholders.${name}=...)`, {
      where: `${shownPath}:${lineOf(text, offset)}`,
    });
  });
}
