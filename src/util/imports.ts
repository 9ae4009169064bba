/**
 * The project modules a source file imports, read from its text. Shared by the theme's
 * fingerprint (which follows the theme's imports) and the architecture test (no import cycles,
 * no lower layer importing the pipeline), so both see the same graph.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** `import … from '…'`, `export … from '…'`, `import('…')`, `import '…'`, `new URL('…', import.meta.url)`. */
const SPECIFIER =
  /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g;
export const CODE = /\.(?:ts|mts|mjs|js|astro)$/;

/** The project file a relative specifier names, if any. */
function resolveSpecifier(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined; // a package: its version is in `dependencyVersions`
  const base = path.resolve(path.dirname(from), spec.split('?')[0]!);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * Project files imported by `file` (relative specifiers only, inside `root`, outside
 * `node_modules`). An unreadable file imports nothing: the fingerprint hashes it as unreadable.
 */
export function projectImports(file: string, root: string): string[] {
  if (!CODE.test(file)) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolveSpecifier(file, (m[1] ?? m[2] ?? m[3] ?? m[4])!);
    if (target && target.startsWith(root + path.sep) && !target.includes(`${path.sep}node_modules${path.sep}`)) out.push(target);
  }
  return out;
}
