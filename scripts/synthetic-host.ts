/**
 * Generates a synthetic host for benchmarks: N schools × M Vietnamese news items, plus pages,
 * văn bản and công khai items. Deterministic: the same arguments give the same files.
 *
 * Usage: node scripts/synthetic-host.ts <out-dir> [--schools N] [--news M]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const SENTENCES = [
  'Nhà trường tổ chức hoạt động trải nghiệm cho học sinh các khối lớp.',
  'Đoàn viên, đội viên tích cực tham gia phong trào đền ơn đáp nghĩa.',
  'Giáo viên tham dự chuyên đề đổi mới phương pháp dạy học môn Toán.',
  'Ban đại diện cha mẹ học sinh họp bàn kế hoạch phối hợp giáo dục.',
  'Học sinh được hướng dẫn kỹ năng an toàn giao thông trên đường đến trường.',
  'Thư viện nhà trường bổ sung đầu sách mới phục vụ bạn đọc.',
  'Hội thi giáo viên dạy giỏi cấp trường diễn ra sôi nổi, nghiêm túc.',
  'Công tác đảm bảo vệ sinh an toàn thực phẩm được kiểm tra định kỳ.',
];
const MINIMAL_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

export async function generateSyntheticHost(out: string, schools: number, news: number): Promise<void> {
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'schools'), { recursive: true });
  await writeFile(
    path.join(out, 'host.yaml'),
    `name: Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm\nkind: so-gddt\ndomain: thunghiem.edu.vn\ngoverningBody:\n  name: Ủy ban nhân dân tỉnh Thử Nghiệm\naddress: 1 Đường Lớn\nphone: "0200 3000 000"\nemail: sgddt@thunghiem.edu.vn\nresponsiblePerson:\n  name: Nguyễn Văn Sở\n  title: Giám đốc\n`,
  );
  for (let s = 1; s <= schools; s++) {
    const id = `truong-${String(s).padStart(4, '0')}`;
    const dir = path.join(out, 'schools', id);
    for (const sub of ['news', 'pages', 'documents', 'disclosures/2025-2026', 'media/tep'])
      await mkdir(path.join(dir, sub), { recursive: true });
    await writeFile(
      path.join(dir, 'school.yaml'),
      `name: Trường Trung học cơ sở Số ${s}\nlevels: [thcs]\ndomain: ${id}.thunghiem.edu.vn\ngoverningBody:\n  name: Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm\naddress: Số ${s} Đường Trường Học\nphone: "0200 3${String(s).padStart(3, '0')} 000"\nemail: ${id}@thunghiem.edu.vn\nresponsiblePerson:\n  name: Lê Văn Hiệu\n  title: Hiệu trưởng\nleaders:\n  - name: Lê Văn Hiệu\n    title: Hiệu trưởng\n    phone: "0912 000 000"\n    email: hieutruong@${id}.thunghiem.edu.vn\n    duties: Phụ trách chung.\n`,
    );
    await writeFile(path.join(dir, 'media/tep/van-ban.pdf'), MINIMAL_PDF);
    await writeFile(path.join(dir, 'pages/gioi-thieu.md'), `---\ntitle: Giới thiệu\nkind: gioi-thieu\n---\n${SENTENCES.join(' ')}\n`);
    await writeFile(path.join(dir, 'pages/lien-he.md'), `---\ntitle: Liên hệ\nkind: lien-he\n---\nLiên hệ văn phòng nhà trường.\n`);
    for (let d = 1; d <= 5; d++) {
      await writeFile(
        path.join(dir, `documents/van-ban-${d}.md`),
        `---\nnumber: ${d}/QĐ-T${s}\ntype: quyet-dinh\nsummary: Quyết định số ${d} về công tác chuyên môn\nissued: 2026-09-${String(d + 1).padStart(2, '0')}\nissuer: Trường THCS Số ${s}\nsigner: Lê Văn Hiệu\nfile: media/tep/van-ban.pdf\n---\n`,
      );
    }
    for (const item of ['thong-tin-chung', 'tai-chinh', 'doi-ngu', 'co-so-vat-chat', 'kiem-dinh', 'ke-hoach', 'ket-qua']) {
      await writeFile(
        path.join(dir, `disclosures/2025-2026/${item}.md`),
        `---\nitem: ${item}\npublished: 2026-06-10\n---\n${SENTENCES[0]}\n`,
      );
    }
    for (let n = 1; n <= news; n++) {
      const day = 1 + (n % 28);
      const month = 9 + (n % 3);
      const body = Array.from({ length: 6 }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]).join(' ');
      await writeFile(
        path.join(dir, `news/tin-${String(n).padStart(4, '0')}.md`),
        `---\ntitle: Tin hoạt động số ${n} của trường số ${s}\ndate: 2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}\ncategory: ${['tin-tuc', 'thong-bao', 'su-kien', 'hoat-dong'][n % 4]}\n---\n## Nội dung\n\n${body}\n\n${body}\n`,
      );
    }
  }
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { schools: { type: 'string', default: '10' }, news: { type: 'string', default: '50' } },
  });
  await generateSyntheticHost(positionals[0] ?? 'tmp/synthetic', Number(values.schools), Number(values.news));
}
