import type { APIRoute } from 'astro';
import { schoolPaths, siteOf } from '../../lib/site.ts';

export const getStaticPaths = () => schoolPaths();

export const GET: APIRoute = ({ props }) => {
  const { domain } = siteOf(props).config;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: https://${domain}/sitemap.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
