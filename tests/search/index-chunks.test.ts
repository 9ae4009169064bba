/**
 * The search page works out which Pagefind index chunks hold a query's words, to fetch them
 * while Pagefind's worker starts (issue 18). The chunk list is read from a real Pagefind index.
 */
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { indexChunks } from '../../src/search/pagefind-meta.ts';
import { chunksFor, pagefindWord, type ChunkRange } from '../../templates/scripts/index-chunks.ts';

afterAll(async () => {
  await pagefind.close();
});

/** The demo school's chunk boundaries, as Pagefind 1.6 wrote them. */
const CHUNKS: ChunkRange[] = [
  ['0', 'chuyen', 'A'],
  ['chuyenm', 'khai', 'B'],
  ['khan', 'quy', 'C'],
  ['quye', 't', 'D'],
  ['u', 'đuong', 'E'],
];

describe('chunksFor', () => {
  it('picks the chunk whose range holds each word', () => {
    expect(chunksFor('hoc sinh', CHUNKS)).toEqual(['B', 'D']);
    expect(chunksFor('khai giang', CHUNKS)).toEqual(['B']);
  });

  it('reads words as Pagefind does: lower case, no punctuation, no tone marks', () => {
    expect(pagefindWord('"Học')).toBe('hoc');
    expect(chunksFor('"Học sinh!"', CHUNKS)).toEqual(['B', 'D']);
  });

  it('looks up a word with đ both as typed and folded, as the page searches both', () => {
    // "đơn" is "đon" in the index's order (after every Latin letter) and "don" in the folded copy.
    expect(chunksFor('đơn', CHUNKS)).toEqual(['E', 'B']);
  });

  it('leaves a word outside every chunk to Pagefind', () => {
    expect(chunksFor('', CHUNKS)).toEqual([]);
    expect(chunksFor('hoc', [])).toEqual([]);
  });
});

describe('indexChunks', () => {
  it('lists the chunks of a real Pagefind index, in word order, each with its file', async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
    const words = 'an bảo cá dân đường em giang hoc khai lớp mầm năm ông phòng quy sinh tháng ưu văn xã yêu'.split(' ');
    // Enough distinct words for Pagefind to split its index into several chunks.
    for (let i = 0; i < 60; i++) {
      const text = Array.from({ length: 200 }, (_, j) => `${words[(i + j) % words.length]}${(i * 200 + j) % 997}`).join(' ');
      await index!.addHTMLFile({
        url: `/p${i}/`,
        content: `<html lang="vi"><body><main><h1>Trang ${i}</h1><p>${text}</p></main></body></html>`,
      });
    }
    const { files } = await index!.getFiles();
    await index!.deleteIndex();
    const meta = files.find((f) => f.path.endsWith('.pf_meta'))!;
    const chunks = indexChunks(meta.content);
    expect(chunks.length).toBeGreaterThan(1);
    const paths = new Set(files.map((f) => f.path));
    for (const c of chunks) {
      expect(paths.has(`index/${c.hash}.pf_index`), c.hash).toBe(true);
      expect(c.from <= c.to).toBe(true);
    }
    for (let i = 1; i < chunks.length; i++) expect(chunks[i - 1]!.to < chunks[i]!.from).toBe(true);
  });

  it('returns no chunks for a file it cannot read', () => {
    expect(indexChunks(new Uint8Array([1, 2, 3]))).toEqual([]);
  });
});
