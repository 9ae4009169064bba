/**
 * Markdown → safe HTML, shared by pages and feeds so that both say the same thing.
 *
 * markdown-it renders with raw HTML enabled (teachers paste tables and embeds from Word and
 * YouTube), then sanitize-html removes everything that could run code: `<script>`, event
 * handler attributes, `javascript:` URLs and iframes outside the allow-list.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Hosts whose iframes may be embedded (video players). */
export const IFRAME_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com'];

/** Resolves file references written in Markdown (`![…](media/anh/a.jpg)`, `[…](media/tep/a.pdf)`). */
export interface MediaResolver {
  /** Site path of a published file, or undefined when the reference is not a known file. */
  fileUrl(ref: string): string | undefined;
  /** Complete `<img>` markup for an image reference, or undefined. */
  imageHtml?(ref: string, alt: string): string | undefined;
}

/** True for links that point into the school's folder rather than to a page or another site. */
export function isLocalFileRef(href: string): boolean {
  return localFileRef(href) !== undefined;
}

/**
 * The file a local link points to, decoded (`media/tep/k%E1%BA%BF.pdf` → `media/tep/kế.pdf`), or
 * undefined for a page, an anchor or another site. A name that itself holds `#` or `?`
 * (`[A](<a #1.pdf>)`) is taken whole when it ends with an extension; otherwise a fragment or
 * query after the file name (`a.pdf#page=2`) is left out.
 */
export function localFileRef(href: string): string | undefined {
  if (href === '' || /^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return undefined;
  const hasExtension = (s: string) => /\.[a-z0-9]{2,5}$/i.test(s);
  if (hasExtension(href)) return safeDecodeUri(href);
  const file = href.split(/[?#]/)[0]!;
  return hasExtension(file) ? safeDecodeUri(file) : undefined;
}

/**
 * `decodeURI` that never throws: a stray `%E9` (Latin-1 from an old editor) is left as written,
 * so the reference is reported as a missing file with its name instead of stopping the build.
 */
export function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** File references in a Markdown body: image sources and links to local files. */
export function findFileRefs(markdown: string): { ref: string; image: boolean }[] {
  const out: { ref: string; image: boolean }[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type === 'image') {
        const ref = localFileRef(String(t.attrGet('src') ?? ''));
        if (ref !== undefined) out.push({ ref, image: true });
      } else if (t.type === 'link_open') {
        const ref = localFileRef(String(t.attrGet('href') ?? ''));
        if (ref !== undefined) out.push({ ref, image: false });
      }
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  return out;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'picture',
    'source',
    'figure',
    'figcaption',
    'iframe',
    'video',
    'audio',
    'track',
    'details',
    'summary',
    'del',
    'ins',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    '*': ['id', 'lang', 'title', 'class'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    source: ['src', 'srcset', 'type', 'sizes', 'media'],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen', 'loading'],
    video: ['src', 'controls', 'width', 'height', 'poster', 'preload'],
    audio: ['src', 'controls', 'preload'],
    track: ['src', 'kind', 'srclang', 'label'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'type'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowProtocolRelative: false,
  allowedIframeHostnames: IFRAME_HOSTS,
  transformTags: {
    // Links that leave the site open normally but do not leak the opener.
    a: (tagName, attribs) => {
      if (attribs.target === '_blank') attribs.rel = 'noopener noreferrer';
      return { tagName, attribs };
    },
    // Embedded players need an accessible name (WCAG 4.1.2).
    iframe: (tagName, attribs) => ({ tagName, attribs: { title: 'Video', ...attribs, loading: 'lazy' } }),
  },
  // An iframe whose source was refused is dropped entirely rather than left empty.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
};

/** Patterns that sanitising removes; used to warn the webmaster that something was dropped. */
const UNSAFE =
  /<script\b|<style\b|\son[a-z]+\s*=|javascript:|vbscript:|<iframe\b(?![^>]*\bsrc=["']?https:\/\/(www\.)?youtube(-nocookie)?\.com\/)|<object\b|<embed\b|<form\b/i;

export interface RenderResult {
  html: string;
  /** True when unsafe HTML was found and removed. */
  removedUnsafe: boolean;
}

/** Renders NFC-normalised Markdown to sanitised HTML, resolving local file references. */
export function renderMarkdown(markdown: string, media?: MediaResolver): RenderResult {
  const source = markdown.normalize('NFC');
  const env = {};
  const tokens = md.parse(source, env);
  const rewrite = (t: (typeof tokens)[number]) => {
    if (t.type === 'link_open') {
      const ref = localFileRef(String(t.attrGet('href') ?? ''));
      const url = ref === undefined ? undefined : media?.fileUrl(ref);
      if (url) t.attrSet('href', url);
    }
    if (t.children) t.children.forEach(rewrite);
  };
  tokens.forEach(rewrite);
  const html = md.renderer.render(tokens, md.options, env);
  // Images are rendered after the fact so that each local image gets its responsive markup.
  const withImages = media
    ? html.replace(/<img src="([^"]*)" alt="([^"]*)"( title="[^"]*")?>/g, (tag, src: string, alt: string) => {
        // The src is HTML-escaped in the tag (`&amp;`): unescaped before it is looked up.
        const ref = localFileRef(decodeEntities(src));
        if (ref === undefined) return tag;
        const rendered = media.imageHtml?.(ref, decodeEntities(alt));
        if (rendered) return rendered;
        const url = media.fileUrl(ref);
        return url ? tag.replace(`src="${src}"`, `src="${url}"`) : tag;
      })
    : html;
  return { html: sanitizeHtml(withImages, SANITIZE), removedUnsafe: UNSAFE.test(html) };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Plain text of rendered HTML, for summaries and meta descriptions. */
export function htmlToText(html: string): string {
  return decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A summary of at most `max` characters, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
