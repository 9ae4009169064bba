/**
 * Theme-side touches to the sanitised HTML of a Markdown body, before it goes into a page.
 */
/**
 * Wraps each table of a body in a box that scrolls sideways on a phone, so that a weekly plan
 * or a menu keeps its words whole instead of squeezing its columns. The box is focusable, so
 * keyboard users can scroll it too (WCAG 2.1.1); it is no landmark, since a page may hold many
 * tables and landmarks need unique names. Tables pasted inside tables
 * stay where they are: only the outermost table of each nest is wrapped.
 */
export function scrollableTables(html: string): string {
  const open = '<div class="table-scroll" tabindex="0">';
  let depth = 0;
  return html.replace(/<(\/?)table\b[^>]*>/gi, (tag, closing: string) => {
    if (closing) {
      depth = Math.max(0, depth - 1);
      return depth === 0 ? `${tag}</div>` : tag;
    }
    depth += 1;
    return depth === 1 ? `${open}${tag}` : tag;
  });
}
