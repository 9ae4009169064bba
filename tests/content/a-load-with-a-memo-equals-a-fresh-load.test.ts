/**
 * Issue 19: the publishing server keeps a `LoadMemo` between saves, so that a save loads again
 * only what changed. Whatever the edit, a load with the memo must give exactly what a load
 * without it gives: the same entries, HTML, files, scheduled times and problems.
 */
import { cp, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent, type LoadOptions } from '../../src/content/load.ts';
import { LoadMemo, type LoadMemoStats } from '../../src/content/load-memo.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const BASIC = path.join(FIXTURES, 'content', 'basic');
/** Later than every date of the fixture's school `alpha`. */
const NOW = '2026-12-01T08:00';

/** A copy of the fixture and a memo that has loaded its school `alpha` as the server does (validation, then build). */
async function primed() {
  const content = path.join(await tempDir('congtruong-memo-'), 'content');
  await cp(BASIC, content, { recursive: true });
  const memo = new LoadMemo();
  const school = (rel: string) => path.join(content, 'schools', 'alpha', rel);
  const load = (options: LoadOptions) => loadContent(content, ['alpha'], options);
  await load({ render: false, now: NOW, memo });
  await load({ now: NOW, memo });
  return { content, memo, school, load };
}

/** What a save does after an edit: a validation (no rendering), then the build's load, each compared with a fresh load. */
async function expectSameAsFresh(t: Awaited<ReturnType<typeof primed>>, now = NOW) {
  for (const render of [false, true]) {
    const fresh = await t.load({ render, now });
    const memoized = await t.load({ render, now, memo: t.memo });
    expect(memoized).toEqual(fresh);
  }
  return t.load({ now });
}

/** How many of each kind of work the next steps do. */
function counter(memo: LoadMemo) {
  const before = { ...memo.stats };
  return () => Object.fromEntries(Object.entries(memo.stats).map(([k, v]) => [k, v - before[k as keyof LoadMemoStats]]));
}

describe('a load with a memo', () => {
  it('does no work again for a school that did not change', async () => {
    const t = await primed();
    const work = counter(t.memo);
    const fresh = await expectSameAsFresh(t);
    expect(fresh.schools.map((s) => s.id)).toEqual(['alpha']);
    // Two loads (validation and build) of the school and the host.
    expect(work()).toMatchObject({ parsed: 0, rendered: 0, checked: 0 });
    expect(work().parseReused).toBeGreaterThan(40);
    expect(work().renderReused).toBeGreaterThan(15);
    expect(work().checkReused).toBeGreaterThan(4);
  });

  it('equals a fresh load after a changed title, parsing that file only and rendering no body', async () => {
    const t = await primed();
    await writeFile(t.school('news/tin-so-1.md'), '---\ntitle: Tin số 1 đã sửa tiêu đề\ndate: 2026-10-06\ncategory: thong-bao\n---\nNội dung tin số 1: học sinh tham gia hoạt động ngoại khóa.\n');
    const work = counter(t.memo);
    const r = await expectSameAsFresh(t);
    expect(r.schools[0]!.collections.news.find((n) => n.slug === 'tin-so-1')?.data.title).toBe('Tin số 1 đã sửa tiêu đề');
    // Validation parses it, the build takes the parse from the memo; the body is the same.
    expect(work()).toMatchObject({ parsed: 1, rendered: 0, checked: 0 });
  });

  it('equals a fresh load after a changed body', async () => {
    const t = await primed();
    await writeFile(t.school('news/tin-so-1.md'), '---\ntitle: Tin số 1\ndate: 2026-10-06\ncategory: thong-bao\n---\nNội dung **mới**, xem [kế hoạch](media/tep/ke-hoach.pdf).\n');
    const work = counter(t.memo);
    const r = await expectSameAsFresh(t);
    expect(r.schools[0]!.collections.news.find((n) => n.slug === 'tin-so-1')?.html).toBe(
      '<p>Nội dung <strong>mới</strong>, xem <a href="/media/tep/ke-hoach.pdf">kế hoạch</a>.</p>\n',
    );
    expect(work()).toMatchObject({ parsed: 1, rendered: 1 });
  });

  it('equals a fresh load after a new file and after a deleted one', async () => {
    const t = await primed();
    await writeFile(t.school('news/tin-moi.md'), '---\ntitle: Tin mới\ndate: 2026-10-20\ncategory: su-kien\n---\n![Sân trường](media/anh/khai-giang.jpg)\n');
    const added = await expectSameAsFresh(t);
    expect(added.schools[0]!.collections.news.map((n) => n.slug)).toContain('tin-moi');
    await rm(t.school('news/tin-so-2.md'));
    const removed = await expectSameAsFresh(t);
    expect(removed.schools[0]!.collections.news.map((n) => n.slug)).not.toContain('tin-so-2');
  });

  it('equals a fresh load after an image is replaced under the same name: new variants, bodies that show it rendered again', async () => {
    const t = await primed();
    const before = (await t.load({ now: NOW })).schools[0]!.files.get('media/anh/khai-giang.jpg')!.image!.variants.map((v) => v.width);
    expect(before).toEqual([480, 960, 1200]);
    await sharp({ create: { width: 700, height: 400, channels: 3, background: '#336699' } })
      .jpeg()
      .toFile(t.school('media/anh/khai-giang.jpg'));
    const work = counter(t.memo);
    const r = await expectSameAsFresh(t);
    expect(r.schools[0]!.files.get('media/anh/khai-giang.jpg')!.image!.variants.map((v) => v.width)).toEqual([480, 700]);
    expect(r.schools[0]!.collections.news.find((n) => n.slug === 'le-khai-giang')?.html).toContain('khai-giang-700w.webp');
    // The image is decoded once (validation); only the body that shows it is rendered again.
    expect(work()).toMatchObject({ parsed: 0, checked: 1, rendered: 1 });
  });

  it('equals a fresh load when an attachment becomes too big: the error appears', async () => {
    const t = await primed();
    await truncate(t.school('media/tep/ke-hoach.pdf'), 21 * 1024 * 1024);
    const r = await expectSameAsFresh(t);
    expect(r.invalid).toEqual(['alpha']);
    const tooLarge = r.issues.filter((i) => i.name === 'fileTooLarge');
    expect(tooLarge.map((i) => path.basename(i.file))).toContain('ke-hoach-nam-hoc.md');
    expect(tooLarge[0]).toMatchObject({ severity: 'error', found: '"media/tep/ke-hoach.pdf"' });
  });

  it('equals a fresh load when a scheduled entry falls due', async () => {
    const t = await primed();
    await writeFile(t.school('news/hen-gio.md'), '---\ntitle: Tin hẹn giờ\ndate: 2026-12-01T09:00\ncategory: thong-bao\n---\nĐăng lúc 9 giờ.\n');
    const waiting = await expectSameAsFresh(t, NOW);
    expect(waiting.schools[0]!.scheduled).toEqual(['2026-12-01T09:00']);
    expect(waiting.schools[0]!.collections.news.map((n) => n.slug)).not.toContain('hen-gio');
    const due = await expectSameAsFresh(t, '2026-12-01T09:30');
    expect(due.schools[0]!.scheduled).toEqual([]);
    expect(due.schools[0]!.collections.news.find((n) => n.slug === 'hen-gio')?.html).toBe('<p>Đăng lúc 9 giờ.</p>\n');
  });

  it('equals a fresh load after an invalid edit (the error is reported) and after its fix', async () => {
    const t = await primed();
    const file = t.school('news/tin-so-3.md');
    await writeFile(file, '---\ntitle: Tin số 3\ndate: 2026-13-45\ncategory: thong-bao\n---\nNội dung.\n');
    const broken = await expectSameAsFresh(t);
    expect(broken.invalid).toEqual(['alpha']);
    expect(broken.issues.find((i) => i.severity === 'error')).toMatchObject({ name: 'date', field: 'date' });
    await writeFile(file, '---\ntitle: Tin số 3\ndate: 2026-10-15\ncategory: thong-bao\n---\nNội dung.\n');
    const fixed = await expectSameAsFresh(t);
    expect(fixed.invalid).toEqual([]);
    expect(fixed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('keeps only the sites loaded last', async () => {
    const content = path.join(await tempDir('congtruong-memo-'), 'content');
    await cp(BASIC, content, { recursive: true });
    const memo = new LoadMemo({ sites: 2 });
    await loadContent(content, ['alpha'], { now: NOW, memo });
    await loadContent(content, ['beta'], { now: NOW, memo });
    // The host's own content, alpha and beta were loaded: alpha, the least recent, is dropped.
    expect(memo.size).toBe(2);
    const work = counter(memo);
    await loadContent(content, ['beta'], { now: NOW, memo });
    expect(work()).toMatchObject({ parsed: 0 });
    await loadContent(content, ['alpha'], { now: NOW, memo });
    expect(work().parsed).toBeGreaterThan(20);
  });
});
