import { deadlineArgs, vnDate, workingDaysAfter } from '../calendar.ts';
import { dutyInstrument } from '../duties.ts';
import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'CK-010',
  title: { vi: 'Cập nhật trong 10 ngày làm việc khi có thay đổi', en: 'Updated within 10 working days of a change' },
  citations: [
    { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' },
    { ref: 'blld-2019', article: 'Điều 112' },
  ],
  levels: ALL_LEVELS,
  // The duty is verified, but the holiday calendar used to count working days is not.
  verification: 'partial',
  duty: 'cap-nhat-10-ngay',
  inputs: ['source'],
  messages: {
    late: {
      vi: '"{title}" thay đổi ngày {start} nhưng cập nhật ngày {done}, sau {deadline}.',
      en: '"{title}" changed on {start} but was updated on {done}, after the {deadlineEn}.',
    },
    notUpdated: {
      vi: '"{title}" thay đổi ngày {start} nhưng chưa cập nhật; {deadline}.',
      en: '"{title}" changed on {start} and is not updated yet; {deadlineEn}.',
    },
    lateOfficial: {
      vi: '"{title}" có thông tin chính thức ngày {start} nhưng đăng ngày {done}, sau {deadline}.',
      en: '"{title}" had official information on {start} but was published on {done}, after the {deadlineEn}.',
    },
    notPublishedOfficial: {
      vi: '"{title}" có thông tin chính thức ngày {start} nhưng chưa đăng; {deadline}.',
      en: '"{title}" had official information on {start} and is not published yet; {deadlineEn}.',
    },
  },
  description: {
    vi: 'Khi nội dung công khai thay đổi, hoặc khi đến 30/6 chưa có thông tin và sau đó mới có thông tin chính thức, phải cập nhật, bổ sung chậm nhất sau 10 ngày làm việc kể từ ngày đó (không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ; ngày làm việc thứ 10 vẫn đúng hạn). Ghi ngày thay đổi vào `changed`, ngày có thông tin chính thức vào `officialInfo`, và ngày cập nhật vào `updated`.',
    en: 'When disclosed information changes, or when it did not exist by 30 June and official information comes later, update or complete it within 10 working days of that day (weekends and public holidays not counted; the 10th working day is still on time). Record the change date in `changed`, the date official information existed in `officialInfo`, and the update date in `updated`.',
  },
  check({ facts, date, report }) {
    for (const d of facts.disclosures) {
      const title = d.title ?? d.item;
      for (const [start, official] of [
        [d.changed, false],
        [d.officialInfo, true],
      ] as const) {
        if (!start) continue;
        const deadline = workingDaysAfter(start, 10);
        if (!dutyInstrument('cap-nhat-10-ngay', deadline.lastDay)) continue;
        // The first publication or update on or after the start day.
        const done = [d.published, d.updated].filter((x): x is string => !!x && x >= start).sort()[0];
        const args = { title, start: vnDate(start), ...deadlineArgs(deadline) };
        if (!done) {
          if (date > deadline.lastDay) report(official ? 'notPublishedOfficial' : 'notUpdated', args, d.evidence);
        } else if (done > deadline.lastDay) report(official ? 'lateOfficial' : 'late', { ...args, done: vnDate(done) }, d.evidence);
      }
    }
  },
});
