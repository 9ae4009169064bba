/** sitemap.xml for search engines (TT 32/2017/TT-BTTTT Điều 16 k4). */
import type { APIRoute } from 'astro';
import { schoolPaths, siteOf } from '../../lib/site.ts';
import { sitePages } from '../../lib/site-pages.ts';

export const getStaticPaths = () => schoolPaths();

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = ({ props }) => {
  const site = siteOf(props);
  const urls = sitePages(site)
    .map(
      (p) =>
        `  <url><loc>${esc(`https://${site.config.domain}${p.path}`)}</loc>${p.date ? `<lastmod>${p.date.slice(0, 10)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
