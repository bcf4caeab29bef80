import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig, type ParityConfig } from '../../src/config/config.ts';
import { flywayChecksum } from '../../src/migrations/checksum.ts';
import { parseMigrationName, readMigrations, type MigrationSet } from '../../src/migrations/migration-files.ts';
import { replacePlaceholders, type PlaceholderContext } from '../../src/migrations/placeholders.ts';
import { catchParityError } from '../support/parity-error.ts';

const DEFAULT_TOML = '[flyway]\nlocations = ["filesystem:migrations"]\n';
const folders: string[] = [];

/** A temp project: flyway.toml plus the given files (paths relative to the project, `/`-separated). */
function projectDir(files: Readonly<Record<string, string>>, toml = DEFAULT_TOML): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-migration-files-'));
  folders.push(dir);
  fs.writeFileSync(path.join(dir, 'flyway.toml'), toml);
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, ...file.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

function project(files: Readonly<Record<string, string>>, toml = DEFAULT_TOML): { dir: string; config: ParityConfig } {
  const dir = projectDir(files, toml);
  return { dir, config: loadConfig({ workingDirectory: dir, env: {} }) };
}

/** The migrations read, and the warnings readMigrations gave (one per skipped file). */
function read(files: Readonly<Record<string, string>>, toml?: string): MigrationSet & { warnings: string[] } {
  const warnings: string[] = [];
  return { ...readMigrations(project(files, toml).config, (message) => warnings.push(message)), warnings };
}


test.after(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

// --- parseMigrationName --------------------------------------------------------------------------

test('parseMigrationName: V name with _ in the version is stored as 1.1, description with spaces', () => {
  assert.equal(parseMigrationName('V1_1__add_table.sql'), { category: 'Versioned', version: [1n, 1n], versionText: '1.1', description: 'add table' });
});

test('parseMigrationName: U and R names', () => {
  assert.equal(parseMigrationName('U2__drop_orders.sql'), { category: 'Undo', version: [2n], versionText: '2', description: 'drop orders' });
  const repeatable = parseMigrationName('R__refresh_views.sql');
  assert.equal(repeatable, { category: 'Repeatable', description: 'refresh views' });
  assert.not.ok(typeof repeatable !== 'string' && 'version' in repeatable, 'a repeatable has no version');
});

test('parseMigrationName: leading zeros are kept in the version text', () => {
  const parsed = parseMigrationName('V001__x.sql');
  if (typeof parsed === 'string') throw new Error(parsed);
  assert.is(parsed.versionText, '001');
  assert.equal(parsed.version, [1n]);
  const dotted = parseMigrationName('V2.0_3__y.sql');
  if (typeof dotted === 'string') throw new Error(dotted);
  assert.is(dotted.versionText, '2.0.3');
});

test('parseMigrationName: malformed names are explained, not parsed', () => {
  for (const name of ['V1_init.sql', 'V__x.sql', 'Vx__y.sql', 'R_x.sql', 'notes.sql', 'V1.__x.sql', 'V1__.sql', 'X1__y.sql']) {
    const parsed = parseMigrationName(name);
    assert.type(parsed, 'string', name);
  }
});

// --- readMigrations ------------------------------------------------------------------------------

test('readMigrations: reads V, U and R files with text, checksum, script and shown path', () => {
  const set = read({
    'migrations/V1__init.sql': 'CREATE TABLE a (id int);\n',
    'migrations/U1__init.sql': 'DROP TABLE a;\n',
    'migrations/R__views.sql': 'CREATE OR REPLACE VIEW v AS SELECT 1;\r\n',
  });
  assert.is(set.versioned.length, 1);
  assert.is(set.undo.length, 1);
  assert.is(set.repeatable.length, 1);
  const v1 = set.versioned[0]!;
  assert.is(v1.category, 'Versioned');
  assert.is(v1.versionText, '1');
  assert.is(v1.description, 'init');
  assert.is(v1.script, 'V1__init.sql');
  assert.is(v1.shownPath, 'migrations/V1__init.sql');
  assert.is(v1.text, 'CREATE TABLE a (id int);\n');
  assert.is(v1.checksum, flywayChecksum('CREATE TABLE a (id int);\n'));
  assert.is(set.undo[0]!.category, 'Undo');
  assert.is(set.undo[0]!.text, 'DROP TABLE a;\n');
  const r = set.repeatable[0]!;
  assert.is(r.category, 'Repeatable');
  assert.is(r.version, undefined);
  assert.is(r.versionText, undefined);
  assert.is(r.description, 'views');
  assert.is(r.text, 'CREATE OR REPLACE VIEW v AS SELECT 1;\r\n', 'text is read as is');
  assert.equal(set.warnings, []);
});

test('readMigrations: V1_1__add_table.sql has versionText 1.1 and description "add table"', () => {
  const set = read({ 'migrations/V1_1__add_table.sql': 'SELECT 1;' });
  assert.is(set.versioned[0]!.versionText, '1.1');
  assert.is(set.versioned[0]!.description, 'add table');
  assert.is(set.versioned[0]!.script, 'V1_1__add_table.sql', 'script keeps the file name as written');
});

test('readMigrations: versions are ordered as numbers (1.9 < 1.10 < 2), whatever the file order', () => {
  const set = read({
    'migrations/V2__c.sql': '',
    'migrations/V1.10__b.sql': '',
    'migrations/V1.9__a.sql': '',
    'migrations/V10__e.sql': '',
    'migrations/V1_9_1__a2.sql': '',
  });
  assert.equal(
    set.versioned.map((m) => m.versionText),
    ['1.9', '1.9.1', '1.10', '2', '10'],
  );
});

test('readMigrations: 1.1 and 1.1.0 are the same version (a duplicate)', () => {
  const error = catchParityError(() => read({ 'migrations/V1.1__a.sql': '', 'migrations/V1.1.0__b.sql': '' }));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.match(error.message, 'migrations/V1.1__a.sql');
  assert.match(error.message, 'migrations/V1.1.0__b.sql');
});

test('readMigrations: subfolders are read; script is relative to the location, with /', () => {
  const set = read({
    'migrations/V1__a.sql': '',
    'migrations/release2/V2__b.sql': '',
    'migrations/release2/deep/er/R__c.sql': '',
  });
  assert.equal(
    set.versioned.map((m) => m.script),
    ['V1__a.sql', 'release2/V2__b.sql'],
  );
  assert.is(set.versioned[1]!.shownPath, 'migrations/release2/V2__b.sql');
  assert.is(set.repeatable[0]!.script, 'release2/deep/er/R__c.sql');
});

test('readMigrations: several locations, with and without the filesystem: prefix', () => {
  const set = read(
    {
      'a/V1__one.sql': 'SELECT 1;',
      'b/V2__two.sql': 'SELECT 2;',
      'b/sub/R__three.sql': 'SELECT 3;',
    },
    '[flyway]\nlocations = ["filesystem:a", "b"]\n',
  );
  assert.equal(
    set.versioned.map((m) => [m.versionText, m.script, m.shownPath]),
    [
      ['1', 'V1__one.sql', 'a/V1__one.sql'],
      ['2', 'V2__two.sql', 'b/V2__two.sql'],
    ],
  );
  assert.equal(set.repeatable.map((m) => [m.script, m.shownPath]), [['sub/R__three.sql', 'b/sub/R__three.sql']]);
});

test('readMigrations: repeatables are sorted by description, not by path', () => {
  const set = read({
    'migrations/a/R__zeta.sql': '',
    'migrations/z/R__alpha.sql': '',
    'migrations/R__Mid_part.sql': '',
    'migrations/R__beta.sql': '',
  });
  assert.equal(
    set.repeatable.map((m) => m.description),
    ['Mid part', 'alpha', 'beta', 'zeta'],
  );
});

test('readMigrations: non-.sql files are ignored', () => {
  const set = read({
    'migrations/V1__a.sql': '',
    'migrations/README.md': '# notes',
    'migrations/V2__b.txt': '',
    'migrations/V3__c.sql.bak': '',
    'migrations/notes': '',
  });
  assert.equal(
    set.versioned.map((m) => m.versionText),
    ['1'],
  );
  assert.equal(set.warnings, []);
});

test('readMigrations: a malformed .sql name is an INVALID_ARGUMENT naming the file', () => {
  for (const name of ['V1_init.sql', 'V__x.sql', 'Vx__y.sql', 'R_x.sql', 'notes.sql']) {
    const error = catchParityError(() => read({ 'migrations/V1__ok.sql': '', [`migrations/${name}`]: '' }));
    assert.is(error.code, 'INVALID_ARGUMENT', name);
    assert.is(error.where, `migrations/${name}`, name);
  }
});

test('readMigrations: a malformed name in a subfolder names the file with its folder', () => {
  const error = catchParityError(() => read({ 'migrations/sub/V1_init.sql': '' }));
  assert.is(error.where, 'migrations/sub/V1_init.sql');
});

test('readMigrations: validateMigrationNaming = false skips bad names with a warning naming each', () => {
  const set = read(
    { 'migrations/V1__ok.sql': '', 'migrations/notes.sql': '', 'migrations/sub/V1_init.sql': '' },
    '[flyway]\nlocations = ["filesystem:migrations"]\nvalidateMigrationNaming = false\n',
  );
  assert.equal(
    set.versioned.map((m) => m.versionText),
    ['1'],
  );
  assert.equal([...set.warnings].sort(), [
    'skipping migrations/notes.sql: not a migration file name (validateMigrationNaming = false)',
    'skipping migrations/sub/V1_init.sql: not a migration file name (validateMigrationNaming = false)',
  ]);
});

test('readMigrations: V1.1 and V1_1 are duplicate versions; the error names both files', () => {
  const error = catchParityError(() => read({ 'migrations/V1.1__a.sql': '', 'migrations/V1_1__b.sql': '' }));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.match(error.message, '1.1');
  assert.match(error.message, 'migrations/V1.1__a.sql');
  assert.match(error.message, 'migrations/V1_1__b.sql');
  assert.ok(error.where === 'migrations/V1.1__a.sql' || error.where === 'migrations/V1_1__b.sql', `where: ${error.where}`);
});

test('readMigrations: duplicate versions in different locations are an error too', () => {
  const error = catchParityError(() => read({ 'a/V3__x.sql': '', 'b/deep/V003__y.sql': '' }, '[flyway]\nlocations = ["a", "b"]\n'));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.match(error.message, 'a/V3__x.sql');
  assert.match(error.message, 'b/deep/V003__y.sql');
});

test('readMigrations: duplicate undo versions are an error', () => {
  const error = catchParityError(() => read({ 'migrations/U2__a.sql': '', 'migrations/U2.0__b.sql': '' }));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.match(error.message, 'migrations/U2__a.sql');
  assert.match(error.message, 'migrations/U2.0__b.sql');
});

test('readMigrations: a V and a U file with the same version are not duplicates', () => {
  const set = read({ 'migrations/V2__a.sql': '', 'migrations/U2__a.sql': '' });
  assert.is(set.versioned.length, 1);
  assert.is(set.undo.length, 1);
});

test('readMigrations: two repeatables with the same description are an error naming both', () => {
  const error = catchParityError(() => read({ 'migrations/R__views.sql': '', 'migrations/sub/R__views.sql': '' }));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.match(error.message, 'views');
  assert.match(error.message, 'migrations/R__views.sql');
  assert.match(error.message, 'migrations/sub/R__views.sql');
});

test('readMigrations: a missing location folder is FILE_NOT_FOUND', () => {
  const error = catchParityError(() => read({ 'migrations/V1__a.sql': '' }, '[flyway]\nlocations = ["filesystem:migrations", "filesystem:nope"]\n'));
  assert.is(error.code, 'FILE_NOT_FOUND');
  assert.match(error.message, 'nope');
  assert.is(error.where, 'flyway.locations');
});

test('readMigrations: a location that is a file, not a folder, is FILE_NOT_FOUND', () => {
  const error = catchParityError(() => read({ 'migrations.sql': '' }, '[flyway]\nlocations = ["migrations.sql"]\n'));
  assert.is(error.code, 'FILE_NOT_FOUND');
});

test('readMigrations: a classpath: location is a CONFIG_ERROR', () => {
  const error = catchParityError(() => read({ 'db/V1__a.sql': '' }, '[flyway]\nlocations = ["classpath:db"]\n'));
  assert.is(error.code, 'CONFIG_ERROR');
  assert.match(error.message, 'classpath:db');
  assert.is(error.where, 'flyway.locations');
});

// --- placeholders --------------------------------------------------------------------------------

const CONTEXT: PlaceholderContext = {
  values: { owner: 'app_owner', 'tbl.name': 'orders', weird: 'a$&b$1' },
  builtIns: {
    defaultSchema: 'sales',
    user: 'deployer',
    database: 'shop',
    timestamp: '2024-06-11 10:00:00',
    filename: 'V1__x.sql',
    table: 'flyway_schema_history',
    environment: 'dev',
  },
};

test('replacePlaceholders: configured values are replaced, every occurrence', () => {
  const out = replacePlaceholders('GRANT SELECT ON ${tbl.name} TO ${owner};\nALTER TABLE ${tbl.name} OWNER TO ${owner};', CONTEXT, 'migrations/V1__x.sql');
  assert.is(out, 'GRANT SELECT ON orders TO app_owner;\nALTER TABLE orders OWNER TO app_owner;');
});

test('replacePlaceholders: a value is inserted literally ($& and $1 are not patterns)', () => {
  assert.is(replacePlaceholders("SELECT '${weird}';", CONTEXT, 'V1__x.sql'), "SELECT 'a$&b$1';");
});

test('replacePlaceholders: ${flyway:...} built-ins', () => {
  const out = replacePlaceholders(
    '${flyway:defaultSchema}|${flyway:user}|${flyway:database}|${flyway:timestamp}|${flyway:filename}|${flyway:table}|${flyway:environment}',
    CONTEXT,
    'migrations/V1__x.sql',
  );
  assert.is(out, 'sales|deployer|shop|2024-06-11 10:00:00|V1__x.sql|flyway_schema_history|dev');
});

test('replacePlaceholders: text without placeholders is unchanged ($x, ${}, $ {a})', () => {
  const text = "SELECT $1, '$x', '${}', '$ {owner}', $$body$$;";
  assert.is(replacePlaceholders(text, CONTEXT, 'V1__x.sql'), text);
});

test('replacePlaceholders: an unknown placeholder is INVALID_ARGUMENT at path:line', () => {
  const error = catchParityError(() => replacePlaceholders('SELECT 1;\nSELECT ${owner};\nSELECT ${missing};\n', CONTEXT, 'migrations/V1__x.sql'));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.is(error.where, 'migrations/V1__x.sql:3');
  assert.match(error.message, '${missing}');
});

test('replacePlaceholders: the line is right with CRLF line breaks', () => {
  const error = catchParityError(() => replacePlaceholders('SELECT 1;\r\n\r\nSELECT ${missing};\r\n', CONTEXT, 'V1__x.sql'));
  assert.is(error.where, 'V1__x.sql:3');
});

test('replacePlaceholders: an unknown ${flyway:...} built-in is an error, not a configured value', () => {
  const unknownBuiltIn = catchParityError(() => replacePlaceholders('SELECT ${flyway:nope};', CONTEXT, 'V1__x.sql'));
  assert.is(unknownBuiltIn.code, 'INVALID_ARGUMENT');
  assert.is(unknownBuiltIn.where, 'V1__x.sql:1');
  const shadow: PlaceholderContext = { values: { 'flyway:user': 'mallory' }, builtIns: {} };
  assert.is(catchParityError(() => replacePlaceholders('${flyway:user}', shadow, 'V1__x.sql')).code, 'INVALID_ARGUMENT');
});

test('replacePlaceholders: Object prototype names are not values (${toString}, ${constructor})', () => {
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    const error = catchParityError(() => replacePlaceholders(`SELECT \${${name}};`, CONTEXT, 'V1__x.sql'));
    assert.is(error.code, 'INVALID_ARGUMENT', name);
  }
});

// --- placeholder and migration settings in loadConfig --------------------------------------------

test('loadConfig: [flyway.placeholders] strings, numbers and booleans become strings', () => {
  const { config } = project(
    {},
    '[flyway]\nlocations = ["filesystem:migrations"]\n\n[flyway.placeholders]\nowner = "app"\ncount = 5\nratio = 1.5\nenabled = true\noff = false\n',
  );
  assert.equal(config.migrations.placeholders, { owner: 'app', count: '5', ratio: '1.5', enabled: 'true', off: 'false' });
});

test('loadConfig: overrides.placeholders are added and win over [flyway.placeholders]', () => {
  const dir = projectDir({}, '[flyway.placeholders]\nowner = "app"\nregion = "eu"\n');
  const config = loadConfig({ workingDirectory: dir, env: {}, overrides: { placeholders: { owner: 'cli_owner', extra: 'x' } } });
  assert.equal(config.migrations.placeholders, { owner: 'cli_owner', region: 'eu', extra: 'x' });
});

test('loadConfig: migration settings default as Flyway does', () => {
  const { config } = project({}, '');
  assert.equal(config.migrations.placeholders, {});
  assert.is(config.migrations.outOfOrder, false);
  assert.is(config.migrations.validateMigrationNaming, true);
  assert.is(config.migrations.placeholderReplacement, true);
  assert.is(config.migrations.table, 'flyway_schema_history');
});

test('loadConfig: outOfOrder = true is read; outOfOrder = "maybe" is a CONFIG_ERROR', () => {
  assert.is(project({}, '[flyway]\noutOfOrder = true\n').config.migrations.outOfOrder, true);
  const dir = projectDir({}, '[flyway]\noutOfOrder = "maybe"\n');
  const error = catchParityError(() => loadConfig({ workingDirectory: dir, env: {} }));
  assert.is(error.code, 'CONFIG_ERROR');
  assert.match(error.message, 'outOfOrder');
});

test.run();
