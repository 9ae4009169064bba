/**
 * Writes the YAML that `congtruong new` creates. Values go through the `yaml` library so that
 * quoting is always right (a title with `: ` or `#`, a phone number with a leading 0); fields
 * the webmaster may add later are written as commented hints, so that every field the schema
 * knows is visible in the file without being filled with invented values.
 */
import YAML from 'yaml';

export type YamlLine =
  /** A field with its value. `quote` forces double quotes (phone numbers keep their leading 0). */
  | { key: string; value: unknown; quote?: boolean }
  /** A comment: one `# ` line per line of text. */
  | { comment: string }
  /** A commented-out field: `# key: example   # note`. */
  | { hint: string; example: string; note?: string };

export function renderYaml(lines: readonly YamlLine[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if ('comment' in line) {
      out.push(...line.comment.split('\n').map((l) => (l ? `# ${l}` : '#')));
    } else if ('hint' in line) {
      out.push(`# ${line.hint}: ${line.example}${line.note ? `   # ${line.note}` : ''}`);
    } else if (line.value === undefined) {
      continue;
    } else if (line.quote && typeof line.value === 'string') {
      out.push(`${line.key}: ${JSON.stringify(line.value)}`);
    } else {
      out.push(YAML.stringify({ [line.key]: line.value }, { lineWidth: 0 }).trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

/** A Markdown file: front matter between `---` lines, then the body. */
export function markdownFile(lines: readonly YamlLine[], body: string): string {
  return `---\n${renderYaml(lines)}---\n\n${body.trim()}\n`;
}

/** A copied attachment, as the front matter refers to it. */
export interface AttachmentRef {
  ref: string;
  ext: string;
  /** Text alternative of an image. */
  alt?: string | undefined;
}

/** "Đơn xin nghỉ học (Word)": how attachments are labelled on the site. */
const FORMAT_NAMES: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word',
  doc: 'Word',
  xlsx: 'Excel',
  xls: 'Excel',
  odt: 'OpenDocument',
  ods: 'OpenDocument',
  pptx: 'PowerPoint',
};

export function attachmentList(title: string, refs: readonly AttachmentRef[]): { file: string; title: string }[] {
  return refs.map((r) => ({ file: r.ref, title: `${title} (${FORMAT_NAMES[r.ext] ?? r.ext.toUpperCase()})` }));
}
