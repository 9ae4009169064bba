/**
 * Issue 19: the warm renderer renders again only the pages whose reads of the input changed
 * (`src/site/render-tracking.ts`). These tests pin what a read is: a value at a path, a Date by
 * its time, a Map entry by its key (or the whole Map when it is iterated), the keys of an object,
 * the length of a list; that a write or an unowned read makes the job untrackable; and that a
 * theme cache (`memo`) credits its reads to every page that uses its result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memo, ReadCheck, track, type Memoized, type Reads, type Tracking } from '../../src/site/render-tracking.ts';

interface Input {
  school: { name: string; colors: { primary: string }; tags: string[] };
  news: { slug: string; title: string; date: string }[];
  files: Map<string, { url: string }>;
  opened: Date;
  levels: Set<string>;
}

const input = (): Input => ({
  school: { name: 'THCS Lê Lợi', colors: { primary: '#0b4f8a' }, tags: ['thcs'] },
  news: [
    { slug: 'a', title: 'Khai giảng', date: '2026-09-05' },
    { slug: 'b', title: 'Hội khỏe Phù Đổng', date: '2026-11-16' },
  ],
  files: new Map([
    ['logo.png', { url: '/media/logo.webp' }],
    ['ke-hoach.pdf', { url: '/media/tep/ke-hoach.pdf' }],
  ]),
  opened: new Date('1990-09-05T00:00:00Z'),
  levels: new Set(['thcs']),
});

let tracking: Tracking<Input> | undefined;
afterEach(() => tracking?.stop());

/** Renders one "page" (a function of the input) in a job of `data`, as the worker does. */
async function page<R>(data: Input, render: (i: Input) => R): Promise<{ result: R; reads: Reads; tracking: Tracking<Input> }> {
  tracking?.stop();
  tracking = track(data);
  tracking.rendering();
  const t = tracking;
  const { result, reads } = await t.record(async () => render(t.input));
  return { result, reads, tracking: t };
}

/** Whether a page that read `reads` must render again for `next`. */
const changed = (reads: Reads, next: Input) => new ReadCheck(next).changed(reads);

describe('reads of the render input', () => {
  it('notes values by path: a page renders again only when a value it read changed', async () => {
    const { result, reads } = await page(input(), (i) => `${i.school.name}: ${i.news[1]!.title}`);
    expect(result).toBe('THCS Lê Lợi: Hội khỏe Phù Đổng');
    const other = input();
    other.news[0]!.title = 'Khai giảng năm học mới';
    other.school.colors.primary = '#b3261e';
    expect(changed(reads, other)).toBe(false);
    const same = input();
    same.news[1]!.title = 'Hội khỏe Phù Đổng cấp trường';
    expect(changed(reads, same)).toBe(true);
  });

  it('notes the length of a list it walks, so a new item renders the list again', async () => {
    const { result, reads } = await page(input(), (i) => i.news.map((n) => n.slug).join(','));
    expect(result).toBe('a,b');
    const more = input();
    more.news.push({ slug: 'c', title: 'Mới', date: '2026-12-01' });
    expect(changed(reads, more)).toBe(true);
    const itemPage = await page(input(), (i) => i.news[0]!.title);
    expect(changed(itemPage.reads, more)).toBe(false);
  });

  it('notes the keys of an object it spreads or lists, not the values it did not read', async () => {
    const { result, reads } = await page(input(), (i) => Object.keys(i.school.colors).join());
    expect(result).toBe('primary');
    const recoloured = input();
    recoloured.school.colors.primary = '#000000';
    expect(changed(reads, recoloured)).toBe(false);
    const more = input();
    (more.school.colors as Record<string, string>).accent = '#ffffff';
    expect(changed(reads, more)).toBe(true);
    const spread = await page(input(), (i) => JSON.stringify({ ...i.school.colors }));
    expect(spread.result).toBe('{"primary":"#0b4f8a"}');
    expect(changed(spread.reads, recoloured)).toBe(true);
  });

  it('notes `in` as a read of whether the key is there', async () => {
    const { result, reads } = await page(input(), (i) => ('fax' in i.school ? 'fax' : 'none'));
    expect(result).toBe('none');
    expect(changed(reads, input())).toBe(false);
    const withFax = input();
    (withFax.school as Record<string, unknown>).fax = '0236 123 456';
    expect(changed(reads, withFax)).toBe(true);
  });

  it('hands out Dates as Dates and notes their time', async () => {
    const { result, reads } = await page(input(), (i) => i.opened.getUTCFullYear());
    expect(result).toBe(1990);
    expect(changed(reads, input())).toBe(false);
    const moved = input();
    moved.opened = new Date('1991-09-05T00:00:00Z');
    expect(changed(reads, moved)).toBe(true);
  });

  it('hands out Sets as Sets and notes their content', async () => {
    const { result, reads } = await page(input(), (i) => i.levels.has('thcs'));
    expect(result).toBe(true);
    expect(changed(reads, input())).toBe(false);
    const more = input();
    more.levels.add('thpt');
    expect(changed(reads, more)).toBe(true);
  });

  it('notes a Map entry by its key, and the whole Map when it is iterated', async () => {
    const logo = await page(input(), (i) => i.files.get('logo.png')?.url);
    expect(logo.result).toBe('/media/logo.webp');
    const attached = input();
    attached.files.set('anh-moi.jpg', { url: '/media/anh-moi.webp' });
    expect(changed(logo.reads, attached)).toBe(false);
    const newLogo = input();
    newLogo.files.set('logo.png', { url: '/media/logo-2026.webp' });
    expect(changed(logo.reads, newLogo)).toBe(true);
    const gone = input();
    gone.files.delete('logo.png');
    expect(changed(logo.reads, gone)).toBe(true);

    const all = await page(input(), (i) => [...i.files.entries()].map(([k, f]) => `${k}=${f.url}`).join());
    expect(all.result).toBe('logo.png=/media/logo.webp,ke-hoach.pdf=/media/tep/ke-hoach.pdf');
    expect(changed(all.reads, input())).toBe(false);
    expect(changed(all.reads, attached)).toBe(true);
    const size = await page(input(), (i) => i.files.size);
    expect(size.result).toBe(2);
    expect(changed(size.reads, attached)).toBe(true);
  });

  it('keeps the pages of concurrent renders apart', async () => {
    tracking?.stop();
    tracking = track(input());
    tracking.rendering();
    const t = tracking;
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const [a, b] = await Promise.all([
      t.record(async () => {
        await tick();
        const x = t.input.news[0]!.title;
        await tick();
        return x;
      }),
      t.record(async () => {
        await tick();
        const x = t.input.news[1]!.title;
        await tick();
        return x;
      }),
    ]);
    const first = input();
    first.news[0]!.title = 'Khác';
    expect(new ReadCheck(first).changed(a.reads)).toBe(true);
    expect(new ReadCheck(first).changed(b.reads)).toBe(false);
  });

  it('keys props by path for input objects and by value for the rest', async () => {
    const { tracking: t } = await page(input(), () => null);
    const item = t.input.news[1]!;
    expect(t.propsKey({ item, page: 2 })).toBe('{"item":@["news","1"],"page":number:2,}');
    expect(t.propsKey({ items: [t.input.news[0], t.input.news[1]], category: 'thong-bao' })).toBe(
      '{"items":[@["news","0"],@["news","1"]],"category":"thong-bao",}',
    );
    expect(t.propsKey({ file: t.input.files.get('logo.png') })).toBe('{"file":@["files",[2,"logo.png"]],}');
    expect(t.propsKey({ when: () => 1 })).toBeUndefined();
  });

  it('requires the next input to hold one object where the page met one object under two paths', async () => {
    const shared = { url: '/media/logo.webp' };
    const data = input();
    data.files.set('logo.png', shared);
    (data.school as Record<string, unknown>).logo = shared;
    const { result, reads } = await page(data, (i) => {
      const a = i.files.get('logo.png');
      const b = (i.school as unknown as { logo: { url: string } }).logo;
      return a === b ? b.url : 'two objects';
    });
    expect(result).toBe('/media/logo.webp');
    const again = input();
    const same = { url: '/media/logo.webp' };
    again.files.set('logo.png', same);
    (again.school as Record<string, unknown>).logo = same;
    expect(changed(reads, again)).toBe(false);
    const apart = input();
    apart.files.set('logo.png', { url: '/media/logo.webp' });
    (apart.school as Record<string, unknown>).logo = { url: '/media/logo.webp' };
    expect(changed(reads, apart)).toBe(true);
  });
});

describe('what makes a job untrackable', () => {
  it('a write through the input, which still happens', async () => {
    const data = input();
    const { tracking: t } = await page(data, (i) => {
      i.news.sort((x, y) => y.date.localeCompare(x.date));
      return i.news[0]!.slug;
    });
    expect(t.untrackable).toMatch(/wrote to the input/);
    expect(data.news[0]!.slug).toBe('b');
  });

  it('deleting a property, or changing a Map of the input', async () => {
    const del = await page(input(), (i) => delete (i.school as Partial<Input['school']>).name);
    expect(del.tracking.untrackable).toMatch(/delete name/);
    const data = input();
    const map = await page(data, (i) => i.files.set('x', { url: '/x' }));
    expect(map.tracking.untrackable).toMatch(/Map set/);
    expect(data.files.has('x')).toBe(true);
  });

  it('a read during the renders that no page owns', async () => {
    const t = track(input());
    tracking = t;
    void t.input.school.name; // getStaticPaths: no page yet, fine
    expect(t.untrackable).toBeUndefined();
    t.rendering();
    void t.input.school.name;
    expect(t.untrackable).toMatch(/belonged to no page/);
  });

  it('a proxy of an earlier job read in a later one', async () => {
    const first = await page(input(), (i) => i.school);
    const second = await page(input(), () => null);
    await second.tracking.record(async () => first.result.name);
    expect(second.tracking.untrackable).toMatch(/earlier job/);
  });
});

describe('memo', () => {
  const sorted = new WeakMap<object, Memoized<string[]>>();
  const newest = (i: Input) => memo(sorted, i.news, () => [...i.news].sort((a, b) => b.date.localeCompare(a.date)).map((n) => n.slug));

  it('credits the reads of a cached computation to every page that takes its result', async () => {
    tracking?.stop();
    tracking = track(input());
    const t = tracking;
    // The first call happens in getStaticPaths, outside any page.
    expect(newest(t.input)).toEqual(['b', 'a']);
    t.rendering();
    const hit = await t.record(async () => newest(t.input)[0]);
    expect(hit.result).toBe('b');
    const redated = input();
    redated.news[0]!.date = '2026-12-01';
    expect(new ReadCheck(redated).changed(hit.reads)).toBe(true);
    const retitled = input();
    retitled.news[0]!.title = 'Khác';
    expect(new ReadCheck(retitled).changed(hit.reads)).toBe(false);
  });

  it('is a plain cache without tracking', () => {
    tracking?.stop();
    const data = input();
    let runs = 0;
    const cache = new WeakMap<object, Memoized<number>>();
    const count = () =>
      memo(cache, data, () => {
        runs++;
        return data.news.length;
      });
    expect([count(), count()]).toEqual([2, 2]);
    expect(runs).toBe(1);
    expect(cache.get(data)?.reads).toBeUndefined();
  });
});
