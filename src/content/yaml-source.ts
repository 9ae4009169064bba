/**
 * YAML with positions. Content files are parsed once into a `yaml` Document so that a zod
 * issue path can be traced back to the line the webmaster has to edit.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ContentIssue } from '../errors/content-issue.ts';

export interface YamlSource {
  doc: Document;
  lines: LineCounter;
  /** Lines before the YAML in the file (1 for front matter after `---`). */
  lineOffset: number;
}

export type ParsedYaml = { ok: true; data: unknown; source: YamlSource } | { ok: false; issue: ContentIssue };

/** Parses YAML text; a syntax error becomes a `yamlSyntax` issue with its line. */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedYaml {
  const lines = new LineCounter();
  // `uniqueKeys` reports a field written twice, which otherwise silently keeps the last one.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    return {
      ok: false,
      issue: {
        name: 'yamlSyntax',
        severity: 'error',
        file,
        line: pos.line + lineOffset,
        column: pos.col,
        args: { detail: describeYamlError(err.code, err.message) },
      },
    };
  }
  // An alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, … ) expands to billions of values: the
  // `yaml` package stops it with a ReferenceError, which must fail this file only.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (!(err instanceof ReferenceError || err instanceof RangeError)) throw err;
    return { ok: false, issue: { name: 'yamlAliases', severity: 'error', file, line: lineOffset + 1 } };
  }
  return { ok: true, data, source: { doc, lines, lineOffset } };
}

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'một trường được viết hai lần (a field is written twice).';
    case 'TAB_AS_INDENT':
      return 'dòng thụt lề bằng phím Tab (a tab is used for indentation).';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'thụt lề không đều (uneven indentation).';
    default:
      return `${message.split('\n')[0]}.`;
  }
}

/**
 * Line and column of the value at `path`, or of the key `key` inside the map at `path`
 * (for unknown fields). Falls back to the nearest ancestor that exists.
 */
export function locate(source: YamlSource, path: readonly PropertyKey[], key?: string): { line: number; column: number } | undefined {
  let node: unknown = source.doc.contents;
  let found: Node | undefined = isNodeLike(node) ? node : undefined;
  for (const seg of path) {
    const next = child(node, seg);
    if (next === undefined) break;
    node = next.value;
    found = next.at ?? found;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (pair && isNodeLike(pair.key)) found = pair.key;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = source.lines.linePos(offset);
  return { line: pos.line + source.lineOffset, column: pos.col };
}

function isNodeLike(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n;
}

function child(node: unknown, seg: PropertyKey): { value: unknown; at?: Node | undefined } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
    if (!pair) return undefined;
    // Point at the value when there is one, else at the key (`date:` with nothing after it).
    const at = isNodeLike(pair.value) ? pair.value : isNodeLike(pair.key) ? pair.key : undefined;
    return { value: pair.value, at };
  }
  if (typeof seg === 'number' && node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
    const item: unknown = node.items[seg];
    if (item === undefined) return undefined;
    return { value: item, at: isNodeLike(item) ? item : undefined };
  }
  return undefined;
}
