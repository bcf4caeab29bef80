/**
 * Recreating a type that PostgreSQL cannot alter in place (an enum losing or reordering values, a
 * domain changing its base type): the old type is renamed out of the way, the new one created, every
 * table column of the old type (or its array type) converted, and the old type dropped.
 *
 * The columns are found when the migration runs, by a DO block reading the catalog: the artifact only
 * holds the tables that changed, and an unchanged table that uses the type must be converted too.
 * Indexes and check constraints whose expressions name the old type (`status = 'new'::mood`) would
 * not survive the conversion; they are dropped first and created again naming the new type, and
 * column defaults are kept the same way. A default that is not valid for the new type (it used a
 * removed value) is left out: the table's own change in the script sets the new one.
 * Conventions: see postgres-migration-common.ts.
 */
import type { Phase } from '../../generate/change-order.js';
import type { MigrationStep } from '../../generate/migration-hooks.js';
import { step } from './postgres-migration-common.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './postgres-quoting.js';

/** A name for the old type while the new one is created: `parity_old_<name>`, within 63 bytes. */
function oldTypeName(name: string): string {
  let candidate = `parity_old_${name}`;
  while (Buffer.byteLength(candidate, 'utf8') > 63) candidate = candidate.slice(0, -1);
  return candidate;
}

export interface RecreatedType {
  readonly keyword: 'TYPE' | 'DOMAIN';
  readonly schema: string;
  readonly name: string;
  /** The CREATE statement of the new type. */
  readonly create: string;
  /** Put between the column and the cast to the new type: `::text` for enums, `` for domains. */
  readonly via: string;
  readonly destructive?: string;
}

export function recreateTypeSteps(phase: Phase, type: RecreatedType): MigrationStep[] {
  const oldName = oldTypeName(type.name);
  const oldType = qualifiedName(type.schema, oldName);
  const newType = qualifiedName(type.schema, type.name);
  // Inside format() templates a `%` in a name must be doubled.
  const inTemplate = (sql: string) => sql.replaceAll('%', '%%');
  const convert = (suffix: string, via: string) =>
    quoteLiteral(`ALTER TABLE %s ALTER COLUMN %I TYPE ${inTemplate(newType)}${suffix} USING %I${via}::${inTemplate(newType)}${suffix}`);
  const block = [
    'DO $parity$',
    'DECLARE',
    `    old_type text := ${quoteLiteral(oldType)}::pg_catalog.regtype::text;`,
    `    new_type text := ${quoteLiteral(newType)}::pg_catalog.regtype::text;`,
    '    item record;',
    "    rebuild text[] := '{}';",
    '    statement text;',
    'BEGIN',
    '    FOR item IN',
    "        SELECT pg_catalog.format('DROP INDEX %s', i.indexrelid::pg_catalog.regclass) AS drop_sql,",
    '               pg_catalog.pg_get_indexdef(i.indexrelid) AS create_sql',
    '        FROM pg_catalog.pg_index i',
    '        WHERE pg_catalog.strpos(pg_catalog.pg_get_indexdef(i.indexrelid), old_type) > 0',
    '          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid)',
    '          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)',
    '        UNION ALL',
    "        SELECT pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::pg_catalog.regclass, k.conname),",
    "               pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::pg_catalog.regclass, k.conname, pg_catalog.pg_get_constraintdef(k.oid))",
    '        FROM pg_catalog.pg_constraint k',
    "        WHERE k.contype = 'c' AND k.conrelid <> 0 AND k.coninhcount = 0",
    '          AND pg_catalog.strpos(pg_catalog.pg_get_constraintdef(k.oid), old_type) > 0',
    '    LOOP',
    '        EXECUTE item.drop_sql;',
    '        rebuild := rebuild || pg_catalog.replace(item.create_sql, old_type, new_type);',
    '    END LOOP;',
    '    FOR item IN',
    `        SELECT a.attrelid::pg_catalog.regclass AS rel, a.attname AS name, a.atttypid <> ${quoteLiteral(oldType)}::pg_catalog.regtype AS is_array,`,
    '               pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS def',
    '        FROM pg_catalog.pg_attribute a',
    '        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid',
    '        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum',
    `        WHERE a.atttypid IN (${quoteLiteral(oldType)}::pg_catalog.regtype, ${quoteLiteral(`${oldType}[]`)}::pg_catalog.regtype)`,
    "          AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0 AND c.relkind IN ('r', 'p')",
    '    LOOP',
    '        IF item.def IS NOT NULL THEN',
    "            EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', item.rel, item.name);",
    '        END IF;',
    '        IF item.is_array THEN',
    `            EXECUTE pg_catalog.format(${convert('[]', type.via ? `${type.via}[]` : '')}, item.rel, item.name, item.name);`,
    '        ELSE',
    `            EXECUTE pg_catalog.format(${convert('', type.via)}, item.rel, item.name, item.name);`,
    '        END IF;',
    '        IF item.def IS NOT NULL THEN',
    '            BEGIN',
    "                EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s', item.rel, item.name,",
    '                    pg_catalog.replace(item.def, old_type, new_type));',
    '            EXCEPTION WHEN invalid_text_representation OR check_violation OR not_null_violation THEN',
    '                NULL;',
    '            END;',
    '        END IF;',
    '    END LOOP;',
    '    FOREACH statement IN ARRAY rebuild LOOP',
    '        EXECUTE statement;',
    '    END LOOP;',
    'END',
    '$parity$',
  ].join('\n');
  return [
    step(phase, `ALTER ${type.keyword} ${newType} RENAME TO ${quoteIdent(oldName)}`),
    step(phase, type.create),
    step(phase, block, type.destructive),
    step(phase, `DROP ${type.keyword} ${oldType}`),
  ];
}
