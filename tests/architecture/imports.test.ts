/**
 * The shape of the code (issue 15): no import cycles between files or between the folders of
 * `src/`, only the command line and the publishing server start the pipeline, and no folder is
 * named like an output directory (tools and people skip `build/`, `dist/`, `out/`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE, projectImports } from '../../src/util/imports.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const files = ['src', 'templates'].flatMap((d) =>
  readdirSync(path.join(ROOT, d), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && CODE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name)),
);
const graph = new Map(files.map((f) => [f, projectImports(f, ROOT)]));
const rel = (f: string) => path.relative(ROOT, f);

/** `src/<folder>` for a file of src (a file directly in src is its own unit), `templates` for the theme. */
function unitOf(file: string): string {
  const [top, second] = rel(file).split(path.sep);
  return top === 'src' ? `src/${second}` : top!;
}

/** Strongly connected components with more than one member (Tarjan), i.e. the cycles. */
function cycles(nodes: string[], edges: (n: string) => string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges(v).includes(v)) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found;
}

describe('imports', () => {
  it('reads the imports of the theme and the engine (the graph is not empty)', () => {
    expect(files.length).toBeGreaterThan(100);
    const siteImports = graph.get(path.join(ROOT, 'templates/lib/site.ts'))!.map(rel);
    expect(siteImports).toContain('src/site/render-input.ts');
  });

  it('has no cycle between files of src/ and templates/', () => {
    expect(cycles(files, (f) => graph.get(f) ?? []).map((c) => c.map(rel))).toEqual([]);
  });

  it('has no cycle between the folders of src/ (and the theme)', () => {
    const units = new Map<string, Set<string>>();
    for (const [f, targets] of graph) {
      const from = unitOf(f);
      if (!units.has(from)) units.set(from, new Set());
      for (const t of targets) if (unitOf(t) !== from) units.get(from)!.add(unitOf(t));
    }
    expect(cycles([...units.keys()], (u) => [...(units.get(u) ?? [])])).toEqual([]);
  });

  it('lets only the command line and the publishing server start the pipeline', () => {
    const allowed = new Set(['src/pipeline', 'src/cli', 'src/server']);
    const offenders = [...graph].flatMap(([f, targets]) =>
      allowed.has(unitOf(f)) ? [] : targets.filter((t) => unitOf(t) === 'src/pipeline').map((t) => `${rel(f)} → ${rel(t)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('names no folder of src/ like an output directory', () => {
    const folders = readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((name) => /^(build|dist|out|output|public|tmp)$/.test(name))).toEqual([]);
  });
});
