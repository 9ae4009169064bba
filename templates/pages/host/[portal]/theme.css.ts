import type { APIRoute } from 'astro';
import { hostPaths } from '../../../lib/site.ts';

export const getStaticPaths = () => hostPaths();

export const GET: APIRoute = () =>
  new Response(':root{--primary:#0b4f8a;--accent:#b3261e}\n', { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
