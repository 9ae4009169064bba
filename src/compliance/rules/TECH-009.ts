import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-009',
  title: { vi: 'Liên kết đến cổng của cơ quan chủ quản', en: "Link to the governing body's portal" },
  citations: [
    { ref: 'nd43-2011', article: 'Điều 15 khoản 1 điểm b' },
    { ref: 'tt37-2020', article: 'Điều 3 khoản 1 điểm c' },
  ],
  levels: ALL_LEVELS,
  verification: 'unverified',
  inputs: ['source'],
  messages: {
    missing: { vi: 'Chưa có địa chỉ cổng thông tin của cơ quan chủ quản.', en: "The governing body's portal address is missing." },
  },
  description: {
    vi: 'Nên liên kết tới cổng thông tin của cơ quan chủ quản (Sở, Phòng, UBND xã). Ghi `governingBody.url` trong school.yaml.',
    en: "Link to the governing body's portal (Sở, Phòng, commune). Set `governingBody.url` in school.yaml.",
  },
  check({ facts, report }) {
    if (facts.governingBody && !facts.governingBody.url) report('missing');
  },
});
