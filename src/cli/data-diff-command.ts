/** `parity dataDiff -source=A -target=B -table=t -key=id`: row-level comparison of one table on two environments. */
import { runDataDiff } from '../data-diff/data-diff.js';
import { dataDiffJson, dataDiffTable, hasDifferences } from '../output/data-diff-report.js';
import { stableJsonOutput } from '../output/json-output.js';
import type { CommandSpec } from './command.js';
import { dataDiffRequest } from './data-diff-options.js';
import { DIFFERENCES_FOUND_EXIT_CODE } from './exit-codes.js';

export const dataDiffCommand: CommandSpec = {
  name: 'dataDiff',
  describe: 'Compare the rows of one table on two environments (counts, keys on one side only, differing values)',
  examples: [
    'parity dataDiff -source=legacy -target=new -table=public.orders -key=id',
    "parity dataDiff -source=legacy -target=new -table=orders -targetTable=sales.orders_v2 -key=id -columnMap=status:order_status -where=\"region = 'EU'\" -failOnDifferences=true",
    'parity dataDiff -source=legacy -target=new -table=orders -key=id -sample=1% -materialize=out/orders-diff.jsonl -outputType=json',
  ],
  options: {
    source: { type: 'string', describe: 'Environment holding the source table' },
    target: { type: 'string', describe: 'Environment holding the target table' },
    table: { type: 'string', describe: 'Table to compare: table or schema.table' },
    targetTable: { type: 'string', describe: 'Table name on the target when it differs (default: -table)' },
    key: { type: 'string', describe: 'Comma-separated key columns (unique; integer, text or uuid)' },
    columns: { type: 'string', describe: 'Comma-separated columns to compare (default: every non-key column of the source)' },
    columnMap: { type: 'string', describe: 'Source:target column names that differ, e.g. status:order_status,id:order_id' },
    where: { type: 'string', describe: 'SQL condition applied on both sides' },
    sourceWhere: { type: 'string', describe: 'SQL condition for the source only' },
    targetWhere: { type: 'string', describe: 'SQL condition for the target only' },
    updateColumn: { type: 'string', describe: 'Timestamp column for -minAge/-maxAge watermarks' },
    minAge: { type: 'string', describe: 'Compare only rows updated at least this long ago (30s, 5min, 1h, 2d)' },
    maxAge: { type: 'string', describe: 'Compare only rows updated at most this long ago' },
    algorithm: { type: 'string', describe: 'auto (default: joindiff when one connection reads both tables, else hashdiff), joindiff or hashdiff' },
    sample: { type: 'string', describe: 'Samples of each kind of difference: rows (default 20) or a percentage (1%)' },
    threads: { type: 'string', describe: 'Concurrent queries per side (default 4)' },
    bisectionFactor: { type: 'string', describe: 'Segments a mismatching range is split into (default 32)' },
    bisectionThreshold: { type: 'string', describe: 'Segments with at most this many rows are downloaded and compared (default 16384)' },
    maxRowsDownloaded: { type: 'string', describe: 'Stop downloading rows after this many (default 1000000); the result is then incomplete' },
    materialize: { type: 'string', describe: 'Write every difference to this file: JSON Lines, or CSV for a .csv name' },
    nullEqualsEmpty: { type: 'boolean', describe: 'NULL and the empty string are equal in text, char, JSON and binary columns' },
    floatDigits: { type: 'string', describe: 'Fractional digits floats are compared to (the tolerance; default 6)' },
    failOnDifferences: { type: 'boolean', describe: `Exit with code ${DIFFERENCES_FOUND_EXIT_CODE} when any difference is found` },
  },
  async run(context) {
    const progress = context.onProgress;
    const request = dataDiffRequest(
      context,
      progress &&
        ((p) => progress(`data diff: ${p.segmentsChecked > 0 ? `${p.segmentsChecked} segments checked, ` : ''}${p.rowsDownloaded} rows downloaded, ${p.differences} differences`)),
    );
    const report = await runDataDiff({ ...request, onWarning: context.output.warning });
    context.output.endProgress();
    if (!report.stats.complete) context.output.warning(`the diff stopped after ${report.stats.rowsDownloaded} rows downloaded (-maxRowsDownloaded); some mismatching segments were not compared`);
    context.output.result(context.global.outputType === 'json' ? stableJsonOutput(dataDiffJson(report)) : dataDiffTable(report));
    return context.args['failOnDifferences'] === true && hasDifferences(report) ? DIFFERENCES_FOUND_EXIT_CODE : 0;
  },
};
