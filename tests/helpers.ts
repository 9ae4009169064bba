/** Shared test helpers. */
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { parseWithFriendlyErrors } from '../src/content/validate.ts';
import { parseYaml } from '../src/content/yaml-source.ts';
import { formatIssues } from '../src/errors/format.ts';
import type { Lang } from '../src/errors/content-errors.ts';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

/** Validates YAML text as the loader does and returns the formatted problems ('' when valid). */
export function problems(schema: z.ZodType, yaml: string, lang: Lang = 'vi', file = 'school.yaml'): string {
  const parsed = parseYaml(yaml, file);
  if (!parsed.ok) return formatIssues([parsed.issue], lang);
  const res = parseWithFriendlyErrors(schema, parsed.data ?? {}, file, parsed.source);
  return res.ok ? '' : formatIssues(res.issues, lang);
}

export function tempDir(prefix = 'congtruong-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Every file (and link) under `dir`, relative to it, sorted: to compare two built sites. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
