import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.ts';

describe('Markdown sanitising', () => {
  it('removes script elements and reports that something unsafe was removed', () => {
    const r = renderMarkdown('Xin chào\n\n<script>alert("x")</script>\n');
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toContain('alert');
    expect(r.removedUnsafe).toBe(true);
  });

  it('removes event-handler attributes and javascript: URLs', () => {
    const r = renderMarkdown('<a href="javascript:alert(1)" onclick="steal()">bấm</a> <img src="x.png" onerror="steal()" alt="">\n\n[link](javascript:alert(2))');
    expect(r.html).not.toMatch(/onclick=|onerror=|(href|src)="javascript:/i);
    // markdown-it leaves a javascript: Markdown link as plain text, never as a link.
    expect(r.html).not.toMatch(/<a[^>]*javascript/i);
    expect(r.html).toContain('bấm');
  });

  it('keeps YouTube iframes and drops iframes from other hosts entirely', () => {
    const r = renderMarkdown(
      '<iframe src="https://www.youtube.com/embed/abc" title="Video khai giảng"></iframe>\n\n<iframe src="https://evil.example.com/"></iframe>\n',
    );
    expect(r.html).toContain('src="https://www.youtube.com/embed/abc"');
    expect(r.html).toContain('title="Video khai giảng"');
    expect(r.html.match(/<iframe/g)).toHaveLength(1);
    expect(r.html).not.toContain('evil.example.com');
  });

  it('keeps ordinary formatting, tables and safe links', () => {
    const r = renderMarkdown('## Lịch\n\n| Thứ | Món |\n|---|---|\n| Hai | Cơm |\n\n[Sở](https://binhlam.edu.vn) **đậm**');
    expect(r.html).toContain('<h2>Lịch</h2>');
    expect(r.html).toContain('<td>Cơm</td>');
    expect(r.html).toContain('<a href="https://binhlam.edu.vn">Sở</a>');
    expect(r.removedUnsafe).toBe(false);
  });

  it('normalises decomposed Vietnamese (NFD) to NFC', () => {
    const nfd = 'Trường học đường'.normalize('NFD');
    const r = renderMarkdown(nfd);
    expect(r.html).toContain('Trường học đường'.normalize('NFC'));
    expect(r.html.normalize('NFC')).toBe(r.html);
  });

  it('rewrites local file links and images through the media resolver', () => {
    const r = renderMarkdown('[Tải](media/tep/Kế hoạch.pdf) ![Ảnh](media/anh/a.jpg)'.replace('Kế hoạch', 'ke-hoach'), {
      fileUrl: (ref) => (ref === 'media/tep/ke-hoach.pdf' ? '/media/tep/ke-hoach.pdf' : ref === 'media/anh/a.jpg' ? '/media/anh/a.jpg' : undefined),
    });
    expect(r.html).toContain('href="/media/tep/ke-hoach.pdf"');
    expect(r.html).toContain('src="/media/anh/a.jpg"');
  });
});
