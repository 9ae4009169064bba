/**
 * `congtruong new` as a webmaster runs it: child processes of the real command against a temp
 * copy of the demo content, every result loaded with the real loader.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchool } from '../../src/content/load.ts';
import { COLLECTIONS } from '../../src/content/collections.ts';
import { DISCLOSURE_ITEMS } from '../../src/schemas/disclosure-items.ts';
import { tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const BIN = path.join(ROOT, 'bin/congtruong.mjs');
const DEMO = path.join(ROOT, 'content');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let work: string;
let content: string;

/** Runs the command in `work` (stdin is not a terminal). */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [BIN, 'new', ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const school = (id: string) => path.join(content, 'schools', id);
async function load(id: string) {
  const r = await loadSchool(school(id), id, { render: false });
  return { ...r, errors: r.issues.filter((i) => i.severity === 'error') };
}

/** Every field of a collection's schema is in the file, as a value or as a commented hint. */
async function expectAllFields(file: string, collection: keyof typeof COLLECTIONS) {
  const text = await readFile(file, 'utf8');
  const front = text.split('\n---\n')[0]!;
  for (const key of Object.keys(COLLECTIONS[collection].shape)) {
    expect(front, `${collection}.${key} in ${path.basename(file)}`).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
  }
}

beforeAll(async () => {
  work = await tempDir('congtruong-new-');
  content = path.join(work, 'content');
  await cp(DEMO, content, { recursive: true });
  const media = path.join(work, 'in');
  await cp(path.join(DEMO, 'schools/mn-hoa-sen/media'), media, { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('congtruong new <collection>', () => {
  it('creates a valid, complete file for every collection', async () => {
    const pdf = path.join(work, 'in/tep/25-kh-mnhs-phong-chong-dich-benh.pdf');
    const docx = path.join(work, 'in/mau-don/don-xin-nhap-hoc.docx');
    const jpg = path.join(work, 'in/anh/trung-thu-2026.jpg');
    const png = path.join(work, 'in/logo.png');
    const S = ['--school', 'thcs-le-loi'];
    const runs = await Promise.all([
      cli(
        'news',
        ...S,
        '--title',
        'Đội tuyển học sinh giỏi: đạt 7 giải!',
        '--date',
        '2026-11-20 07:30',
        '--category',
        'su-kien',
        '--image',
        jpg,
        '--alt',
        'Đèn ông sao',
      ),
      cli(
        'document',
        ...S,
        '--number',
        '140/QĐ-THCSLL',
        '--type',
        'quyet-dinh',
        '--summary',
        'Về việc thành lập Tổ tư vấn',
        '--date',
        '05/10/2026',
        '--signer',
        'Đỗ Minh Khoa',
        '--file',
        pdf,
      ),
      cli(
        'form',
        ...S,
        '--title',
        'Đơn xin phúc khảo',
        '--purpose',
        'Học sinh nộp khi xin phúc khảo bài kiểm tra.',
        '--file',
        docx,
        '--file',
        pdf,
      ),
      cli('disclosure', ...S, '--year', '2030-2031', '--item', 'bao-cao-thuong-nien', '--file', pdf, '--publish', '--date', '2026-06-20'),
      cli('admission', ...S, '--year', '2030-2031', '--kind', 'ke-hoach', '--registration-url', 'https://tuyensinh.binhlam.edu.vn'),
      cli('consultation', ...S, '--title', 'Góp ý nội quy', '--summary', 'Xin ý kiến cha mẹ.', '--deadline', '2026-12-20', '--file', pdf),
      cli('schedule', ...S, '--kind', 'lich-cong-tac', '--from', '2026-11-30'),
      cli(
        'album',
        ...S,
        '--title',
        'Hội khỏe Phù Đổng',
        '--file',
        path.join(work, 'in/anh/mam-co-lam-banh.jpg'),
        '--alt',
        'Chạy tiếp sức',
        '--file',
        png,
        '--alt',
        'Biểu trưng',
      ),
      cli('page', ...S, '--title', 'Thư viện số', '--order', '7'),
    ]);
    for (const r of runs) expect(r.stderr).toBe('');
    for (const r of runs) expect(r.status).toBe(0);
    const { site, errors } = await load('thcs-le-loi');
    expect(errors).toEqual([]);
    const c = site!.collections;
    const dir = school('thcs-le-loi');
    const news = c.news.find((n) => n.slug === '2026-11-20-doi-tuyen-hoc-sinh-gioi-dat-7-giai')!;
    // The school already has a different media/anh/trung-thu-2026.jpg: the copy gets a suffix.
    expect(news.data).toMatchObject({
      date: '2026-11-20T07:30',
      category: 'su-kien',
      image: { src: 'media/anh/trung-thu-2026-2.jpg', alt: 'Đèn ông sao' },
    });
    const doc = c.documents.find((d) => d.data.number === '140/QĐ-THCSLL')!;
    expect(doc).toMatchObject({
      slug: '140-qd-thcsll-ve-viec-thanh-lap-to-tu-van',
      data: { issued: '2026-10-05', issuer: 'Trường Trung học cơ sở Lê Lợi', file: 'media/tep/25-kh-mnhs-phong-chong-dich-benh.pdf' },
    });
    expect(c.forms.find((f) => f.slug === 'don-xin-phuc-khao')!.data.files.map((f) => f.file)).toEqual([
      'media/mau-don/don-xin-nhap-hoc.docx',
      'media/mau-don/25-kh-mnhs-phong-chong-dich-benh.pdf',
    ]);
    expect(c.disclosures.find((d) => d.schoolYear === '2030-2031' && d.data.item === 'bao-cao-thuong-nien')!.data).toMatchObject({
      reportYear: 2030,
      published: '2026-06-20',
      draft: false,
    });
    expect(c.admissions.find((a) => a.data.schoolYear === '2030-2031')!.data).toMatchObject({
      kind: 'ke-hoach',
      title: 'Kế hoạch tuyển sinh năm học 2030-2031',
    });
    expect(c.consultations.find((x) => x.slug === 'gop-y-noi-quy')!.data.email).toBe('vanphong@thcsleloi.songxanh.edu.vn');
    expect(c.schedules.find((s) => s.slug === 'lich-cong-tac-2026-11-30')!.data).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-04',
      title: 'Lịch công tác tuần từ 30/11 đến 04/12/2026',
    });
    expect(c.albums.find((a) => a.slug === 'hoi-khoe-phu-dong')!.data.photos).toHaveLength(2);
    expect(c.pages.find((p) => p.slug === 'thu-vien-so')!.data).toMatchObject({ kind: 'khac', order: 7 });

    await expectAllFields(path.join(dir, 'news/2026-11-20-doi-tuyen-hoc-sinh-gioi-dat-7-giai.md'), 'news');
    await expectAllFields(path.join(dir, 'documents/140-qd-thcsll-ve-viec-thanh-lap-to-tu-van.md'), 'documents');
    await expectAllFields(path.join(dir, 'forms/don-xin-phuc-khao.md'), 'forms');
    await expectAllFields(path.join(dir, 'admissions/ke-hoach-tuyen-sinh-nam-hoc-2030-2031.md'), 'admissions');
    await expectAllFields(path.join(dir, 'consultations/gop-y-noi-quy.md'), 'consultations');
    await expectAllFields(path.join(dir, 'schedules/lich-cong-tac-2026-11-30.md'), 'schedules');
    await expectAllFields(path.join(dir, 'albums/hoi-khoe-phu-dong.md'), 'albums');
    await expectAllFields(path.join(dir, 'pages/thu-vien-so.md'), 'pages');
    await expectAllFields(path.join(dir, 'disclosures/2030-2031/bao-cao-thuong-nien.md'), 'disclosures');
    expect(runs[0]!.stdout).toContain('Đã tạo:');
    expect(runs[0]!.stdout).toContain('npm run congtruong -- dev thcs-le-loi');
  });

  it('never overwrites: the same news twice exits 1 and leaves the file as it was', async () => {
    const args = ['news', '--school', 'mn-hoa-sen', '--title', 'Thông báo nghỉ Tết', '--date', '2027-01-20'];
    expect((await cli(...args)).status).toBe(0);
    const file = path.join(school('mn-hoa-sen'), 'news/2027-01-20-thong-bao-nghi-tet.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nNội dung cô giáo đã viết.\n`);
    const again = await cli(...args, '--title', 'THÔNG BÁO NGHỈ TẾT');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('không ghi đè');
    expect(again.stderr).toContain('--slug');
    expect(await readFile(file, 'utf8')).toContain('Nội dung cô giáo đã viết.');
  });

  it('without a terminal, missing required flags are an error (exit 2) that lists them', async () => {
    const [r, noSchool, en, bad, badDate] = await Promise.all([
      cli('document', '--school', 'mn-hoa-sen', '--number', '1/QĐ'),
      cli('news', '--title', 'x'),
      cli('news', '--school', 'mn-hoa-sen', '--lang', 'en'),
      cli('news', '--school', 'mn-hoa-sen', '--title', 'x', '--date', '2026-11-20', '--purpose', 'y'),
      cli('news', '--school', 'mn-hoa-sen', '--title', 'x', '--date', '30/02/2026'),
    ]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--date "30/02/2026": không phải một ngày có thật');
    expect(r.status).toBe(2);
    for (const flag of ['--type', '--summary', '--date', '--signer', '--file']) expect(r.stderr).toContain(flag);
    expect(noSchool.status).toBe(2);
    expect(noSchool.stderr).toContain('Thiếu --school');
    expect(en.stderr).toContain('Required values are missing');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--purpose');
  });
});

describe('congtruong new disclosure --year', () => {
  const expected = (instrument: string, level: string) =>
    Object.entries(DISCLOSURE_ITEMS)
      .filter(([, item]) => item.instrument === instrument && (item.levels as readonly string[]).includes(level))
      .map(([id]) => id)
      .sort();

  it('creates drafts of every item the catalogue requires of a THCS and a mầm non school, skipping existing ones', async () => {
    // A year the demo has not prepared: mn-hoa-sen has three items of it already, one under another name.
    const yearDir = path.join(school('mn-hoa-sen'), 'disclosures/2029-2030');
    await mkdir(yearDir, { recursive: true });
    await writeFile(path.join(yearDir, 'cong-khai-tai-chinh.md'), '---\nitem: tai-chinh\npublished: 2029-06-10\n---\n');
    for (const item of ['thong-tin-chung', 'ke-hoach']) {
      await writeFile(path.join(yearDir, `${item}.md`), `---\nitem: ${item}\npublished: 2029-06-10\n---\n`);
    }
    const [thcs, mn, old] = await Promise.all([
      cli('disclosure', '--school', 'thcs-le-loi', '--year', '2029-2030'),
      cli('disclosure', '--school', 'mn-hoa-sen', '--year', '2029-2030'),
      cli('disclosure', '--school', 'thcs-le-loi', '--year', '2023-2024'),
    ]);
    expect([thcs.status, mn.status, old.status]).toEqual([0, 0, 0]);
    expect(thcs.stdout).toContain('trước ngày 30/06/2030');
    expect(old.stdout).toContain('TT 36/2017');

    const files = async (id: string, year: string) =>
      (await readdir(path.join(school(id), 'disclosures', year))).map((f) => f.replace(/\.md$/, '')).sort();
    expect(await files('thcs-le-loi', '2029-2030')).toEqual(expected('tt09-2024', 'thcs'));
    expect(await files('thcs-le-loi', '2023-2024')).toEqual(expected('tt36-2017', 'thcs'));
    const mnFiles = await files('mn-hoa-sen', '2029-2030');
    expect(mnFiles).toContain('cong-khai-tai-chinh');
    expect(mnFiles).not.toContain('tai-chinh');
    expect(mn.stdout).toMatch(
      /Đã có, giữ nguyên:[\s\S]*thong-tin-chung\.md[\s\S]*ke-hoach\.md|Đã có, giữ nguyên:[\s\S]*ke-hoach\.md[\s\S]*thong-tin-chung\.md/,
    );
    expect(await readFile(path.join(yearDir, 'thong-tin-chung.md'), 'utf8')).not.toContain('draft: true');

    // Drafts validate but are neither published nor counted as published.
    for (const id of ['thcs-le-loi', 'mn-hoa-sen']) {
      const { site, errors } = await load(id);
      expect(errors).toEqual([]);
      const drafts = site!.collections.disclosures.filter(
        (d) => d.schoolYear === '2023-2024' || (d.schoolYear === '2029-2030' && id === 'thcs-le-loi'),
      );
      expect(drafts).toEqual([]);
    }
    const draft = await readFile(path.join(school('thcs-le-loi'), 'disclosures/2029-2030/bao-cao-thuong-nien.md'), 'utf8');
    expect(draft).toContain('draft: true');
    expect(draft).toContain('reportYear: 2029');
    expect(draft).toContain('Điều 15 khoản 1 điểm b');

    const again = await cli('disclosure', '--school', 'thcs-le-loi', '--year', '2029-2030');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Không có gì mới để tạo.');
  });

  it("--item with --publish fills the draft the year prepared (keeping the teacher's text), and never replaces a published item", async () => {
    const yearDir = path.join(school('th-kim-dong'), 'disclosures/2029-2030');
    expect((await cli('disclosure', '--school', 'th-kim-dong', '--year', '2029-2030')).status).toBe(0);
    // The teacher wrote the table into the draft before the signed PDF came back.
    const draftFile = path.join(yearDir, 'tai-chinh.md');
    const draft = await readFile(draftFile, 'utf8');
    await writeFile(draftFile, draft.replace(/<!--[\s\S]*-->/, '| Nguồn thu | Năm 2029 |\n|---|---|\n| Ngân sách | 8.100 |'));
    const pdf = path.join(work, 'in', 'thu-chi.pdf');
    await writeFile(pdf, await readFile(path.join(DEMO, 'schools/mn-hoa-sen/media/tep/25-kh-mnhs-phong-chong-dich-benh.pdf')));

    const filled = await cli(
      'disclosure',
      '--school',
      'th-kim-dong',
      '--year',
      '2029-2030',
      '--item',
      'tai-chinh',
      '--file',
      pdf,
      '--publish',
      '--date',
      '2029-06-12',
    );
    expect(filled.stderr).toBe('');
    expect(filled.status).toBe(0);
    expect(filled.stdout).toContain('Đã điền vào bản nháp:');
    const text = await readFile(draftFile, 'utf8');
    expect(text).toContain('draft: false');
    expect(text).toContain('published: 2029-06-12');
    expect(text).toContain('file: media/tep/thu-chi.pdf');
    expect(text).toContain('| Ngân sách | 8.100 |');
    expect(await files2(yearDir)).not.toContain('tai-chinh-2.md');
    const { site, errors } = await load('th-kim-dong');
    expect(errors).toEqual([]);
    expect(site!.collections.disclosures.filter((d) => d.schoolYear === '2029-2030').map((d) => d.data.item)).toEqual(['tai-chinh']);

    // A second time, the item is published: nothing is replaced, and the message says what to do.
    const again = await cli(
      'disclosure',
      '--school',
      'th-kim-dong',
      '--year',
      '2029-2030',
      '--item',
      'tai-chinh',
      '--file',
      pdf,
      '--publish',
      '--slug',
      'thu-chi-khac',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Mục tai-chinh của năm học 2029-2030 đã được đăng trong');
    expect(again.stderr).toContain('ghi ngày cập nhật vào "updated"');
    expect(await readFile(draftFile, 'utf8')).toBe(text);
    expect(await files2(yearDir)).not.toContain('thu-chi-khac.md');
  });
});

const files2 = async (dir: string) => readdir(dir);

describe('attachments', () => {
  it('copies files under safe names (spaces, %, ../, NFD, upper case)', async () => {
    const pdf = await readFile(path.join(DEMO, 'schools/mn-hoa-sen/media/tep/25-kh-mnhs-phong-chong-dich-benh.pdf'));
    const nfdName = 'Kế hoạch 100% QUYẾT TOÁN.PDF'.normalize('NFD');
    await writeFile(path.join(work, nfdName), pdf);
    const r = await cli(
      'consultation',
      '--school',
      'th-kim-dong',
      '--title',
      'Góp ý',
      '--summary',
      'x',
      '--deadline',
      '2026-12-31',
      '--file',
      `in/../${nfdName}`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('media/tep/ke-hoach-100-quyet-toan.pdf');
    const { site, errors } = await load('th-kim-dong');
    expect(errors).toEqual([]);
    expect(site!.collections.consultations.find((x) => x.slug === 'gop-y')!.data.attachments[0]!.file).toBe(
      'media/tep/ke-hoach-100-quyet-toan.pdf',
    );
  });

  it('refuses a .pdf that is an executable or a web page, a Word file as annual report, and files over the limit', async () => {
    const elf = (await readFile(NODE)).subarray(0, 4096);
    await writeFile(path.join(work, 'ke-hoach.pdf'), elf);
    await writeFile(path.join(work, 'thong-bao.pdf'), '<!doctype html><html><body><script>alert(1)</script></body></html>');
    await writeFile(path.join(work, 'lon.pdf'), '%PDF-1.7\n');
    await truncate(path.join(work, 'lon.pdf'), 21 * 1024 * 1024);
    const base = [
      'document',
      '--school',
      'th-kim-dong',
      '--number',
      '9/KH',
      '--type',
      'ke-hoach',
      '--summary',
      'Kế hoạch',
      '--date',
      '2026-09-01',
      '--signer',
      'A',
    ];
    const [exe, html, big, word] = await Promise.all([
      cli(...base, '--file', 'ke-hoach.pdf'),
      cli(...base, '--file', 'thong-bao.pdf'),
      cli(...base, '--file', 'lon.pdf'),
      cli(
        'disclosure',
        '--school',
        'th-kim-dong',
        '--year',
        '2025-2026',
        '--item',
        'bao-cao-thuong-nien',
        '--file',
        'in/mau-don/don-xin-nghi-hoc.docx',
      ),
    ]);
    expect(exe.status).toBe(2);
    expect(exe.stderr).toContain('nội dung là elf');
    expect(html.status).toBe(2);
    expect(html.stderr).toContain('không nhận ra');
    expect(big.status).toBe(2);
    expect(big.stderr).toContain('vượt giới hạn 20 MB');
    expect(word.status).toBe(2);
    expect(word.stderr).toContain('Cần một trong: .pdf');
    // Nothing was written.
    const dir = school('th-kim-dong');
    expect((await readdir(path.join(dir, 'documents'))).some((f) => f.startsWith('9-kh'))).toBe(false);
    expect((await readdir(path.join(dir, 'media/tep'))).some((f) => /^(ke-hoach|thong-bao|lon)\.pdf$/.test(f))).toBe(false);
  });
});

describe('congtruong new school', () => {
  it('creates a school that validates and lacks only what a new school lacks', async () => {
    const r = await cli(
      'school',
      '--id',
      'th-an-phu',
      '--name',
      'Trường Tiểu học An Phú',
      '--level',
      'th',
      '--address',
      'Thôn 2, xã An Phú, tỉnh Bình Lâm',
      '--phone',
      '0201 3851 999',
      '--email',
      'vanphong@than-phu.songxanh.edu.vn',
      '--principal',
      'Nguyễn Văn An',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('content/schools/th-an-phu/pages/chuc-nang-nhiem-vu.md');
    const { site, errors } = await load('th-an-phu');
    expect(errors).toEqual([]);
    expect(site!.config).toMatchObject({
      domain: 'thanphu.songxanh.edu.vn',
      governingBody: { name: 'Phòng Giáo dục và Đào tạo huyện Sông Xanh' },
      levels: ['th'],
    });
    expect(site!.collections.pages.map((p) => p.data.kind).sort()).toEqual([
      'chuc-nang-nhiem-vu',
      'co-cau-to-chuc',
      'gioi-thieu',
      'lich-su',
      'lien-he',
    ]);

    const check = spawnSync(
      NODE,
      [BIN, 'check', '--content', content, '--school', 'th-an-phu', '--date', '2026-11-24', '--format', 'json'],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(check.stdout) as { sites: { results: { ruleId: string; status: string; severity: string }[] }[] };
    const failing = new Set(report.sites[0]!.results.filter((x) => x.status !== 'pass' && x.severity === 'error').map((x) => x.ruleId));
    for (const rule of ['ID-001', 'ID-002', 'SEC-001', 'SEC-002', 'SEC-003']) expect(failing.has(rule), rule).toBe(false);
    for (const rule of ['SEC-004', 'SEC-005', 'SEC-009', 'CK-001', 'CK-008']) expect(failing.has(rule), rule).toBe(true);

    const twice = await cli(
      'school',
      '--id',
      'th-an-phu',
      '--name',
      'x',
      '--level',
      'th',
      '--address',
      'x',
      '--phone',
      '0201 3851 999',
      '--email',
      'a@b.vn',
      '--principal',
      'x',
    );
    expect(twice.status).toBe(1);
    const badLevel = await cli(
      'school',
      '--id',
      'x',
      '--name',
      'x',
      '--level',
      'thcs,cap3',
      '--address',
      'x',
      '--phone',
      '0201 3851 999',
      '--email',
      'a@b.vn',
      '--principal',
      'x',
    );
    expect(badLevel.status).toBe(2);
    expect(badLevel.stderr).toContain('--level "cap3"');
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('in a terminal', () => {
  it('asks for missing values and creates the file', async () => {
    // `script` (Debian's bsdutils, an essential package) gives the command a pseudo-terminal.
    expect(hasScript, 'the `script` command (package bsdutils) is needed to play a terminal').toBe(true);
    // `script` gives the command a pseudo-terminal, as when a teacher types in a terminal window.
    const cmd = `${NODE} ${BIN} new form --school mn-hoa-sen --date 2026-11-24`;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    const answers: [string, string][] = [
      ['(--title)', 'Giấy xin phép đưa đón'],
      ['(--purpose)', 'Cha mẹ ủy quyền cho người khác đón trẻ.'],
      ['(--file)', 'in/mau-don/don-xin-nhap-hoc.docx'],
      ['(Enter', ''],
    ];
    let out = '';
    let next = 0;
    let from = 0;
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Answer each question once its prompt has appeared.
      while (next < answers.length && out.indexOf(answers[next]![0], from) >= 0) {
        from = out.indexOf(answers[next]![0], from) + 1;
        child.stdin.write(`${answers[next]![1]}\r`);
        next++;
      }
    });
    const status = await done;
    expect(out).toContain('Đã tạo:');
    expect(status).toBe(0);
    const { site, errors } = await load('mn-hoa-sen');
    expect(errors).toEqual([]);
    expect(site!.collections.forms.find((f) => f.slug === 'giay-xin-phep-dua-don')!.data).toMatchObject({
      purpose: 'Cha mẹ ủy quyền cho người khác đón trẻ.',
      files: [{ file: 'media/mau-don/don-xin-nhap-hoc.docx' }],
    });
  });
});
