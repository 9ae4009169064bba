// @ts-check
/**
 * Shared Astro configuration of the theme. The multi-school orchestrator
 * (`src/pipeline/astro-worker.ts`) loads this file and overrides only `outDir` and `cacheDir`
 * per build; the content to render reaches the pages through `templates/lib/site-data.ts`.
 */
/** @type {import('astro').AstroUserConfig} */
export default {
  srcDir: './templates',
  publicDir: './templates/public',
  // Each school is served at the root of its own domain; absolute URLs are built from the
  // school's `domain`, not from `site`.
  trailingSlash: 'always',
  // Stylesheets stay external files: pages then need no inline styles, so a strict
  // Content-Security-Policy can forbid them.
  build: { format: 'directory', assets: '_astro', inlineStylesheets: 'never', concurrency: 4 },
  // Keep whitespace as written inside inline text; sizes are dominated by content anyway.
  compressHTML: true,
  // No Astro fetch file or dev toolbar in production builds.
  devToolbar: { enabled: false },
  // Scripts stay external files too (Vite inlines small ones by default): no inline JavaScript.
  vite: { logLevel: 'error', build: { assetsInlineLimit: 0 } },
};
