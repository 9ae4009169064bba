import { addWorkingDays } from '../calendar.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'CK-010',
  title: { vi: 'Cập nhật trong 10 ngày làm việc khi có thay đổi', en: 'Updated within 10 working days of a change' },
  citations: [
    { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' },
    { ref: 'blld-2019', article: 'Điều 112' },
  ],
  levels: ['mn', 'th', 'thcs', 'thpt', 'gdtx'],
  // The duty is verified, but the holiday calendar used to count working days is not.
  verification: 'partial',
  inputs: ['source'],
  messages: {
    late: {
      vi: '"{title}" thay đổi ngày {changed} nhưng cập nhật ngày {updated}, quá hạn {deadline}.',
      en: '"{title}" changed on {changed} but was updated on {updated}, after {deadline}.',
    },
    notUpdated: {
      vi: '"{title}" thay đổi ngày {changed} nhưng chưa cập nhật (hạn {deadline}).',
      en: '"{title}" changed on {changed} and is not updated yet (due {deadline}).',
    },
  },
  description: {
    vi: 'Khi nội dung công khai thay đổi, phải cập nhật chậm nhất 10 ngày làm việc sau khi thay đổi (không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ). Ghi ngày thay đổi vào `changed` và ngày cập nhật vào `updated`.',
    en: 'When disclosed information changes, update it within 10 working days (weekends and public holidays not counted). Record the change date in `changed` and the update date in `updated`.',
  },
  check({ facts, date, report }) {
    for (const d of facts.disclosures) {
      if (!d.changed) continue;
      const deadline = addWorkingDays(d.changed, 10);
      const title = d.title ?? d.item;
      if (!d.updated || d.updated < d.changed) {
        if (date > deadline) report('notUpdated', { title, changed: d.changed, deadline }, d.evidence);
      } else if (d.updated > deadline) report('late', { title, changed: d.changed, updated: d.updated, deadline }, d.evidence);
    }
  },
});
