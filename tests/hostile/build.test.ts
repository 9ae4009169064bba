/**
 * Hostile input through whole builds. A first build publishes every school, with photos of
 * every image extension carrying a GPS position and text fields carrying markup; a second build
 * runs after one school received every broken file of the corpus and another claimed a third's
 * domain. What a user sees: the exit status of each school, messages naming the file and the
 * fix, the other schools built, the published sites of the held-back schools byte for byte
 * unchanged, no file from outside a school folder, no GPS tag and no live markup anywhere.
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites, type BuildReport } from '../../src/pipeline/build-sites.ts';
import { formatIssues } from '../../src/errors/format.ts';
import { tempDir } from '../helpers.ts';
import { BASIC, CASES, copySchool, document, gpsPhoto, news, XSS } from './corpus.ts';

let base: string;
let content: string;
let out: string;
let first: BuildReport;
let second: BuildReport;
/** Every file of the sites published by the first build, path → bytes. */
const before = new Map<string, Buffer>();
const sites = () => path.join(out, 'sites');
const domainOf = (id: string) => `${id}.thunghiem.edu.vn`;

/** Regular files under `dir` (the host's links to school search indexes are left out). */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Photos as phones and cameras name them, each with GPS EXIF (GIF carries no EXIF). */
const PHOTOS = [
  ['gps-1.jfif', 'jpeg'],
  ['gps-2.JPE', 'jpeg'],
  ['gps-3.jpeg', 'jpeg'],
  ['GPS-4.JPG', 'jpeg'],
  ['gps-5.png', 'png'],
  ['gps-6.webp', 'webp'],
  ['gps-7.heic', 'heif'],
] as const;
const sources: Buffer[] = [];
/** A stale run folder, as a build killed with `kill -9` leaves it. */
const STALE_RUN = `${(Date.now() - 3_600_000).toString(36)}-2147483646`;

beforeAll(async () => {
  base = await tempDir('congtruong-hostile-build-');
  content = path.join(base, 'content');
  out = path.join(base, 'dist');
  await mkdir(path.join(content, 'schools'), { recursive: true });
  await cp(path.join(BASIC, 'host.yaml'), path.join(content, 'host.yaml'));
  await cp(path.join(BASIC, 'host'), path.join(content, 'host'), { recursive: true });
  for (const id of ['alpha', 'beta']) await cp(path.join(BASIC, 'schools', id), path.join(content, 'schools', id), { recursive: true });
  // `a-thief` comes before `beta` in id order: it will claim beta's domain.
  await copySchool(content, 'beta', 'a-thief', async (dir) => {
    const yaml = await readFile(path.join(dir, 'school.yaml'), 'utf8');
    await writeFile(path.join(dir, 'school.yaml'), yaml.replace(/^name: .*$/m, 'name: Trường Tiểu học Kẻ Chiếm'));
  });
  await copySchool(content, 'beta', 'gamma', async (dir) => {
    const yaml = await readFile(path.join(dir, 'school.yaml'), 'utf8');
    await writeFile(path.join(dir, 'school.yaml'), yaml.replace(/^name: .*$/m, 'name: Trường Tiểu học Gamma'));
  });
  const alpha = path.join(content, 'schools', 'alpha');
  for (const [name, format] of PHOTOS) {
    const bytes = await gpsPhoto(format);
    sources.push(bytes);
    await writeFile(path.join(alpha, 'media', 'anh', name), bytes);
  }
  await news(
    alpha,
    'anh-gps.md',
    `summary: ${JSON.stringify(`Tóm tắt ${XSS}`)}\n`,
    [...PHOTOS.map(([n]) => `![Ảnh ${n}](media/anh/${n})`), '[Tải ảnh gốc](media/anh/gps-1.jfif)'].join('\n\n'),
  );
  await document(alpha, 'tiem-ma.md', {
    summary: `Văn bản ${XSS}`,
    issuer: XSS,
    signer: `<script>alert(2)</script>`,
    file: 'media/tep/ke-hoach.pdf',
  });

  first = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
  for (const f of await walk(sites())) before.set(path.relative(sites(), f), await readFile(f));

  // The second build: gamma receives every broken file of the corpus, a-thief claims beta's domain.
  for (const c of ERRORS) await c.setup(path.join(content, 'schools', 'gamma'));
  const thiefYaml = path.join(content, 'schools', 'a-thief', 'school.yaml');
  await writeFile(thiefYaml, (await readFile(thiefYaml, 'utf8')).replace(domainOf('a-thief'), domainOf('beta')));
  await mkdir(path.join(out, '.staging', STALE_RUN, 'sites', 'x'), { recursive: true });
  await writeFile(path.join(out, '.staging', STALE_RUN, 'sites', 'x', 'index.html'), 'stale');
  second = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23', force: true });
}, 240_000);

afterAll(() => rm(base, { recursive: true, force: true }));

/** The cases that are errors: all of them go into one school for the second build. */
const ERRORS = CASES.filter((c) => c.expected && (c.expected.severity ?? 'error') === 'error');
const status = (r: BuildReport, id: string) => r.sites.find((s) => s.id === id);

describe('a first build with hostile text and GPS photos', () => {
  it('builds every school', () => {
    expect(first.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // `congtruong build` exits 0 for this report, 1 for the second one.
    expect(first.ok).toBe(true);
    for (const id of ['alpha', 'beta', 'a-thief', 'gamma', 'host']) expect(status(first, id)?.status, id).toBe('built');
  });

  it('publishes every photo as WebP variants only, without EXIF', async () => {
    const files = [...before.keys()];
    // No photo is copied as it is, whatever its extension.
    expect(files.filter((f) => /\.(jpe?g|jpe|jfif|png|heic|heif|gif|tiff?)$/i.test(f) && f.includes('/media/'))).toEqual([]);
    for (const [name] of PHOTOS) {
      const stem = name.replace(/\.[^.]+$/, '').toLowerCase();
      expect(
        files.some((f) => f.startsWith(`${domainOf('alpha')}/media/anh/${stem}-`) && f.endsWith('.webp')),
        name,
      ).toBe(true);
    }
    for (const [f, bytes] of before) {
      if (sources.some((s) => s.equals(bytes))) throw new Error(`${f} is a source photo copied raw`);
      if (/\.(webp|jpe?g|png|gif|avif|heic|tiff?)$/i.test(f)) {
        const meta = await sharp(bytes).metadata();
        expect(meta.exif, f).toBeUndefined();
      }
    }
  });

  it('links a photo to its largest WebP variant, which is published', () => {
    const page = before.get(`${domainOf('alpha')}/tin-tuc/anh-gps/index.html`)!.toString('utf8');
    const href = cheerio.load(page)('a:contains("Tải ảnh gốc")').attr('href');
    expect(href).toMatch(/^\/media\/anh\/gps-1-\d+w\.webp$/);
    expect(before.has(`${domainOf('alpha')}${href}`)).toBe(true);
  });

  it('keeps markup in plain-text fields as text in every feed (school, văn bản, host)', () => {
    const feeds = [...before].filter(([f]) => f.endsWith('rss.xml'));
    expect(feeds.length).toBeGreaterThan(5);
    let payloads = 0;
    let contents = 0;
    for (const [f, bytes] of feeds) {
      const $ = cheerio.load(bytes.toString('utf8'), { xml: true });
      $('description').each((_, el) => {
        // The reader's view: the description is HTML. Markup typed by a school must be text in it.
        const html = $(el).text();
        const $h = cheerio.load(html, null, false);
        expect($h('*').length, `${f}: ${html}`).toBe(0);
        if ($h.root().text().includes(XSS)) payloads++;
      });
      $('content\\:encoded').each((_, el) => {
        contents++;
        const $h = cheerio.load($(el).text(), null, false);
        expect($h('script').length, f).toBe(0);
        $h('*').each((_, node) => {
          for (const name of Object.keys((node as { attribs?: Record<string, string> }).attribs ?? {})) expect(name, f).not.toMatch(/^on/i);
        });
      });
    }
    // In the news feed, the category feed, the văn bản feed (summary, issuer) and the host's feed.
    expect(payloads).toBeGreaterThanOrEqual(4);
    expect(contents).toBeGreaterThan(20);
  });
});

describe('a second build after hostile changes', () => {
  it('holds back the school that claimed another school’s domain, reporting its own school.yaml', () => {
    const issue = second.issues.find((i) => i.name === 'domainOwned');
    expect(issue?.file).toMatch(/schools\/a-thief\/school\.yaml$/);
    expect(second.issues.filter((i) => i.file.includes('/schools/beta/'))).toEqual([]);
    expect(status(second, 'a-thief')).toMatchObject({ status: 'invalid', keptPrevious: true, domain: domainOf('a-thief') });
    expect(status(second, 'beta')?.status).toBe('built');
    const text = formatIssues([issue!], 'vi');
    expect(text).toContain(`${domainOf('beta')} đang thuộc về`);
    expect(text).toContain('schools/beta/school.yaml');
  });

  it('keeps the owner publishing its own site', async () => {
    const index = await readFile(path.join(sites(), domainOf('beta'), 'index.html'), 'utf8');
    expect(index).toContain('Trường Tiểu học Beta');
    expect(index).not.toContain('Kẻ Chiếm');
  });

  it('fails only the school with broken files, and every broken file is named with its fix', () => {
    expect(status(second, 'gamma')).toMatchObject({ status: 'invalid', keptPrevious: true });
    expect(second.ok).toBe(false);
    expect(status(second, 'alpha')?.status).toBe('built');
    expect(status(second, 'host')?.status).toBe('built');
    const text = formatIssues(second.issues, 'vi');
    for (const c of ERRORS) expect(text, c.id).toContain(`schools/gamma/${c.expected!.file}`);
    expect(text).not.toMatch(/\n\s+at |ReferenceError|URIError|^Error:/m);
  });

  it('leaves the published sites of held-back schools byte for byte as they were', async () => {
    for (const id of ['a-thief', 'gamma']) {
      const prefix = `${domainOf(id)}/`;
      const now = (await walk(path.join(sites(), domainOf(id)))).map((f) => path.relative(sites(), f)).sort();
      expect(now).toEqual([...before.keys()].filter((f) => f.startsWith(prefix)).sort());
      for (const f of now) expect((await readFile(path.join(sites(), f))).equals(before.get(f)!), f).toBe(true);
    }
  });

  it('publishes no file from outside a school folder, and no active file', async () => {
    const files = await walk(sites());
    for (const f of files) {
      expect(path.basename(f), f).not.toMatch(/^(trang\.html|x\.js|hinh\.svg|passwd)$/);
      if (/\.(html|xml|json|txt)$/.test(f) || !path.extname(f)) {
        const text = await readFile(f, 'utf8');
        expect(text, f).not.toContain('root:x:0:0');
        expect(text, f).not.toContain('Mật khẩu máy chủ');
      }
    }
  });

  it('keeps a failing school in the host portal’s directory with its last published entry', async () => {
    const host = (await walk(sites())).filter((f) => path.relative(sites(), f).startsWith('pgd.thunghiem.edu.vn/') && f.endsWith('.html'));
    const pages = await Promise.all(host.map((f) => readFile(f, 'utf8')));
    expect(pages.some((p) => p.includes('Trường Tiểu học Gamma'))).toBe(true);
    expect(pages.some((p) => p.includes(domainOf('gamma')))).toBe(true);
    // … and says that what is shown is its last good version.
    const index = await readFile(path.join(sites(), 'pgd.thunghiem.edu.vn', 'index.html'), 'utf8');
    const table = index.slice(index.indexOf('<tbody>'), index.indexOf('</tbody>'));
    const row = (name: string) => table.split('</tr>').find((r) => r.includes(name)) ?? '';
    expect(row('Trường Tiểu học Gamma')).toContain('Bản mới chưa đăng được vì nội dung có lỗi; đang hiện bản đã đăng trước đó.');
    expect(row('Trường Tiểu học Beta')).toContain('beta');
    expect(row('Trường Tiểu học Beta')).not.toContain('Bản mới chưa đăng được');
  });

  it('removes the staging folder a killed build left behind', async () => {
    expect(await stat(path.join(out, '.staging', STALE_RUN)).catch(() => null)).toBeNull();
  });
});
