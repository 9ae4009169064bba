import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-001',
  title: { vi: 'Mã hóa Unicode (UTF-8), ngôn ngữ tiếng Việt', en: 'Unicode (UTF-8) and Vietnamese language' },
  citations: [
    { ref: 'tt24-2011', article: 'Điều 5 khoản 2' },
    { ref: 'tt15-2018', article: 'Điều 9' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['html'],
  messages: {
    charset: { vi: 'Trang {url} không khai báo mã UTF-8 (thấy: {found}).', en: 'Page {url} does not declare UTF-8 (found: {found}).' },
    lang: { vi: 'Trang {url} không khai báo ngôn ngữ vi (thấy: {found}).', en: 'Page {url} does not declare lang vi (found: {found}).' },
    nfc: { vi: 'Trang {url} có chữ Việt chưa chuẩn hóa NFC (dựng sẵn).', en: 'Page {url} has Vietnamese text not in NFC.' },
  },
  description: {
    vi: 'Dùng bộ mã ký tự chữ Việt Unicode theo TCVN 6909:2001: khai báo <meta charset="utf-8">, <html lang="vi"> và văn bản ở dạng dựng sẵn (NFC). Cổng Trường tự chuẩn hóa nội dung.',
    en: 'Use Vietnamese Unicode per TCVN 6909:2001: declare <meta charset="utf-8"> and <html lang="vi">, with precomposed (NFC) text. Cổng Trường normalises content itself.',
  },
  check({ facts, report }) {
    for (const p of facts.technical?.pages ?? []) {
      if ((p.charset ?? '').toLowerCase() !== 'utf-8') report('charset', { url: p.url, found: p.charset ?? '–' }, { url: p.url });
      if (!(p.lang ?? '').toLowerCase().startsWith('vi')) report('lang', { url: p.url, found: p.lang ?? '–' }, { url: p.url });
      if (!p.nfc) report('nfc', { url: p.url }, { url: p.url });
    }
  },
});
