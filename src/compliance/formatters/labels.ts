/** Shared wording of the formatters. */
import type { Lang } from '../../errors/content-errors.ts';
import type { Verification } from '../rule.ts';

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
