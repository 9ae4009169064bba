import { defineRule, ALL_LEVELS } from '../rule.ts';

/** Free webmail services: an official contact address should not live there. */
export const FREE_WEBMAIL = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.com.vn',
  'ymail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'aol.com',
  'zoho.com',
  'mail.ru',
  'proton.me',
  'protonmail.com',
];

export default defineRule({
  id: 'ID-005',
  title: { vi: 'Thư điện tử trên tên miền của đơn vị', en: "Contact e-mail on the unit's own domain" },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 4' },
    { ref: 'tt53-2012', article: 'Điều 5, Điều 6', historical: true },
  ],
  levels: ALL_LEVELS,
  // TT 37/2020 Điều 4 read by title only; the own-domain mailbox rule is explicit only in TT 53/2012
  // Điều 6 (replaced): school and leaders' webmail addresses stay a warning (research notes §8.3).
  verification: 'partial',
  inputs: ['source', 'html'],
  messages: {
    webmail: {
      vi: 'Địa chỉ liên hệ {email} dùng dịch vụ thư miễn phí thay vì tên miền của trường.',
      en: "The contact address {email} uses free webmail instead of the school's domain.",
    },
    leaderWebmail: {
      vi: 'Thư điện tử của {name} ({email}) dùng dịch vụ thư miễn phí thay vì tên miền của trường.',
      en: "The e-mail of {name} ({email}) uses free webmail instead of the school's domain.",
    },
  },
  description: {
    vi: 'Hộp thư công vụ của cơ sở giáo dục và của lãnh đạo được cấp trên tên miền riêng của đơn vị (hoặc của Sở/Bộ). Xin cấp hộp thư trên tên miền edu.vn của trường hoặc của Sở và sửa mục `email` (của trường và của từng lãnh đạo trong `leaders`).',
    en: "Official mailboxes of a school and of its leaders are issued on the unit's own domain (or the Sở's). Ask for a mailbox on the school's or the Sở's edu.vn domain and update `email` (the school's and each leader's in `leaders`).",
  },
  check({ facts, report }) {
    const webmail = (email: string) => FREE_WEBMAIL.includes(email.split('@')[1]?.trim().toLowerCase() ?? '');
    for (const email of facts.emails) if (webmail(email)) report('webmail', { email });
    for (const l of facts.leaders ?? []) {
      if (l.email && webmail(l.email)) report('leaderWebmail', { name: l.name ?? l.title ?? '?', email: l.email }, l.evidence);
    }
  },
});
