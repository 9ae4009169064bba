/**
 * Công khai drafts. `congtruong new disclosure --year 2025-2026` writes one draft per item that
 * the school's levels must publish for that year, under the instrument in force for it
 * (`src/compliance/school-years.ts`: TT 09/2024/TT-BGDĐT from 2024-2025, TT 36/2017 before),
 * from the catalogue in `src/schemas/disclosure-items.ts`. Deadlines and bases come from those
 * two files only.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CITATIONS } from '../compliance/citations.ts';
import { disclosureDeadline, disclosureInstrument, requiredItems, startYear } from '../compliance/school-years.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import { parseYaml } from '../content/yaml-source.ts';
import { DISCLOSURE_ITEMS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import type { Level } from '../schemas/level.ts';
import { formatDateVi } from '../util/dates.ts';
import type { SchoolContext } from './flags.ts';
import { attachmentList, type AttachmentRef, type YamlLine } from './front-matter.ts';

/** The items a school of these levels publishes for a school year, annual report included. */
export function itemsForYear(schoolYear: string, levels: readonly Level[]): DisclosureItemId[] {
  const instrument = disclosureInstrument(schoolYear);
  const items = requiredItems(instrument, levels);
  // The annual report of calendar year Y is filed with school year Y-(Y+1) (rule CK-008).
  if (instrument === 'tt09-2024') items.push('bao-cao-thuong-nien');
  return items;
}

/** Items already present in `disclosures/<year>/`, whatever their file names: item → file. */
export async function existingItems(yearDir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const names = await readdir(yearDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
    const split = splitFrontMatter(await readFile(path.join(yearDir, name), 'utf8'));
    const y = split && parseYaml(split.yaml, name);
    const item = y && y.ok ? (y.data as { item?: unknown } | null)?.item : undefined;
    // A file named after an item counts even when its front matter is broken (validate says why).
    const key = typeof item === 'string' ? item : name.slice(0, -3);
    if (!found.has(key)) found.set(key, name);
  }
  return found;
}

export interface DisclosureOptions {
  title?: string | undefined;
  published: string;
  draft: boolean;
  reportYear?: string | undefined;
  refs?: readonly AttachmentRef[];
  today: string;
}

export function disclosureLines(item: DisclosureItemId, schoolYear: string, o: DisclosureOptions): YamlLine[] {
  const meta = DISCLOSURE_ITEMS[item];
  const annual = item === 'bao-cao-thuong-nien';
  const reportYear = annual ? Number(o.reportYear ?? startYear(schoolYear)) : undefined;
  const title = o.title ?? (annual ? `Báo cáo thường niên năm ${reportYear}` : undefined);
  return [
    { key: 'item', value: item },
    title ? { key: 'title', value: title } : { hint: 'title', example: meta.title, note: 'mặc định là tên mục trong danh mục' },
    ...(o.draft
      ? [
          {
            comment:
              'BẢN NHÁP: chưa hiện trên trang và chưa được tính là đã công khai.\nKhi đăng: xóa dòng "draft: true" và sửa "published" thành ngày đăng thật.',
          },
        ]
      : []),
    { key: 'published', value: o.published },
    { hint: 'updated', example: 'YYYY-MM-DD', note: 'ngày cập nhật, chậm nhất 10 ngày làm việc sau khi có thay đổi' },
    { hint: 'changed', example: 'YYYY-MM-DD', note: 'ngày thông tin thay đổi (khi cập nhật)' },
    { hint: 'officialInfo', example: 'YYYY-MM-DD', note: 'ngày có thông tin chính thức, nếu đến 30/6 chưa có' },
    annual
      ? { key: 'reportYear', value: reportYear }
      : { hint: 'reportYear', example: String(startYear(schoolYear)), note: 'chỉ dùng cho báo cáo thường niên' },
    { key: 'attachments', value: attachmentList(title ?? meta.title, o.refs ?? []) },
    ...(annual && (o.refs ?? []).length === 0
      ? [
          {
            comment:
              'Báo cáo thường niên phải có tệp PDF (quy tắc CK-008), ví dụ:\nattachments:\n  - file: media/tep/bao-cao-thuong-nien.pdf\n    title: Báo cáo thường niên (PDF)',
          },
        ]
      : []),
    { key: 'draft', value: o.draft },
  ];
}

/** The body of a new item: what it is, its basis and deadline, as a hint the site does not show. */
export function disclosureBody(item: DisclosureItemId, schoolYear: string, ctx: SchoolContext, draft: boolean): string {
  const meta = DISCLOSURE_ITEMS[item];
  const instrument = CITATIONS[meta.instrument].number;
  const lines = [
    `${draft ? 'Bản nháp' : 'Tệp'} do \`congtruong new disclosure\` tạo ngày ${formatDateVi(ctx.today)}.`,
    `Mục: ${meta.title}. Căn cứ: Thông tư ${instrument}, ${meta.basis}.`,
  ];
  if (meta.instrument === 'tt09-2024') {
    const clause = item === 'bao-cao-thuong-nien' ? 'điểm b' : 'điểm a';
    lines.push(
      `Hạn công khai năm học ${schoolYear}: trước ngày ${formatDateVi(disclosureDeadline(schoolYear))} (Thông tư ${instrument}, Điều 15 khoản 1 ${clause}).`,
    );
  } else {
    lines.push(
      `Năm học ${schoolYear} công khai theo Thông tư ${instrument} (đã được thay thế); danh mục này chỉ để lưu trữ, cần đối chiếu văn bản.`,
    );
  }
  if (meta.verified === 'from-memory' || meta.verified === 'secondary') {
    lines.push('Nội dung chi tiết của mục này chưa được đối chiếu đầy đủ với văn bản gốc: xem văn bản và hướng dẫn của Sở/Phòng.');
  }
  lines.push('Viết nội dung (bảng số liệu) bên dưới và/hoặc đính kèm tệp PDF, Excel ở mục attachments.');
  return `<!--\n${lines.join('\n')}\nPhần hướng dẫn này không hiện trên trang; có thể xóa.\n-->`;
}
