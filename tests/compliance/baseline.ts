/**
 * A site that passes every rule on 2026-11-23: each rule test breaks one thing in a copy.
 */
import type { PageFacts, SiteFacts } from '../../src/site/facts.ts';
import { SECTION_KEYS } from '../../src/site/facts.ts';
import type { Level } from '../../src/schemas/level.ts';

export const DATE = '2026-11-23';
const TT09 = ['thong-tin-chung', 'tai-chinh', 'doi-ngu', 'co-so-vat-chat', 'kiem-dinh', 'ke-hoach', 'ket-qua'] as const;

export function page(url: string, over: Partial<PageFacts> = {}): PageFacts {
  return {
    url,
    charset: 'utf-8',
    lang: 'vi',
    viewport: true,
    dublinCore: ['title', 'creator', 'date', 'description', 'publisher', 'identifier', 'language'],
    imagesWithoutAlt: 0,
    h1Count: 1,
    tablesWithoutHeaders: 0,
    rssLinked: true,
    printStylesheet: true,
    nfc: true,
    isContentPage: true,
    ...over,
  };
}

export function baseline(levels: Level[] = ['thcs'], input: 'source' | 'html' = 'source'): SiteFacts {
  const years = ['2021-2022', '2022-2023', '2023-2024', '2024-2025', '2025-2026'];
  const disclosures: SiteFacts['disclosures'] = [];
  for (const y of years) {
    const start = Number(y.slice(0, 4));
    const items =
      start >= 2024
        ? TT09
        : (['cam-ket-chat-luong', 'chat-luong-thuc-te', 'co-so-vat-chat-tt36', 'doi-ngu-tt36', 'tai-chinh-tt36'] as const);
    for (const item of items)
      disclosures.push({
        schoolYear: y,
        item,
        published: `${start + 1}-06-10`,
        attachmentTypes: ['pdf'],
        evidence: { file: `${y}/${item}.md` },
      });
    disclosures.push({
      schoolYear: y,
      item: 'bao-cao-thuong-nien',
      reportYear: start,
      published: `${start + 1}-06-15`,
      attachmentTypes: ['pdf'],
      evidence: {},
    });
  }
  const news = Array.from({ length: 45 }, (_, i) => ({
    title: `Tin ${i}`,
    published: i < 40 ? `2026-0${1 + (i % 5)}-${String(1 + (i % 27)).padStart(2, '0')}` : `2026-11-${String(10 + i - 40).padStart(2, '0')}`,
    evidence: {},
  }));
  return {
    id: 'truong-mau',
    input,
    name: 'Trường Trung học cơ sở Mẫu',
    levels,
    domain: 'thcsmau.songxanh.edu.vn',
    hasMeals: true,
    emails: ['vanphong@thcsmau.songxanh.edu.vn'],
    governingBody: { name: 'Phòng Giáo dục và Đào tạo', url: 'https://songxanh.edu.vn' },
    header: { name: true, governingBody: true, evidence: {} },
    footer: { unitName: true, responsiblePerson: true, address: true, phone: true, email: true, evidence: {} },
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, { text: k }])),
    leaders: [
      {
        name: 'Nguyễn Văn A',
        title: 'Hiệu trưởng',
        phone: '0912 000 000',
        email: 'a@thcsmau.songxanh.edu.vn',
        duties: 'Phụ trách chung',
        evidence: {},
      },
    ],
    news,
    documents: [{ title: 'Kế hoạch', number: '1/KH', published: '2026-09-01', hasFile: true, evidence: {} }],
    disclosures,
    schedules: [
      { kind: 'lich-cong-tac', from: '2026-11-23', to: '2026-11-29', published: '2026-11-21', evidence: {} },
      { kind: 'ke-hoach-thang', from: '2026-11-01', to: '2026-11-30', published: '2026-10-20', evidence: {} },
      { kind: 'ke-hoach-tuan', from: '2026-11-23', to: '2026-11-27', published: '2026-11-20', evidence: {} },
      { kind: 'ke-hoach-ngay', from: '2026-11-23', to: '2026-11-27', published: '2026-11-20', evidence: {} },
      { kind: 'thuc-don', from: '2026-11-23', to: '2026-11-27', published: '2026-11-20', evidence: {} },
    ],
    forms: [{ title: 'Đơn xin nghỉ học', evidence: {} }],
    admissions: [
      {
        title: 'Thông báo tuyển sinh',
        schoolYear: '2026-2027',
        kind: 'thong-bao',
        published: '2026-05-15',
        details: ['doiTuong', 'chiTieu', 'hinhThuc', 'dieuKien', 'hoSo', 'thoiGian', 'diaDiem'],
        registrationUrl: 'https://tuyensinh.example.edu.vn/',
        evidence: {},
      },
    ],
    consultations: [],
    texts: [{ text: 'Nhà trường tổ chức lễ khai giảng ngày 05/09/2026.', evidence: {} }],
    technical: {
      https: true,
      sitemapXml: true,
      rssFeeds: ['https://thcsmau.songxanh.edu.vn/rss.xml'],
      pages: [page('https://thcsmau.songxanh.edu.vn/')],
    },
  };
}
