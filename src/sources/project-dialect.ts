/**
 * The dialect of the project's own files (the schema-model folder and the migrations), which do not
 * say what they are written for:
 * 1. the root `databaseType` setting (Flyway Desktop writes it: `PostgreSql`, `MySql`, `MariaDB`),
 *    matched against each dialect's name, display name and URL schemes;
 * 2. else the dialect of the configured environments' URLs, when they all agree;
 * 3. else the first dialect that can start a throwaway server of its own (PostgreSQL, embedded).
 */
import type { ParityConfig } from '../config/config.js';
import { parseDatabaseUrl } from '../config/url.js';
import type { Dialect } from '../dialects/dialect.js';
import { dialectByName, DIALECTS } from '../dialects/registry.js';
import { ParityError } from '../errors.js';

function namesOf(dialect: Dialect): string[] {
  return [dialect.name, dialect.displayName, ...dialect.urlSchemes].map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

function environmentDialects(config: ParityConfig): Set<Dialect> {
  const found = new Set<Dialect>();
  for (const environment of config.environments.values()) {
    if (environment.url === undefined) continue;
    try {
      const { dialect } = parseDatabaseUrl(environment.url, DIALECTS, environment.name);
      found.add(dialectByName(dialect));
    } catch {
      // A broken URL is reported when that environment is used, not here.
    }
  }
  return found;
}

export function projectDialect(config: ParityConfig): Dialect {
  if (config.databaseType !== undefined) {
    const wanted = config.databaseType.value.toLowerCase().replace(/[^a-z0-9]/g, '');
    const dialect = DIALECTS.find((d) => namesOf(d).includes(wanted));
    if (!dialect) {
      const known = DIALECTS.map((d) => d.displayName).join(', ');
      throw new ParityError('CONFIG_ERROR', `unknown databaseType "${config.databaseType.value}" (parity knows: ${known})`, { where: `${config.databaseType.definedIn}: databaseType` });
    }
    return dialect;
  }
  const fromEnvironments = environmentDialects(config);
  if (fromEnvironments.size === 1) return [...fromEnvironments][0]!;
  return DIALECTS.find((d) => d.migrate?.withThrowawayDatabase !== undefined) ?? DIALECTS[0]!;
}
