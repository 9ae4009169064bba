/**
 * Markdown files start with YAML front matter between two `---` lines.
 */
export interface SplitFile {
  yaml: string;
  body: string;
  /** Lines before the YAML (the opening `---`), to report YAML lines as file lines. */
  yamlLineOffset: number;
}

/** Splits a Markdown file; `null` when it has no front matter. A BOM and CRLF are accepted. */
export function splitFrontMatter(source: string): SplitFile | null {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---', 3);
  if (end === -1) return null;
  const after = text.indexOf('\n', end + 4);
  return {
    yaml: text.slice(4, end + 1),
    body: after === -1 ? '' : text.slice(after + 1),
    yamlLineOffset: 1,
  };
}
