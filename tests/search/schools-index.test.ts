/**
 * The host portal's index of its schools' news holds the newest news of all the schools
 * together, up to a fixed number, so that its build takes the same time for 30 schools or 300:
 * written with real Pagefind, its fragments read back.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { DirectoryEntry } from '../../src/site/render-input.ts';
import { SCHOOLS_INDEX_DIR } from '../../src/search/paths.ts';
import { writeSchoolsIndex } from '../../src/search/schools-index.ts';
import { tempDir } from '../helpers.ts';

const school = (id: string, name: string, dates: string[]): DirectoryEntry => ({
  id,
  name,
  levels: ['thcs'],
  domain: `${id}.thunghiem.edu.vn`,
  address: '',
  phone: '',
  email: '',
  latestNews: [],
  feedItems: dates.map((date) => ({
    title: `Tin của ${name} ngày ${date}`,
    link: `https://${id}.thunghiem.edu.vn/tin-tuc/${date}/`,
    guid: `https://${id}.thunghiem.edu.vn/tin-tuc/${date}/`,
    date,
    description: 'Kính gửi quý phụ huynh.',
    content: '',
    categories: ['Thông báo'],
  })),
});

it('holds the newest news of all the schools together, up to its limit', async () => {
  const host = await tempDir('congtruong-schools-index-');
  const directory = [
    school('a', 'Trường A', ['2026-11-01', '2026-11-20', '2026-12-01']),
    school('b', 'Trường B', ['2026-10-05', '2026-11-25']),
  ];
  const result = await writeSchoolsIndex(host, directory, { school: 'Trường', category: 'Chuyên mục' }, 3);
  expect(result.records).toBe(3);
  const dir = path.join(host, SCHOOLS_INDEX_DIR, 'fragment');
  const fragments = await Promise.all(
    (await readdir(dir)).map(async (f) => gunzipSync(await readFile(path.join(dir, f))).toString('utf8')),
  );
  const titles = fragments.map((f) => /"title":"([^"]+)"/.exec(f)?.[1]).sort();
  expect(titles).toEqual(['Tin của Trường A ngày 2026-11-20', 'Tin của Trường A ngày 2026-12-01', 'Tin của Trường B ngày 2026-11-25']);
}, 60_000);
