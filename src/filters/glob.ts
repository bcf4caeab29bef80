/** Globs as parity's options take them (`-tables`, `-excludeTables`, filter files): `*` any characters, `?` one, everything else literal. */

/** Whether `text` matches `glob` (case-sensitive unless `ignoreCase`). */
export function globMatches(glob: string, text: string, ignoreCase = false): boolean {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`, ignoreCase ? 'si' : 's').test(text);
}

export const isGlob = (text: string): boolean => /[*?]/.test(text);
