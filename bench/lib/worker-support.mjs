// What the benchmark's worker processes (data-worker.mjs, database-worker.mjs) share: loading parity's
// compiled modules from the benchmark's private copy of dist/, and reading the environments' connection
// settings from the work dir's flyway.toml as the CLI reads them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Imports `files` (paths under dist/) from `dist`; resolves their modules in the same order. */
export function loadDist(dist, files) {
  return Promise.all(files.map((file) => import(pathToFileURL(path.join(path.resolve(dist), file)).href)));
}

/** The source and target environments' ConnectionSettings (`config`, `environment`: dist's config/config.js and sources/environment-connection.js). */
export function environmentSettings({ config, environment }, { source, target }) {
  const loaded = config.loadConfig({ workingDirectory: process.cwd(), env: process.env });
  const settings = (name, setting) => environment.environmentConnection(loaded, config.getEnvironment(loaded, name, setting));
  return { source: settings(source, '-source'), target: settings(target, '-target') };
}
