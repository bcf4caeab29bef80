/** JSON on stdout: two-space indent, keys in the order the reporter built them. */
export function stableJsonOutput(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
