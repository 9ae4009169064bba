/**
 * The shape shared by the rules CK-001 … CK-007 and CK-014: one công khai item of TT
 * 09/2024/TT-BGDĐT, due for the latest school year whose deadline has passed: "trước ngày 30
 * tháng 6 hằng năm" (Điều 15 k1 a), so the last day on time is 29 June. A school year whose last
 * day fell before TT 09/2024 was in force is judged under TT 36/2017 (CK-013), not here.
 */
import { DISCLOSURE_ITEMS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import { deadlineArgs, vnDate } from './calendar.ts';
import { dutyInstrument } from './duties.ts';
import { defineRule, type Rule, type Verification } from './rule.ts';
import { disclosureDue, latestDueSchoolYear } from './school-years.ts';

export function disclosureItemRule(id: string, item: DisclosureItemId, verification: Verification): Rule {
  const meta: (typeof DISCLOSURE_ITEMS)[DisclosureItemId] & { when?: 'foreignPrograms' } = DISCLOSURE_ITEMS[item];
  const condition = meta.when
    ? {
        vi: ` Chỉ áp dụng khi school.yaml có \`${meta.when}: true\`.`,
        en: ` Applies only when school.yaml has \`${meta.when}: true\`.`,
      }
    : { vi: '', en: '' };
  return defineRule({
    id,
    title: { vi: `Công khai: ${meta.title}`, en: `Disclosure: ${meta.titleEn}` },
    citations: [
      { ref: 'tt09-2024', article: meta.basis },
      { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' },
    ],
    levels: meta.levels,
    verification,
    duty: 'cong-khai-nam-hoc',
    inputs: ['source', 'html'],
    messages: {
      missing: {
        vi: `Năm học {year} chưa công khai "${meta.title}"; {deadline}.`,
        en: `School year {year} has no "${meta.titleEn}" disclosure; {deadlineEn}.`,
      },
      late: {
        vi: `"${meta.title}" năm học {year} đăng ngày {published}, sau {deadline}.`,
        en: `"${meta.titleEn}" for {year} was published on {published}, after the {deadlineEn}.`,
      },
    },
    description: {
      vi: `Theo TT 09/2024/TT-BGDĐT (${meta.basis}), nội dung "${meta.title}" được công khai trên cổng thông tin trước ngày 30/6 hằng năm (hạn chót 29/6) và cập nhật chậm nhất 10 ngày làm việc sau khi có thay đổi. Tạo tệp disclosures/<năm-học>/${item}.md với \`item: ${item}\`, ngày đăng \`published\` và tệp đính kèm; nếu đến 30/6 chưa có thông tin chính thức, ghi ngày có thông tin vào \`officialInfo\`.${condition.vi}`,
      en: `Under TT 09/2024/TT-BGDĐT (${meta.basis}), "${meta.titleEn}" is published on the portal before 30 June each year (last day 29 June) and updated within 10 working days of a change. Create disclosures/<school-year>/${item}.md with \`item: ${item}\`, a \`published\` date and attachments; if official information did not exist by 30 June, put the date it did in \`officialInfo\`.${condition.en}`,
    },
    check({ facts, date, report }) {
      if (meta.when && facts[meta.when] !== true) return;
      const year = latestDueSchoolYear(date);
      const due = disclosureDue(year);
      // Judged under the instrument in force on the last day: earlier years are TT 36/2017's (CK-013).
      if (dutyInstrument('cong-khai-nam-hoc', due.lastDay)?.ref !== 'tt09-2024') return;
      const found = facts.disclosures.filter((d) => d.schoolYear === year && d.item === item);
      if (found.length === 0) return report('missing', { year, ...deadlineArgs(due) });
      for (const d of found) {
        // Information that did not exist by the deadline is due 10 working days after it does (CK-010).
        if (d.officialInfo && d.officialInfo > due.lastDay) continue;
        if (d.published && d.published > due.lastDay)
          report('late', { year, published: vnDate(d.published), ...deadlineArgs(due) }, d.evidence);
      }
    },
  });
}
