/**
 * Keeping passwords out of messages. A password reaches a message in a URL (`//user:pw@host`,
 * `?password=pw`) or quoted as a value (a driver's message, an argument the user typed), so it is
 * replaced by `***` there, and only there:
 * - in any URL, the userinfo password and `password=`/`pwd=` parameters, whatever they hold (and
 *   Oracle's `jdbc:oracle:thin:user/password@...`);
 * - a known password as a whole token: between the start or end of the text, white space, quotes,
 *   brackets, `=`, `:`, `,`, `;`, `@` or `/` (and a final `.`), never inside a word: with the password
 *   `e`, "cannot connect" stays readable. Passwords shorter than 3 characters are not searched for as
 *   tokens (they would mask line numbers and the like), nor is one equal to a name the message shows as
 *   such (a user name): masking the name would tell the password.
 */

/** Characters that end a token. */
const DELIMITERS = '\\s"\'`()\\[\\]{}<>=:,;@/';

/** Shortest password searched for as a token. */
const MIN_TOKEN_LENGTH = 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** URL passwords (userinfo and parameters) replaced by `***`, whatever they are. */
export function redactUrls(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'`]*:)[^\s@/"'`]*@/gi, '$1***@')
    .replace(/([?&;](?:password|pwd)=)[^&;\s"'`)]*/gi, '$1***')
    // Oracle's JDBC form `jdbc:oracle:thin:user/password@...`.
    .replace(/(:thin:[^\s/@"'`]+\/)[^\s@"'`]*@/gi, '$1***@');
}

/**
 * `text` with URL passwords and every known secret (as a whole token) replaced by `***`; secrets equal
 * to one of `names` (shown as names, such as user names) are left to the URL rules only.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[], names: readonly (string | undefined)[] = []): string {
  let out = redactUrls(text);
  const shown = new Set(names.filter((n): n is string => n !== undefined));
  const tokens = [...new Set(secrets)].filter((s): s is string => s !== undefined && s.length >= MIN_TOKEN_LENGTH && !shown.has(s));
  // Longer first, so a password containing another is replaced whole.
  for (const secret of tokens.sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(^|[${DELIMITERS}])${escapeRegExp(secret)}(?=$|[${DELIMITERS}]|\\.(?:\\s|$))`, 'g');
    out = out.replace(pattern, '$1***');
  }
  return out;
}
