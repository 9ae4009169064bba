/** The live build progress: ETA from pages done, and a block redrawn in place on a terminal. */
import { PassThrough } from 'node:stream';
import type { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { estimateRemaining, formatDuration, progressLines, terminalProgress } from '../../src/build/progress.ts';
import { chunkSites } from '../../src/build/build-sites.ts';
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
    p.start(
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

  it('groups sites into chunks of about the page budget, the host with the last chunk', () => {
    const site = (news: number) => ({ collections: { news: Array.from({ length: news }) } }) as unknown as LoadedSchool;
    const sites = [
      { kind: 'school', id: 'a', site: site(80) },
      { kind: 'school', id: 'b', site: site(80) },
      { kind: 'school', id: 'c', site: site(80) },
      { kind: 'host', id: 'host', site: site(10) },
    ];
    expect(chunkSites(sites, 200).map((c) => c.map((s) => s.id))).toEqual([
      ['a', 'b'],
      ['c', 'host'],
    ]);
    expect(chunkSites(sites, 1).map((c) => c.map((s) => s.id))).toEqual([['a'], ['b'], ['c', 'host']]);
  });
});
