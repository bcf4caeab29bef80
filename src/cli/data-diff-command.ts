/**
 * `parity dataDiff -source=A -target=B -table=t -key=id`: row-level comparison of one table on two
 * environments; without `-table`, of every table of their schemas (whole-database mode).
 */
import type { ConnectionSettings } from '../config/connection.js';
import { runDataDiff, specName } from '../data-diff/data-diff.js';
import { dataDiffJson, dataDiffTable, hasDifferences } from '../output/data-diff-report.js';
import { stableJsonOutput } from '../output/json-output.js';
import { entryDiffers, runDatabaseDiff } from '../data-diff/database-diff.js';
import { databaseDiffJson, databaseDiffTable } from '../output/database-diff-report.js';
import { requireString, type CommandContext, type CommandSpec } from './command.js';
import { databaseDiffRequest, dataDiffRequest, isWholeDatabase, materializeTarget } from './data-diff-options.js';
import { TableMaterializer } from '../data-diff/materialize-table.js';
import type { DatabaseDiffRequest } from '../data-diff/database-diff.js';
import { DIFFERENCES_FOUND_EXIT_CODE } from './exit-codes.js';
import { reportFiles, writeReport, type ReportFiles } from './report-files.js';
import { dataDiffHtml, databaseDiffHtml, type ReportContext } from '../output/data-diff-html.js';
import { parityVersion } from './version.js';

export const dataDiffCommand: CommandSpec = {
  name: 'dataDiff',
  describe: 'Compare the rows of one table, or of every table, on two environments (counts, rows on one side only, differing values, schemas)',
  examples: [
    'parity dataDiff -source=legacy -target=new -reportFilename=out/validation.html',
    'parity dataDiff -source=legacy -target=new -table=public.orders -key=id',
    "parity dataDiff -source=legacy -target=new -table=orders -targetTable=sales.orders_v2 -key=id -columnMap=status:order_status -where=\"region = 'EU'\" -failOnDifferences=true",
    'parity dataDiff -source=legacy -target=new -table=orders -key=id -sample=1% -materialize=out/orders-diff.jsonl -outputType=json',
  ],
  options: {
    source: { type: 'string', describe: 'Environment holding the source table' },
    target: { type: 'string', describe: 'Environment holding the target table' },
    table: { type: 'string', describe: 'Table to compare: table or schema.table (without it: every table of both environments)' },
    targetTable: { type: 'string', describe: 'Table name on the target when it differs (default: -table)' },
    sourceQuery: { type: 'string', describe: 'Query mode: a SELECT on the source compared as if it were the table (with -targetQuery and -key)' },
    targetQuery: { type: 'string', describe: 'Query mode: the SELECT on the target' },
    key: { type: 'string', describe: 'Comma-separated key columns (unique; integer, text or uuid); without -table: table.column or table.col1+col2 per table' },
    schemaMap: { type: 'string', describe: 'Without -table: source schema:target schema pairs, e.g. public:app' },
    tableMap: { type: 'string', describe: 'Without -table: source table:target table pairs (table or schema.table)' },
    tables: { type: 'string', describe: 'Without -table: only these tables (globs with * and ?, on table or schema.table); names views to compare them' },
    excludeTables: { type: 'string', describe: 'Without -table: leave these tables out (globs)' },
    filterFile: { type: 'string', describe: 'Without -table: a JSON filter file whose rules (objectType Table or View, schema, name) select the tables too (default: [flyway] filterFile)' },
    columns: { type: 'string', describe: 'Comma-separated columns to compare (default: every non-key column of the source)' },
    columnMap: { type: 'string', describe: 'Source:target column names that differ, e.g. status:order_status,id:order_id' },
    where: { type: 'string', describe: 'SQL condition applied on both sides' },
    sourceWhere: { type: 'string', describe: 'SQL condition for the source only' },
    targetWhere: { type: 'string', describe: 'SQL condition for the target only' },
    updateColumn: { type: 'string', describe: 'Timestamp column for -minAge/-maxAge watermarks' },
    minAge: { type: 'string', describe: 'Compare only rows updated at least this long ago (30s, 5min, 1h, 2d)' },
    maxAge: { type: 'string', describe: 'Compare only rows updated at most this long ago' },
    algorithm: { type: 'string', describe: 'auto (default) or hashdiff: pushed-down checksums; joindiff: one JOIN where one connection reads both tables' },
    sample: { type: 'string', describe: 'Samples of each kind of difference: rows (default 20) or a percentage (1%)' },
    columnSamples: { type: 'string', describe: 'Rows shown per column with differing values (default 5, 0 for none; chosen by key hash)' },
    threads: { type: 'string', describe: 'Connections per server, both sides together (default 4, at most 32)' },
    bisectionFactor: { type: 'string', describe: 'Segments a mismatching range is split into (default 32)' },
    bisectionThreshold: { type: 'string', describe: 'Segments with at most this many rows are downloaded and compared (default 16384)' },
    maxRowsDownloaded: { type: 'string', describe: 'Stop downloading rows after this many (default 1000000); the result is then incomplete' },
    samplingRatio: { type: 'string', describe: 'Compare only this share of the keys (1% or 0.01), the same keys on both sides (-samplingMethod); counts are then estimated for the whole tables' },
    samplingMaxRows: { type: 'string', describe: 'Compare about this many rows per table (the share chosen from its row count), as -samplingRatio' },
    samplingMethod: { type: 'string', describe: 'How sampled keys are chosen: blocks (key ranges read through the index; integer first key column) or keyHash (every key\'s hash; reads the whole table). Default blocks, keyHash where blocks do not apply' },
    samplingThreshold: { type: 'string', describe: 'Tables with fewer rows than this on both sides are compared whole (default 100000)' },
    samplingConfidence: { type: 'string', describe: 'Confidence of the estimates\' intervals (default 95%)' },
    materializeEnvironment: { type: 'string', describe: 'Also write every difference into a table of this environment (with -materializeTable); the only write dataDiff makes' },
    materializeTable: { type: 'string', describe: 'The table for -materializeEnvironment: table or schema.table, %t = the run\'s start (UTC, 20261204_213015); created when missing' },
    materialize: { type: 'string', describe: 'Write every difference to this file: JSON Lines, or CSV for a .csv name; without -table: a folder, one schema.table.jsonl file per table with differences' },
    nullEqualsEmpty: { type: 'boolean', describe: "NULL and the empty string are equal in text, char, JSON and binary columns (default: only for pairs with Oracle, which stores '' as NULL)" },
    floatDigits: { type: 'string', describe: 'Fractional digits floats are compared to (the tolerance; default 6)' },
    tolerance: { type: 'string', describe: 'Numeric columns equal within a tolerance: col:0.01 (absolute) or col:0.5% (relative), comma-separated; without -table: table.col:0.01' },
    timestampDigits: { type: 'string', describe: 'Compare timestamps truncated to this many fractional second digits (0-6)' },
    reportFilename: { type: 'string', describe: 'Also write a self-contained HTML report to this file and its JSON beside it (report.html and report.json)' },
    failOnDifferences: { type: 'boolean', describe: `Exit with code ${DIFFERENCES_FOUND_EXIT_CODE} when any difference is found (without -table: also schema differences, tables on one side only, failed tables)` },
  },
  async run(context) {
    const runAt = new Date();
    if (isWholeDatabase(context)) return withMaterializer(context, runAt, databaseDiffRequest(context, context.onProgress), runWholeDatabase);
    const progress = context.onProgress;
    const request = dataDiffRequest(
      context,
      progress &&
        ((p) => progress(`data diff: ${p.segmentsChecked > 0 ? `${p.segmentsChecked} segments checked, ` : ''}${p.rowsDownloaded} rows downloaded, ${p.differences} differences`)),
    );
    return withMaterializer(context, runAt, request, runSingleTable);
  },
};

/**
 * Runs `fn` with `request` and, when `-materializeEnvironment` is given, the writer into that table
 * (opened, and the table created, before any comparison); says where the differences went.
 */
async function withMaterializer<R extends object>(
  context: CommandContext,
  runAt: Date,
  request: R,
  fn: (context: CommandContext, request: R & { materializer?: TableMaterializer }, files: ReportFiles | undefined) => Promise<number>,
): Promise<number> {
  const target = materializeTarget(context, runAt);
  const files = reportFiles(context);
  if (target === undefined) return fn(context, request, files);
  const materializer = await TableMaterializer.open(target, runAt, context.tempDirectory);
  let code: number;
  try {
    code = await fn(context, { ...request, materializer }, files);
  } finally {
    await materializer.close();
  }
  context.output.message(`differences written to ${materializer.describe()}: ${materializer.rowsWritten} rows`);
  return code;
}

async function runSingleTable(context: CommandContext, request: ReturnType<typeof dataDiffRequest> & { materializer?: TableMaterializer }, files: ReportFiles | undefined): Promise<number> {
  const report = await runDataDiff({ ...request, onWarning: context.output.warning });
  context.output.endProgress();
  if (!report.stats.complete) context.output.warning(`the diff stopped after ${report.stats.rowsDownloaded} rows downloaded (-maxRowsDownloaded); some mismatching segments were not compared`);
  if (files !== undefined) {
    const table = { source: specName(request.source.spec), target: specName(request.target.spec), key: request.source.spec.key };
    writeReport(context, files, dataDiffHtml(report, table, reportContext(context, request)), stableJsonOutput(dataDiffJson(report)));
  }
  context.output.result(context.global.outputType === 'json' ? stableJsonOutput(dataDiffJson(report)) : dataDiffTable(report));
  return context.args['failOnDifferences'] === true && hasDifferences(report) ? DIFFERENCES_FOUND_EXIT_CODE : 0;
}

async function runWholeDatabase(context: CommandContext, request: DatabaseDiffRequest, files: ReportFiles | undefined): Promise<number> {
  const report = await runDatabaseDiff(request);
  context.output.endProgress();
  if (!report.summary.complete) context.output.warning('the diff stopped downloading rows at -maxRowsDownloaded; some mismatching rows were not compared');
  if (files !== undefined) writeReport(context, files, databaseDiffHtml(report, reportContext(context, request)), stableJsonOutput(databaseDiffJson(report)));
  context.output.result(context.global.outputType === 'json' ? stableJsonOutput(databaseDiffJson(report)) : databaseDiffTable(report));
  return context.args['failOnDifferences'] === true && report.tables.some(entryDiffers) ? DIFFERENCES_FOUND_EXIT_CODE : 0;
}

/** The report's header: both environments (described without passwords), now, parity's version. */
function reportContext(context: CommandContext, request: { source: { connection: ConnectionSettings }; target: { connection: ConnectionSettings } }): ReportContext {
  return {
    source: { environment: requireString(context, 'source', 'dataDiff'), connection: request.source.connection },
    target: { environment: requireString(context, 'target', 'dataDiff'), connection: request.target.connection },
    generatedAt: new Date(),
    version: parityVersion(),
  };
}
