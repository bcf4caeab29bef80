/** Configuration files for tests that run the CLI. */

/**
 * One `[environments.NAME]` section of a flyway.toml: the password is read from the environment
 * variable `passwordVariable` when the CLI runs, so it is never written to the file.
 */
export function environmentSection(name: string, url: string, user: string, passwordVariable: string): string {
  return `[environments.${name}]\nurl = "${url}"\nuser = "${user}"\npassword = "\${env.${passwordVariable}}"\n`;
}
