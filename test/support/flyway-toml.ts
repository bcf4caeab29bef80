/** Configuration files for tests that run the CLI. */

/**
 * One `[environments.NAME]` section of a flyway.toml: the password is read from the environment
 * variable `passwordVariable` when the CLI runs, so it is never written to the file; `schemas` when
 * given.
 */
export function environmentSection(name: string, url: string, user: string, passwordVariable: string, schemas?: readonly string[]): string {
  const schemaLine = schemas ? `schemas = [${schemas.map((s) => `"${s}"`).join(', ')}]\n` : '';
  return `[environments.${name}]\nurl = "${url}"\nuser = "${user}"\npassword = "\${env.${passwordVariable}}"\n${schemaLine}`;
}
