/** The live build progress: ETA from pages done, and a block redrawn in place on a terminal. */
import { PassThrough } from 'node:stream';
import type { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { estimateRemaining, formatDuration, progressLines, terminalProgress } from '../../src/pipeline/progress.ts';
import { Chunker } from '../../src/pipeline/chunks.ts';
import type { LoadedSchool } from '../../src/content/load.ts';

describe('build progress', () => {
  it('estimates the remaining time from the pages done', () => {
    expect(estimateRemaining(10, 100, 300)).toBeCloseTo(20);
    expect(estimateRemaining(10, 0, 300)).toBeUndefined();
    expect(formatDuration(42)).toBe('42 giây');
    expect(formatDuration(125)).toBe('2 phút 05 giây');
  });

  it('shows counts, failures, the sites in work and the ETA', () => {
    const lines = progressLines(
      {
        total: 10,
        skipped: 0,
        built: 3,
        failed: 1,
        pagesTotal: 1000,
        pagesDone: 400,
        unknown: 0,
        estimates: new Map(),
        active: new Map([
          ['truong-a', 'index'],
          ['truong-b', 'render'],
        ]),
        startedAt: 0,
      },
      20_000,
      100,
    );
    expect(lines[0]).toContain('4/10 trang web (1 lỗi)');
    expect(lines[0]).toContain('còn khoảng 30 giây');
    expect(lines.slice(1)).toEqual(['  truong-a: đang lập chỉ mục tìm kiếm', '  truong-b: đang dựng trang']);
  });

  it('redraws the block in place on a terminal and clears it at the end', async () => {
    const stream = Object.assign(new PassThrough(), { columns: 80 }) as unknown as WriteStream;
    let out = '';
    (stream as unknown as PassThrough).on('data', (d: Buffer) => (out += d.toString()));
    let now = 0;
    const p = terminalProgress(stream, () => now);
    p.add(
      [
        { id: 'a', pages: 50 },
        { id: 'b', pages: 50 },
      ],
      0,
    );
    p.rendering(['a', 'b']);
    now = 5000;
    p.finished('a', 'built', 48);
    p.log('  ✓ a');
    p.end();
    expect(out).toContain('0/2 trang web');
    expect(out).toContain('1/2 trang web · 50 trang');
    expect(out).toContain('\x1b[J'); // erased before each redraw
    expect(out).toContain('  ✓ a\n');
    // Nothing of the block is left after end(): the last write is the erase sequence.
    expect(out.endsWith('\x1b[J')).toBe(true);
  });

  it('adds the sites of later chunks to the totals as the build learns them', () => {
    const stream = Object.assign(new PassThrough(), { columns: 80 }) as unknown as WriteStream;
    let out = '';
    (stream as unknown as PassThrough).on('data', (d: Buffer) => (out += d.toString()));
    const p = terminalProgress(stream, () => 0);
    p.add([{ id: 'a', pages: 50 }], 2);
    p.add([{ id: 'b', pages: 30 }], 1);
    p.end();
    expect(out).toContain('0/1 trang web');
    expect(out).toContain('0/2 trang web');
  });

  it('counts the sites still loading in the totals and the ETA, at the average size of the known ones', () => {
    const st = {
      total: 2,
      skipped: 0,
      built: 1,
      failed: 0,
      pagesTotal: 200,
      pagesDone: 100,
      unknown: 2,
      estimates: new Map(),
      active: new Map(),
      startedAt: 0,
    };
    // 100 of an estimated 400 pages in 10 s: 30 s to go, 1 of 4 sites done.
    expect(progressLines(st, 10_000, 100)[0]).toContain('1/4 trang web · 100 trang · 10 giây · còn khoảng 30 giây');
    const stream = Object.assign(new PassThrough(), { columns: 80 }) as unknown as WriteStream;
    let out = '';
    (stream as unknown as PassThrough).on('data', (d: Buffer) => (out += d.toString()));
    const p = terminalProgress(stream, () => 0);
    p.expect(5);
    p.add([{ id: 'a', pages: 50 }], 1); // one site known, one skipped: 3 still loading
    p.end();
    expect(out).toContain('0/4 trang web');
  });

  it('groups sites into chunks of about the page budget, in the order they come', () => {
    const site = (id: string, news: number) => ({
      id,
      site: { collections: { news: Array.from({ length: news }) } } as unknown as LoadedSchool,
    });
    const ids = (chunk: { id: string }[] | undefined) => chunk?.map((s) => s.id);
    // 80 news items: about 100 pages each.
    const chunker = new Chunker<{ id: string; site: LoadedSchool }>(200);
    expect(chunker.add(site('a', 80))).toBeUndefined();
    expect(chunker.add(site('b', 80))).toBeUndefined();
    expect(ids(chunker.add(site('c', 80)))).toEqual(['a', 'b']);
    expect(ids(chunker.rest())).toEqual(['c']);
    expect(chunker.rest()).toEqual([]);
    const one = new Chunker<{ id: string; site: LoadedSchool }>(1);
    expect(one.add(site('a', 80))).toBeUndefined();
    expect(ids(one.add(site('b', 80)))).toEqual(['a']);
    expect(ids(one.rest())).toEqual(['b']);
  });
});
