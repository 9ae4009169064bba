import type { APIRoute } from 'astro';
import { hostOf, hostPaths } from '../../../lib/site.ts';
import { hostPages } from '../../../lib/host-pages.ts';

export const getStaticPaths = () => hostPaths();

export const GET: APIRoute = ({ props }) => {
  const host = hostOf(props);
  const urls = hostPages(host)
    .map((p) => `  <url><loc>https://${host.config.domain}${p.path}</loc></url>`)
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
