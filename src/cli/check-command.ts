/**
 * `parity check -changes -drift -code -dryrun -environment=prod`: checks before deploying (src/check),
 * written to one HTML report and its JSON (`-reportFilename`, default report.html), and to stdout.
 * Never writes to the checked environment.
 */
import path from 'node:path';
import { runCheck, type CheckOptions } from '../check/check.js';
import { readUserRules } from '../check/code-rules.js';
import { IGNORE_CATEGORIES, ignoreCategories } from '../diff/ignore.js';
import { ParityError } from '../errors.js';
import { checkHtml } from '../output/check-html.js';
import { checkJson, countSeverity } from '../output/check-report.js';
import { checkText } from '../output/check-report.js';
import { stableJsonOutput } from '../output/json-output.js';
import { listArg, stringArg, type CommandSpec } from './command.js';
import { CODE_ERRORS_EXIT_CODE, DRIFT_FOUND_EXIT_CODE } from './exit-codes.js';
import { reportFiles, writeReport } from './report-files.js';
import { SOURCE_OPTIONS, sourceContext } from './source-options.js';
import { parityVersion } from './version.js';

const { buildVersion: _buildVersion, buildCherryPick: _buildCherryPick, ...BUILD_OPTIONS } = SOURCE_OPTIONS;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, setting: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ParityError('INVALID_ARGUMENT', `${setting} must be ${allowed.join(' or ')}, not "${value}"`, { where: 'parity check' });
}

export const checkCommand: CommandSpec = {
  name: 'check',
  describe: 'Checks before deploying: pending changes, drift, code analysis and a dry run, in one HTML + JSON report',
  examples: [
    'parity check -changes -drift -code -dryrun -environment=prod',
    'parity check -drift -environment=prod -failOnDrift=true',
    'parity check -code -environment=prod -code.failOnError=true -rulesLocation=rules',
    'parity check -changes -environment=prod -buildEnvironment=build -reportFilename=reports/prod.html',
  ],
  options: {
    changes: { type: 'boolean', describe: 'Report what the pending migrations change (built in the build environment)' },
    drift: { type: 'boolean', describe: 'Report differences between the environment and what its last deployment left' },
    code: { type: 'boolean', describe: 'Check the pending migrations against the code rules' },
    dryrun: { type: 'boolean', describe: 'Show the script migrate would run, without running it' },
    changesSource: { type: 'string', describe: 'What -changes compares: migrations (default: the build before and after the pending ones) or schemaModel (the schema model against the environment)' },
    deployedSnapshot: { type: 'string', describe: 'What -drift compares with: a snapshot FILE, or snapshotHistory:current (default: the snapshot migrate -saveSnapshot=true saved, when of the current version; else the migrations built to it)' },
    failOnDrift: { type: 'boolean', describe: `Exit with ${DRIFT_FOUND_EXIT_CODE} when -drift finds drift` },
    'code.failOnError': { type: 'boolean', describe: `Exit with ${CODE_ERRORS_EXIT_CODE} when -code finds a violation of severity error` },
    'code.scope': { type: 'string', describe: 'Scripts -code checks: pending (default) or all' },
    rulesLocation: { type: 'string', describe: 'Folder of TOML files of user rules ([[rules]] id, description, regex, severity)' },
    reportFilename: { type: 'string', describe: 'The HTML report (its JSON is written beside it; default: report.html)' },
    ...BUILD_OPTIONS,
    ignore: { type: 'string', describe: `Comma-separated differences -changes and -drift leave out: ${Object.keys(IGNORE_CATEGORIES).join(', ')}` },
  },
  async run(context) {
    const flag = (name: string) => context.args[name] === true;
    const checks = { changes: flag('changes'), drift: flag('drift'), code: flag('code'), dryrun: flag('dryrun') };
    if (!Object.values(checks).some(Boolean)) {
      throw new ParityError('INVALID_ARGUMENT', 'name at least one check: -changes, -drift, -code or -dryrun', { where: 'parity check' });
    }
    const config = context.config();
    const ignore = ignoreCategories(listArg(context, 'ignore') ?? []);
    const files = reportFiles(context, 'check', 'report.html')!;
    const rules = stringArg(context, 'rulesLocation');
    const deployedSnapshot = stringArg(context, 'deployedSnapshot');
    const options: CheckOptions = {
      ...checks,
      ...(config.defaultEnvironment !== undefined ? { environment: config.defaultEnvironment } : {}),
      changesSource: oneOf(stringArg(context, 'changesSource'), ['migrations', 'schemaModel'], 'migrations', '-changesSource'),
      ...(deployedSnapshot !== undefined ? { deployedSnapshot } : {}),
      codeScope: oneOf(stringArg(context, 'code.scope'), ['pending', 'all'], 'pending', '-code.scope'),
      userRules: rules !== undefined ? readUserRules(path.resolve(context.workingDirectory(), rules), rules) : [],
      ignore,
    };
    const result = await runCheck(options, sourceContext(context, { configuredSnapshotSchemas: false }));
    context.output.endProgress();
    const json = stableJsonOutput(checkJson(result));
    writeReport(context, files, checkHtml(result, { generatedAt: new Date(), version: parityVersion() }), json, 'check report');
    context.output.result(context.global.outputType === 'json' ? json : checkText(result));
    if (context.args['failOnDrift'] === true && (result.drift?.artifact.changes.length ?? 0) > 0) return DRIFT_FOUND_EXIT_CODE;
    if (context.args['code.failOnError'] === true && countSeverity(result.code?.violations ?? [], 'error') > 0) return CODE_ERRORS_EXIT_CODE;
    return 0;
  },
};
