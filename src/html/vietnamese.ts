/**
 * Vietnamese as people write it on school websites: with or without diacritics, abbreviations
 * of the governing bodies (GD&ĐT, GDĐT, GD-ĐT, PGD), phone numbers with parentheses, dots or
 * spaces, and addresses written without the word "Địa chỉ". Every matcher works on folded
 * text (`fold`: no diacritics, `đ` → `d`, lower case, single spaces) unless it says otherwise.
 */
import { fold } from '../util/slug.ts';

export { fold };

/** Text with its whitespace collapsed, for evidence. */
export const squash = (s: string, n = 160): string => s.replace(/\s+/g, ' ').trim().slice(0, n);

/** "giáo dục và đào tạo" and its abbreviations, folded: gd&dt, gd & dt, gddt, gd-dt, gd và đt. */
const GDDT = String.raw`(?:giao duc(?: (?:va|&) dao tao)?|gd ?(?:&|-|va|\/)? ?dt|gddt|gd)`;
/** A Phòng or Sở of education (the usual governing body of a school), folded. */
export const EDUCATION_OFFICE = new RegExp(
  String.raw`(?:^|[^a-z])(?:(?:phong|so) ${GDDT}|pgd ?&? ?dt|pgddt|sgd ?&? ?dt|sgddt|pgd|sgd)(?![a-z])`,
);
/** A people's committee or the ministry: the governing body of a Phòng/Sở, or of a school since 07/2025. */
export const SUPERIOR_BODY = /(?:^|[^a-z])(?:uy ban nhan dan|ubnd|bo giao duc|bo gd|phong van hoa)(?![a-z])/;
/** Words that name the unit itself in a header or footer. */
export const UNIT_NAME = /(?:^|[^a-z])(?:truong|mam non|nha tre|trung tam|so giao duc|so gd|phong giao duc|phong gd)(?![a-z])/;
/** The person responsible for the content (TT 32/2017 Điều 16). */
export const RESPONSIBLE = /chiu trach nhiem|trach nhiem noi dung|truong ban bien tap/;

const PHONE = /(?<![\d/])(?:\+84|\(\+?84\)|\(0\d{1,4}\)|0)[\s.\-\u00a0]*\d(?:[\s.\-\u00a0]*\d){7,10}(?![\d/])/g;

/** Phone numbers: 10 or 11 digits from a leading 0 (or +84), written with spaces, dots, dashes or a bracketed area code. */
export function findPhones(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/^\(?\+?84\)?/, '0').replace(/\D/g, '');
    if (digits.length >= 10 && digits.length <= 11 && digits.startsWith('0')) out.push(m[0].trim());
  }
  return out;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase().replace(/\.$/, ''));
}

const PLACE =
  /(?:^|[^a-z])(?:so nha|so \d+|duong|pho|ap|thon|xom|ban|to dan pho|khu pho|xa|phuong|p\.|thi tran|thi xa|quan|q\.|huyen|h\.|tinh|thanh pho|tp\.?)(?![a-z])/g;
/** An address: "Địa chỉ", or at least two places of the administrative hierarchy ("ấp Lò Vôi, xã Phước Hưng"). */
export function hasAddress(folded: string): boolean {
  if (/dia chi|tru so/.test(folded)) return true;
  return new Set([...folded.matchAll(PLACE)].map((m) => m[0].trim())).size >= 2;
}

/** Titles of school and office leaders, folded. */
export const LEADER_TITLE = /(?:^|[^a-z])(?:pho )?(?:hieu truong|giam doc|truong phong|chu tich)(?![a-z])/;

const LABEL_WORDS =
  /^(?:ho (?:va )?ten|chuc vu|dien thoai|email|e-mail|thu dien tu|dia chi|nhiem vu|stt|so dien thoai|di dong|fax|website|ghi chu)$/;
/** A personal name: 2 to 6 capitalised words, none of them a label such as "Điện thoại". */
export function isPersonName(s: string): boolean {
  const t = s.trim().replace(/^(?:ông|bà|thầy|cô|đ\/c|đồng chí)\s+/i, '');
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (LABEL_WORDS.test(fold(t)) || LEADER_TITLE.test(fold(t))) return false;
  return words.every((w) => /^\p{Lu}[\p{L}]*$/u.test(w));
}
