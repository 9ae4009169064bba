/**
 * Builds the `basic` fixture host (two valid schools, one broken school, the host portal)
 * once, then reads the published HTML as a visitor would get it.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSites, type BuildReport } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const CONTENT = path.join(FIXTURES, 'content', 'basic');
let out: string;
let report: BuildReport;
const site = (domain: string, p = '') => path.join(out, 'sites', domain, p);
const page = async (domain: string, p: string) => cheerio.load(await readFile(site(domain, p), 'utf8'));

beforeAll(async () => {
  out = await tempDir('congtruong-build-');
  report = await buildSites({ contentDir: CONTENT, outDir: out, cacheDir: path.join(out, '.cache') });
});

describe('a host with one broken school', () => {
  it('builds every valid school and the host portal, and reports the broken one', () => {
    const status = Object.fromEntries(report.sites.map((s) => [s.id, s.status]));
    expect(status).toEqual({ alpha: 'built', beta: 'built', broken: 'invalid', host: 'built' });
    expect(report.ok).toBe(false);
  });

  it('publishes one standalone folder per domain and nothing for the broken school', async () => {
    const domains = (await readdir(path.join(out, 'sites'))).sort();
    expect(domains).toEqual(['alpha.thunghiem.edu.vn', 'beta.thunghiem.edu.vn', 'pgd.thunghiem.edu.vn']);
    for (const d of domains) expect((await stat(site(d, 'index.html'))).isFile()).toBe(true);
  });
});

describe('the pages of a school', () => {
  const A = 'alpha.thunghiem.edu.vn';

  it('are Vietnamese UTF-8 HTML with the school name, governing body and footer fields', async () => {
    const $ = await page(A, 'index.html');
    expect($('html').attr('lang')).toBe('vi');
    expect($('meta[charset]').attr('charset')).toBe('utf-8');
    expect($('meta[name=viewport]').attr('content')).toContain('width=device-width');
    expect($('header .unit-name').text().trim()).toBe('Trường Trung học cơ sở Alpha');
    expect($('header .governing').text().trim()).toBe('Phòng Giáo dục và Đào tạo huyện Thử Nghiệm');
    // Phone numbers use no-break spaces so that they never wrap.
    const footer = $('footer')
      .text()
      .replace(/\u00a0/g, ' ');
    for (const s of ['Trần Thị Hiệu, Hiệu trưởng', '12 Đường Alpha, xã Một, huyện Thử Nghiệm', '0200 3111 111', 'alpha@thunghiem.edu.vn']) {
      expect(footer).toContain(s);
    }
  });

  it('link internally from the root of the domain, and canonically to the school domain', async () => {
    const $ = await page(A, 'tin-tuc/le-khai-giang/index.html');
    expect($('link[rel=canonical]').attr('href')).toBe('https://alpha.thunghiem.edu.vn/tin-tuc/le-khai-giang/');
    expect($('meta[name="DC.identifier"]').attr('content')).toBe('https://alpha.thunghiem.edu.vn/tin-tuc/le-khai-giang/');
    const hrefs = $('a[href^="/"]')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toContain('/cong-khai/');
    expect(hrefs.every((h) => !h.startsWith('/alpha'))).toBe(true);
    // Every root-relative link resolves to a file of this site.
    for (const h of new Set(hrefs)) {
      const p = h.endsWith('/') ? `${h}index.html` : h;
      await expect(stat(site(A, p)), h).resolves.toBeTruthy();
    }
  });

  it('render the article with its content and without the unsafe HTML', async () => {
    const $ = await page(A, 'tin-tuc/le-khai-giang/index.html');
    expect($('h1').text().trim()).toBe('Lễ khai giảng năm học 2026 – 2027 & "Ngày hội đến trường"');
    expect($('time').first().text().trim()).toBe('Thứ Bảy, 07:30, 05/09/2026');
    expect($('.prose strong').text().trim()).toBe('lễ khai giảng');
    expect($('.prose a[href="/media/tep/ke-hoach.pdf"]').text().trim()).toBe('kế hoạch năm học');
    expect($('script:not([src]):not([type="application/ld+json"])').length).toBe(0);
    expect($.html()).not.toMatch(/onclick|javascript:|evil\.example/);
  });

  it('paginate the news list ten items per page', async () => {
    const $1 = await page(A, 'tin-tuc/index.html');
    expect($1('.news-list li')).toHaveLength(10);
    const $2 = await page(A, 'tin-tuc/trang/2/index.html');
    expect($2('.news-list li')).toHaveLength(3);
    expect($2('a[rel=prev]').attr('href')).toBe('/tin-tuc/');
  });

  it('list category pages', async () => {
    const $ = await page(A, 'chuyen-muc/su-kien/index.html');
    expect($('h1').text().trim()).toBe('Sự kiện');
    expect($('.news-list li')).toHaveLength(1);
  });

  it('publish văn bản with their fields and the file', async () => {
    const $ = await page(A, 'van-ban/ke-hoach-nam-hoc/index.html');
    const text = $('dl.fields').text();
    for (const s of ['45/KH-THCSA', 'Kế hoạch giáo dục năm học 2026-2027', '10/09/2026', 'Trường THCS Alpha', 'Trần Thị Hiệu'])
      expect(text).toContain(s);
    expect($('a[download]').attr('href')).toBe('/media/tep/ke-hoach.pdf');
    expect(await readFile(site(A, 'media/tep/ke-hoach.pdf'), 'latin1')).toMatch(/^%PDF/);
  });

  it('offer forms with file type and size', async () => {
    const $ = await page(A, 'bieu-mau/index.html');
    expect($('h2').first().text().trim()).toBe('Đơn xin nghỉ học');
    expect($('a[download]').attr('href')).toBe('/media/tep/don-xin-nghi-hoc.docx');
    expect($('.downloads').text()).toMatch(/DOCX, 1 KB/);
  });

  it('publish công khai by school year and item', async () => {
    const $ = await page(A, 'cong-khai/2025-2026/index.html');
    expect($('h1').text().trim()).toBe('Công khai – Năm học 2025-2026');
    // Every item TT 09/2024 requires of a THCS, each with its status.
    const rows = $('tbody tr')
      .map((_, tr) => `${$(tr).find('th').text().trim()}: ${$(tr).find('td').first().text().trim()}`)
      .get();
    expect(rows).toEqual([
      'Thông tin chung về cơ sở giáo dục: Đã công khai',
      'Thu, chi tài chính: Đã cập nhật',
      'Đội ngũ nhà giáo, cán bộ quản lý và nhân viên: Chưa công khai',
      'Cơ sở vật chất và tài liệu học tập: Chưa công khai',
      'Kết quả đánh giá, kiểm định chất lượng giáo dục: Chưa công khai',
      'Kế hoạch hoạt động giáo dục năm học: Chưa công khai',
      'Kết quả giáo dục năm học trước: Chưa công khai',
      'Báo cáo thường niên: Chưa công khai',
    ]);
    const $item = await page(A, 'cong-khai/2025-2026/tai-chinh/index.html');
    expect($item('.meta').first().text()).toContain('10/06/2026');
  });

  it('publish admissions with the seven fields of a notice', async () => {
    const $ = await page(A, 'tuyen-sinh/tuyen-sinh-lop-6/index.html');
    const dts = $('dl.fields dt')
      .map((_, d) => $(d).text())
      .get();
    expect(dts).toEqual(['Đối tượng', 'Chỉ tiêu', 'Hình thức', 'Điều kiện', 'Hồ sơ', 'Thời gian', 'Địa điểm']);
    expect($('a[href="https://tuyensinh.thunghiem.edu.vn/"]').text().trim()).toBe('Đăng ký tuyển sinh trực tuyến');
  });

  it('show the leaders with name, title, phone, e-mail and duties on Giới thiệu', async () => {
    const $ = await page(A, 'gioi-thieu/index.html');
    const first = $('tbody tr')
      .first()
      .find('td')
      .map((_, td) =>
        $(td)
          .text()
          .replace(/\u00a0/g, ' ')
          .trim(),
      )
      .get();
    expect(first).toEqual([
      'Trần Thị Hiệu',
      'Hiệu trưởng',
      '0912 000 001',
      'hieutruong@alpha.thunghiem.edu.vn',
      'Phụ trách chung, tài chính, tổ chức cán bộ.',
    ]);
  });

  it('have a 404 page, sitemap.xml with absolute URLs, robots.txt and Sơ đồ cổng', async () => {
    const $404 = await page(A, '404.html');
    expect($404('h1').text().trim()).toBe('Không tìm thấy trang');
    const xml = await readFile(site(A, 'sitemap.xml'), 'utf8');
    expect(xml).toContain('<loc>https://alpha.thunghiem.edu.vn/tin-tuc/le-khai-giang/</loc>');
    expect(xml).toContain('<loc>https://alpha.thunghiem.edu.vn/cong-khai/2025-2026/tai-chinh/</loc>');
    expect(await readFile(site(A, 'robots.txt'), 'utf8')).toContain('Sitemap: https://alpha.thunghiem.edu.vn/sitemap.xml');
    const $map = await page(A, 'so-do-cong/index.html');
    expect($map('a[href="/cong-khai/2025-2026/"]').length).toBe(1);
  });

  it('publish images as responsive WebP without EXIF metadata (no GPS position)', async () => {
    const $ = await page(A, 'tin-tuc/le-khai-giang/index.html');
    const img = $('article > img');
    expect(img.attr('srcset')).toContain('/media/anh/khai-giang-480w.webp 480w');
    expect(img.attr('width')).toBe('1200');
    expect(img.attr('height')).toBe('800');
    const meta = await sharp(site(A, 'media/anh/khai-giang-960w.webp')).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    // The original JPEG, which carries a GPS position, is never published.
    await expect(stat(site(A, 'media/anh/khai-giang.jpg'))).rejects.toThrow();
  });
});

describe('the host portal', () => {
  it('lists the valid schools and their latest news, and the host notices', async () => {
    const $ = await page('pgd.thunghiem.edu.vn', 'index.html');
    expect($('h1').text().trim()).toBe('Phòng Giáo dục và Đào tạo huyện Thử Nghiệm');
    const schools = $('tbody td:first-child a')
      .map((_, a) => $(a).attr('href'))
      .get();
    // Sorted by name in Vietnamese order: "Trường Tiểu học …" before "Trường Trung học …".
    expect(schools).toEqual(['https://beta.thunghiem.edu.vn/', 'https://alpha.thunghiem.edu.vn/']);
    expect($.text()).toContain('Chào mừng ngày Nhà giáo Việt Nam 20/11');
    expect($.text()).toContain('Thông báo họp hiệu trưởng tháng 11');
  });

  it("shows each school's compliance status and publishes the compliance dashboard", async () => {
    const $ = await page('pgd.thunghiem.edu.vn', 'index.html');
    const status = $('tbody tr')
      .map((_, tr) => $(tr).find('td').last().text().trim())
      .get();
    expect(status.length).toBe(2);
    expect(status.every((s) => /^\d+ lỗi, \d+ cảnh báo$/.test(s))).toBe(true);
    const dashboard = await page('pgd.thunghiem.edu.vn', 'tuan-thu/index.html');
    expect(dashboard('h1').text()).toBe('Báo cáo tuân thủ cổng thông tin các trường');
    expect(dashboard('a[href="alpha.html"]').text()).toBe('Trường Trung học cơ sở Alpha');
    expect(dashboard('link[rel=stylesheet]').attr('href')).toBe('report.css');
    expect(dashboard('style').length).toBe(0);
  });
});

describe('legally required elements', () => {
  const A = 'alpha.thunghiem.edu.vn';

  it('every page has the main menu of TT 32/2017 Điều 16 and a search box', async () => {
    for (const p of ['index.html', 'tin-tuc/le-khai-giang/index.html', 'cong-khai/index.html']) {
      const $ = await page(A, p);
      const menu = $('.menu-wide a')
        .map((_, a) => $(a).text().trim())
        .get();
      expect(menu, p).toEqual([
        'Trang chủ',
        'Giới thiệu',
        'Tin tức',
        'Văn bản',
        'Công khai',
        'Tuyển sinh',
        'Biểu mẫu',
        'Liên hệ',
        'Sơ đồ cổng',
      ]);
      expect($('header form[role=search] input[name=q]').length, p).toBe(1);
      expect($('footer a[href="https://pgd.thunghiem.edu.vn"]').length, p).toBe(1);
    }
  });

  it('every content page carries the mandatory Dublin Core elements (TT 24/2011 Điều 4)', async () => {
    for (const p of [
      'index.html',
      'tin-tuc/index.html',
      'tin-tuc/le-khai-giang/index.html',
      'van-ban/ke-hoach-nam-hoc/index.html',
      'cong-khai/2025-2026/index.html',
    ]) {
      const $ = await page(A, p);
      for (const dc of ['title', 'creator', 'date', 'description', 'publisher', 'identifier', 'language']) {
        expect($(`meta[name="DC.${dc}"]`).attr('content')?.trim(), `${p} DC.${dc}`).toBeTruthy();
      }
    }
  });

  it('describes the school and its articles as schema.org JSON-LD', async () => {
    const home = JSON.parse((await page(A, 'index.html'))('script[type="application/ld+json"]').text());
    expect(home).toMatchObject({ '@type': 'MiddleSchool', name: 'Trường Trung học cơ sở Alpha', telephone: '0200 3111 111' });
    const article = JSON.parse((await page(A, 'tin-tuc/le-khai-giang/index.html'))('script[type="application/ld+json"]').text());
    expect(article).toMatchObject({ '@type': 'NewsArticle', datePublished: '2026-09-05T00:30:00.000Z', inLanguage: 'vi' });
  });

  it('articles offer printing and a share link', async () => {
    const $ = await page(A, 'tin-tuc/le-khai-giang/index.html');
    expect($('button[data-print]').text().trim()).toBe('In bài viết');
    expect($('a[href^="mailto:?subject="]').length).toBe(1);
  });

  it('the công khai archive lists at least five school years and the annual reports', async () => {
    const $ = await page(A, 'cong-khai/index.html');
    expect($('a[href^="/cong-khai/20"]').length).toBeGreaterThanOrEqual(6);
  });
});

describe('HTML validity', () => {
  it('every built page passes html-validate with the project rules', async () => {
    const { HtmlValidate, FileSystemConfigLoader } = await import('html-validate');
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const { walk } = await import('../../src/util/walk.ts');
    const pages = (await walk(path.join(out, 'sites'))).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const file of pages) {
      // Validate with the repository's .htmlvalidate.json, whatever the temp folder is.
      const res = await validator.validateString(await readFile(file, 'utf8'), path.resolve('page.html'));
      for (const r of res.results)
        for (const m of r.messages) failures.push(`${path.relative(out, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('page weight', () => {
  it('the home page transfers at most 100 KB gzip without images, and only small scripts', async () => {
    const { gzipSync } = await import('node:zlib');
    const A = 'alpha.thunghiem.edu.vn';
    const html = await readFile(site(A, 'index.html'));
    const $ = cheerio.load(html.toString());
    const assets = [
      ...$('link[rel=stylesheet]')
        .map((_, l) => $(l).attr('href'))
        .get(),
      ...$('script[src]')
        .map((_, s) => $(s).attr('src'))
        .get(),
    ];
    let total = gzipSync(html).length;
    for (const a of assets) total += gzipSync(await readFile(site(A, a))).length;
    expect(total).toBeLessThanOrEqual(100 * 1024);
    const scripts = $('script[src]')
      .map((_, s) => $(s).attr('src'))
      .get();
    expect(scripts.length).toBeLessThanOrEqual(1);
    for (const s of scripts) expect((await readFile(site(A, s))).length).toBeLessThan(4 * 1024);
    // No inline JavaScript (structured data is not executed).
    expect($('script:not([src]):not([type="application/ld+json"])').length).toBe(0);
  });
});
