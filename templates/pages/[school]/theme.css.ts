/**
 * Per-school colours as a stylesheet of their own, so that pages carry no inline styles
 * (a strict Content-Security-Policy can then forbid them).
 */
import type { APIRoute } from 'astro';
import { schoolPaths, siteOf } from '../../lib/site.ts';

export const getStaticPaths = () => schoolPaths();

export const GET: APIRoute = ({ props }) => {
  const { colors } = siteOf(props).config;
  return new Response(`:root{--primary:${colors.primary};--accent:${colors.accent}}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
};
