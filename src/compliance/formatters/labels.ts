/** Shared wording of the formatters. */
import type { Lang } from '../../errors/content-errors.ts';
import type { Verification } from '../rule.ts';
import type { RuleMeta } from '../report.ts';

const NOTES: Record<Verification, { vi: string; en: string }> = {
  verified: { vi: '[căn cứ đã đối chiếu văn bản]', en: '[basis verified in the text]' },
  partial: { vi: '[căn cứ mới đối chiếu một phần]', en: '[basis partly verified]' },
  unverified: { vi: '[căn cứ chưa xác minh, chỉ tham khảo]', en: '[basis not verified, for reference]' },
  'local-practice': { vi: '[thực tiễn đánh giá của Sở, không phải quy định]', en: '[Sở evaluation practice, not a legal duty]' },
};

/** Says how firmly a rule's legal basis is verified. */
export function verificationNote(v: Verification, lang: Lang): string {
  return NOTES[v][lang];
}

/**
 * One sentence for users who still say "Thông tư 53" (research notes §8.5), printed by the text
 * report and the help of `check`.
 */
export const TT53_NOTE = {
  vi: '"Thông tư 53" (TT 53/2012) hết hiệu lực từ 20/11/2020: cổng thông tin nay theo TT 37/2020, nội dung công khai theo TT 09/2024 (từ 19/7/2024).',
  en: '"Circular 53" (TT 53/2012) ended on 20/11/2020: portals now follow TT 37/2020, and disclosures TT 09/2024 (since 19/7/2024).',
} as const;

/** "09/2024/TT-BGDĐT, Điều 14", with what a successor replaces or that a text is history. */
export function citationLabel(c: RuleMeta['citations'][number], lang: Lang): string {
  const main = c.article ? `${c.number}, ${c.article}` : c.number;
  if (c.historical) return `${main} (${lang === 'vi' ? 'đã hết hiệu lực, nêu để đối chiếu' : 'no longer in force, for reference'})`;
  if (c.replaces) {
    const old = c.replaces.article ? `${c.replaces.number}, ${c.replaces.article}` : c.replaces.number;
    return `${main} (${lang === 'vi' ? 'thay thế' : 'replacing'} ${old})`;
  }
  return main;
}
