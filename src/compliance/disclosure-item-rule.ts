/**
 * The shape shared by the rules CK-001 … CK-007: one công khai item of TT 09/2024/TT-BGDĐT,
 * due for the latest school year whose 30 June deadline has passed (Điều 15 k1 a).
 */
import { DISCLOSURE_ITEMS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import { defineRule, type Rule, type Verification } from './rule.ts';
import { disclosureDeadline, disclosureInstrument, latestDueSchoolYear } from './school-years.ts';

export function disclosureItemRule(id: string, item: DisclosureItemId, verification: Verification): Rule {
  const meta = DISCLOSURE_ITEMS[item];
  return defineRule({
    id,
    title: { vi: `Công khai: ${meta.title}`, en: `Disclosure: ${meta.titleEn}` },
    citations: [
      { ref: 'tt09-2024', article: meta.basis },
      { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' },
    ],
    levels: meta.levels,
    verification,
    inputs: ['source', 'html'],
    messages: {
      missing: {
        vi: `Năm học {year} chưa công khai "${meta.title}" (hạn {deadline}).`,
        en: `School year {year} has no "${meta.titleEn}" disclosure (due {deadline}).`,
      },
      late: {
        vi: `"${meta.title}" năm học {year} đăng ngày {published}, sau hạn {deadline}.`,
        en: `"${meta.titleEn}" for {year} was published on {published}, after {deadline}.`,
      },
    },
    description: {
      vi: `Theo TT 09/2024/TT-BGDĐT (${meta.basis}), nội dung "${meta.title}" được công khai trên cổng thông tin trước ngày 30/6 hằng năm và cập nhật chậm nhất 10 ngày làm việc sau khi có thay đổi. Tạo tệp disclosures/<năm-học>/${item}.md với \`item: ${item}\`, ngày đăng \`published\` và tệp đính kèm.`,
      en: `Under TT 09/2024/TT-BGDĐT (${meta.basis}), "${meta.titleEn}" is published on the portal before 30 June each year and updated within 10 working days of a change. Create disclosures/<school-year>/${item}.md with \`item: ${item}\`, a \`published\` date and attachments.`,
    },
    check({ facts, date, report }) {
      const year = latestDueSchoolYear(date);
      if (disclosureInstrument(year) !== 'tt09-2024') return;
      const deadline = disclosureDeadline(year);
      const found = facts.disclosures.filter((d) => d.schoolYear === year && d.item === item);
      if (found.length === 0) return report('missing', { year, deadline });
      for (const d of found) {
        if (d.published && d.published > deadline) report('late', { year, deadline, published: d.published }, d.evidence);
      }
    },
  });
}
