/**
 * The demo content built once per test file, its THCS school and host portal served over HTTP on
 * 127.0.0.1, and a headless Chromium to visit them.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { launchChromium } from '../browser.ts';
import { tempDir } from '../helpers.ts';
import { serveFolder, type StaticServer } from '../static-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCHOOL_DOMAIN = 'thcsleloi.songxanh.edu.vn';

export interface DemoSites {
  out: string;
  school: StaticServer;
  host: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDemoSites(prefix: string): Promise<DemoSites> {
  const out = await tempDir(prefix);
  const report = await buildSites({ contentDir: path.join(ROOT, 'content'), outDir: out, date: '2026-11-23' });
  expect(report.sites.every((s) => s.status === 'built')).toBe(true);
  const school = await serveFolder(path.join(out, 'sites', SCHOOL_DOMAIN));
  const host = await serveFolder(path.join(out, 'sites', 'songxanh.edu.vn'));
  const browser = await launchChromium();
  return {
    out,
    school,
    host,
    browser,
    async close() {
      await browser.close();
      await school.close();
      await host.close();
      await rm(out, { recursive: true, force: true });
    },
  };
}
