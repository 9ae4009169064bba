import type { APIRoute } from 'astro';
import { hostOf, hostPaths } from '../../../lib/site.ts';

export const getStaticPaths = () => hostPaths();

export const GET: APIRoute = ({ props }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: https://${hostOf(props).config.domain}/sitemap.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
