/**
 * What school sites show of their host is taken without touching the host's own collections,
 * which the host portal renders in its own order.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syndicationOf } from '../../src/site/syndication.ts';
import { loadContent } from '../../src/content/load.ts';

describe('syndicationOf', () => {
  it('leaves the host collection as it was after taking the latest notices and văn bản', async () => {
    const { host } = await loadContent(path.resolve(import.meta.dirname, '../../content'), [], { render: false });
    expect(host).toBeDefined();
    // Oldest first, the opposite of what school sites show: an in-place sort would turn it round.
    host!.collections.documents.sort((a, b) => a.data.issued.localeCompare(b.data.issued));
    const before = host!.collections.documents.map((d) => d.slug);
    const newsBefore = host!.collections.news.map((n) => n.slug);
    const s = syndicationOf(host!);
    expect(s.documents.length).toBeGreaterThan(1);
    expect(before.length).toBeGreaterThan(1);
    expect(host!.collections.documents.map((d) => d.slug)).toEqual(before);
    expect(host!.collections.news.map((n) => n.slug)).toEqual(newsBefore);
  });
});
