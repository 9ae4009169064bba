/** Texts of `congtruong new`, Vietnamese first. Commands are shown as teachers type them. */
import type { Lang } from '../errors/content-errors.ts';
import { formatDateVi } from '../util/dates.ts';
import { disclosureDeadline, disclosureInstrument } from '../compliance/school-years.ts';
import { ENTRY_KINDS } from './entries.ts';
import type { FlagSpec } from './flags.ts';

const CMD = 'npm run congtruong --';

interface NewText {
  usage: string;
  kindHelp: (kind: string, flags: readonly FlagSpec[]) => string;
  schools: string;
  created: string;
  filled: string;
  reused: string;
  skipped: string;
  nothingToDo: string;
  next: string;
  nextEntry: (school: string, file: string, content: string, disclosureDraft: boolean, newsDraft: boolean, address: string) => string[];
  nextDisclosures: (school: string, year: string, total: number, content: string) => string[];
  nextSchool: (school: string, content: string) => string[];
}

const kinds = (lang: Lang) =>
  [
    `  school        ${lang === 'vi' ? 'trường mới: school.yaml và các trang bắt buộc' : 'a new school: school.yaml and the mandatory pages'}`,
  ]
    .concat(Object.entries(ENTRY_KINDS).map(([name, k]) => `  ${name.padEnd(13)} ${k.about[lang]}`))
    .join('\n');

const flagRows = (flags: readonly FlagSpec[], lang: Lang) =>
  flags
    .map((f) => {
      const left = `  --${f.name}${f.boolean ? '' : ` ${f.example || '…'}`}`;
      const choices = f.choices ? ` [${f.choices.join(', ')}]` : '';
      const hint = f.hint ? `\n      ${f.required ? '  ' : ''}${f.hint[lang]}` : '';
      return `${left}\n      ${f.required ? '* ' : ''}${f.label[lang]}${choices}${f.multiple ? (lang === 'vi' ? ' (lặp lại được)' : ' (repeatable)') : ''}${hint}`;
    })
    .join('\n');

const USAGE_VI = `Cách dùng: ${CMD} new <loại> [tùy chọn]

Tạo tệp nội dung đúng tên, đúng mẫu. Thiếu thông tin bắt buộc thì lệnh hỏi (khi chạy trong
cửa sổ dòng lệnh). Không bao giờ ghi đè tệp đã có.

Loại:
${kinds('vi')}

Tùy chọn chung:
  --school MÃ         Trường (tên thư mục trong content/schools/)
  --content THƯ_MỤC   Thư mục nội dung (mặc định: content)
  --slug TÊN          Đặt tên tệp thay cho tên tạo từ tiêu đề
  --lang vi|en        Ngôn ngữ thông báo
  -h, --help          Hướng dẫn; "new news --help" liệt kê tùy chọn của từng loại

Ví dụ:
  ${CMD} new news --school thcs-le-loi --title "Lễ khai giảng năm học 2026-2027"
  ${CMD} new disclosure --school thcs-le-loi --year 2025-2026
  ${CMD} new form --school thcs-le-loi --title "Đơn xin nghỉ học" --purpose "…" --file "Đơn xin nghỉ học.docx"`;

const USAGE_EN = `Usage: ${CMD} new <kind> [options]

Creates correctly named content files. Missing required values are asked for in a terminal.
Existing files are never overwritten.

Kinds:
${kinds('en')}

Common options:
  --school ID     School (folder name in content/schools/)
  --content DIR   Content folder (default: content)
  --slug NAME     File name instead of the one made from the title
  --lang vi|en    Language of messages
  -h, --help      Help; "new news --help" lists the options of a kind

Examples:
  ${CMD} new news --school thcs-le-loi --title "Lễ khai giảng năm học 2026-2027"
  ${CMD} new disclosure --school thcs-le-loi --year 2025-2026`;

const deadlineLine = (year: string, lang: Lang) =>
  disclosureInstrument(year) === 'tt09-2024'
    ? lang === 'vi'
      ? `Hạn công khai năm học ${year}: trước ngày ${formatDateVi(disclosureDeadline(year))} (TT 09/2024/TT-BGDĐT Điều 15 khoản 1).`
      : `Deadline for ${year}: before ${formatDateVi(disclosureDeadline(year))} (TT 09/2024/TT-BGDĐT Điều 15 khoản 1).`
    : lang === 'vi'
      ? `Năm học ${year} theo TT 36/2017/TT-BGDĐT (đã được thay thế): chỉ để lưu trữ.`
      : `School year ${year} followed TT 36/2017/TT-BGDĐT (replaced): for the archive only.`;

export const NEW_TEXT: Record<Lang, NewText> = {
  vi: {
    usage: USAGE_VI,
    kindHelp: (kind, flags) =>
      `Cách dùng: ${CMD} new ${kind} [tùy chọn]   (* bắt buộc)\n\n${flagRows(flags, 'vi')}\n  --slug TÊN\n      Đặt tên tệp thay cho tên tạo từ tiêu đề\n  --content THƯ_MỤC\n      Thư mục nội dung (mặc định: content)`,
    schools: 'Các trường',
    created: 'Đã tạo',
    filled: 'Đã điền vào bản nháp',
    reused: 'Tệp đính kèm đã có sẵn (cùng nội dung), dùng lại',
    skipped: 'Đã có, giữ nguyên',
    nothingToDo: 'Không có gì mới để tạo.',
    next: 'Bước tiếp theo',
    nextEntry: (school, file, content, disclosureDraft, newsDraft, address) => [
      `Mở ${file} và viết nội dung bên dưới dòng "---" thứ hai.`,
      ...(disclosureDraft ? ['Đây là bản nháp (draft: true): khi đăng, xóa dòng đó và sửa "published" thành ngày đăng thật.'] : []),
      ...(newsDraft ? ['Tin đang là bản nháp: đổi "draft: true" thành "draft: false" để đăng.'] : []),
      `Xem trước: ${CMD} dev ${school}${content}   (mở http://localhost:4321${address})`,
      `Kiểm tra: ${CMD} validate --school ${school}${content}`,
    ],
    nextDisclosures: (school, year, total, content) => [
      `Năm học ${year}: ${total} mục cần công khai. Các tệp mới là bản nháp (draft: true), chưa hiện trên trang.`,
      'Với mỗi tệp: viết nội dung hoặc đính kèm tệp PDF/Excel, xóa dòng "draft: true", sửa "published" thành ngày đăng.',
      deadlineLine(year, 'vi'),
      `Xem còn thiếu gì: ${CMD} check --school ${school}${content}`,
    ],
    nextSchool: (school, content) => [
      `Sửa content/schools/${school}/school.yaml: thêm Phó Hiệu trưởng vào leaders, logo, mô tả.`,
      `Viết các trang trong content/schools/${school}/pages/ (chỗ ghi "Nội dung đang được cập nhật").`,
      `Kiểm tra: ${CMD} validate --school ${school}${content}`,
      `Xem còn thiếu gì theo quy định: ${CMD} check --school ${school}${content}`,
      `Tạo công khai của năm học: ${CMD} new disclosure --school ${school} --year NĂM-HỌC${content}`,
    ],
  },
  en: {
    usage: USAGE_EN,
    kindHelp: (kind, flags) =>
      `Usage: ${CMD} new ${kind} [options]   (* required)\n\n${flagRows(flags, 'en')}\n  --slug NAME\n      File name instead of the one made from the title\n  --content DIR\n      Content folder (default: content)`,
    schools: 'Schools',
    created: 'Created',
    filled: 'Filled in the draft',
    reused: 'Attachment already present (same content), reused',
    skipped: 'Already present, left as is',
    nothingToDo: 'Nothing new to create.',
    next: 'Next steps',
    nextEntry: (school, file, content, disclosureDraft, newsDraft, address) => [
      `Open ${file} and write the text below the second "---" line.`,
      ...(disclosureDraft ? ['This is a draft (draft: true): to publish, delete that line and set "published" to the real date.'] : []),
      ...(newsDraft ? ['The news item is a draft: change "draft: true" to "draft: false" to publish it.'] : []),
      `Preview: ${CMD} dev ${school}${content}   (open http://localhost:4321${address})`,
      `Validate: ${CMD} validate --school ${school}${content}`,
    ],
    nextDisclosures: (school, year, total, content) => [
      `School year ${year}: ${total} items to disclose. New files are drafts (draft: true), not shown on the site.`,
      'For each file: write the content or attach a PDF/Excel file, delete "draft: true", set "published" to the publication date.',
      deadlineLine(year, 'en'),
      `What is still missing: ${CMD} check --school ${school}${content}`,
    ],
    nextSchool: (school, content) => [
      `Edit content/schools/${school}/school.yaml: add the deputy heads to leaders, a logo, a description.`,
      `Write the pages in content/schools/${school}/pages/ (where it says "Nội dung đang được cập nhật").`,
      `Validate: ${CMD} validate --school ${school}${content}`,
      `What the rules still miss: ${CMD} check --school ${school}${content}`,
      `Create the disclosures of a school year: ${CMD} new disclosure --school ${school} --year YYYY-YYYY${content}`,
    ],
  },
};
