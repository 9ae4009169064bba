/**
 * Fills the `{placeholders}` of a UI string. Shared by the build (`t`) and the browser scripts,
 * which receive raw templates (`template`) and fill them when the numbers are known. Dependency
 * free, so that a script bundles nothing else with it.
 */
export function fill(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in args ? String(args[k]) : whole));
}

/** The names of the `{placeholders}` of a UI string, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
