import { defineRule, ALL_LEVELS } from '../rule.ts';

/** 12-digit citizen ID (CCCD), not part of a longer number. */
const CCCD = /(?<![\d.])(0\d{11})(?![\d.])/;
/**
 * A personal name (2–5 capitalised words, starting at a word boundary and not a weekday such as
 * "Thứ Hai") followed closely by a date at least three years old: a date of birth, not an event.
 */
const NAME = '(?<![\\p{L}])(?!Thứ )[A-ZÀ-ỸĐ][a-zà-ỹđ]+(?: [A-ZÀ-ỸĐ][a-zà-ỹđ]+){1,4}';
const NAME_WITH_BIRTHDATE = new RegExp(`${NAME}[^\\n\\d]{0,20}\\b\\d{1,2}/\\d{1,2}/((?:19|20)\\d{2})\\b`, 'gu');
const PHONE = /(?<!\d)(0|\+84)\d{9}(?!\d)/;
const PUPIL_WORDS = /\b(học sinh|em|cháu|trẻ)\b/i;

export default defineRule({
  id: 'PRIV-001',
  title: { vi: 'Dữ liệu cá nhân của học sinh trên trang công khai', en: "Pupils' personal data in public content" },
  // NĐ 13/2023 until 31/12/2025; from 1/1/2026 Luật 91/2025/QH15, Điều 24 (research notes §8.4).
  citations: [{ ref: 'nd13-2023', articles: { 'luat91-2025': 'Điều 24' } }],
  levels: ALL_LEVELS,
  verification: 'unverified',
  inputs: ['source', 'html'],
  messages: {
    cccd: { vi: 'Có số giống số căn cước công dân: {found}.', en: 'Something looks like a citizen ID number: {found}.' },
    birthdates: { vi: 'Có danh sách {count} họ tên kèm ngày sinh.', en: 'A list of {count} names with dates of birth.' },
    phone: { vi: 'Có số điện thoại bên cạnh tên học sinh: {found}.', en: 'A phone number next to a pupil name: {found}.' },
  },
  description: {
    vi: 'Nội dung công khai không nên chứa dữ liệu cá nhân của học sinh (số căn cước, số điện thoại, danh sách họ tên kèm ngày sinh). Dùng mã hồ sơ hoặc chỉ ghi tên và lớp, hoặc gửi riêng cho cha mẹ học sinh. Căn cứ: Nghị định 13/2023/NĐ-CP đến hết 31/12/2025; từ 1/1/2026 Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Điều 24: công bố dữ liệu cá nhân của trẻ từ đủ 7 tuổi cần sự đồng ý của trẻ và của người đại diện theo pháp luật (chưa đối chiếu văn bản gốc).',
    en: "Public content should not carry pupils' personal data (ID numbers, phone numbers, names with dates of birth). Use file codes or only name and class, or send the list privately to parents. Basis: Decree 13/2023 until 31/12/2025; from 1/1/2026 the Law on Personal Data Protection 91/2025/QH15, Article 24: publishing personal data of a child aged 7 or more needs the consent of the child and of the legal representative (not checked against the official text).",
  },
  check({ facts, date, report }) {
    const thisYear = Number(date.slice(0, 4));
    for (const { text, evidence } of facts.texts) {
      const id = CCCD.exec(text);
      if (id) report('cccd', { found: `${id[1]!.slice(0, 3)}…${id[1]!.slice(-2)}` }, evidence);
      const births = [...text.matchAll(NAME_WITH_BIRTHDATE)].filter((m) => Number(m[1]) <= thisYear - 3);
      if (births.length >= 3) report('birthdates', { count: births.length }, evidence);
      for (const line of text.split(/(?<=[.;\n])/)) {
        const phone = PHONE.exec(line);
        if (phone && PUPIL_WORDS.test(line) && new RegExp(NAME, 'u').test(line)) {
          report('phone', { found: `${phone[0].slice(0, 4)}…` }, evidence);
          break;
        }
      }
    }
  },
});
