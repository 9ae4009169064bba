/**
 * The host portal's search across its schools (issue 18): one Pagefind index of the schools'
 * news (title, summary, date, category and school; the link goes to the school's own page), built
 * when the host portal is, from the host directory (`DirectoryEntry.feedItems`, each school's
 * latest news). The search page loads it with the host's own index: two indexes whatever the
 * number of schools, where merging every school's full index made a phone fetch an entry file, a
 * metadata file and index chunks per school (hundreds of files for a Sở with 300 schools). Each
 * school's full text, its older news and its attachments stay in its own site's search, which a
 * result on the host links to.
 *
 * Records carry a folded copy of their text, as the sites' pages do (src/search/index-site.ts),
 * so that a query typed without diacritics (đ → d included) finds them; the search page cuts its
 * excerpts from the original half (`originalText`).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { DirectoryEntry } from '../site/render-input.ts';
import { formatDateVi } from '../util/dates.ts';
import { foldDiacritics } from '../util/slug.ts';
import { SCHOOLS_INDEX_DIR } from './paths.ts';

/** The filter names of the search page (the i18n catalogue's `search.school` and `search.category`). */
export interface SchoolsIndexLabels {
  school: string;
  category: string;
}

export interface SchoolsIndexResult {
  records: number;
  seconds: number;
  /** Size of the written index on disk. */
  bytes: number;
}

/**
 * The newest news of all the schools together that the index holds. Pagefind's writing grows
 * faster than the number of records (3,000 records: 13 s; 9,000: 80 s on the 2-core server), and
 * the index is rebuilt with the host portal, also after saves: a fixed number keeps that time the
 * same for 30 schools or 300. A parent looking for older news searches the school's own site,
 * which each result links to.
 */
export const SCHOOLS_INDEX_RECORDS = 1000;

/** The text of an escaped-HTML summary (feed descriptions are HTML). */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Writes the index of the schools' news into `hostDir/pagefind-cac-truong/` (replacing the one
 * there). Runs Pagefind in this process and stops it afterwards.
 */
export async function writeSchoolsIndex(
  hostDir: string,
  directory: DirectoryEntry[],
  labels: SchoolsIndexLabels,
  maxRecords = SCHOOLS_INDEX_RECORDS,
): Promise<SchoolsIndexResult> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const sent: Promise<void>[] = [];
  try {
    // The newest first across schools (ties in a stable order, so the index is reproducible).
    const newest = directory
      .flatMap((school) => school.feedItems.map((item) => ({ school, item })))
      .sort((a, b) => b.item.date.localeCompare(a.item.date) || a.item.link.localeCompare(b.item.link))
      .slice(0, maxRecords);
    for (const { school, item } of newest) {
      // The school's own search page, for "search this school's site" (path-mode domains included).
      const schoolSearch = `https://${school.domain.replace(/\/+$/, '')}/tim-kiem/`;
      const summary = plainText(item.description);
      const text = `${item.title}. ${summary}`;
      const folded = foldDiacritics(text);
      // Sent without waiting for the previous one (in a stable order, so the index is
      // reproducible): one round trip to Pagefind's process per record took 13 s for 3,000.
      sent.push(
        index
          .addCustomRecord({
            url: item.link,
            content: folded === text ? text : `${text} ${folded}`,
            language: 'vi',
            meta: { title: item.title, date: formatDateVi(item.date), description: summary, schoolSearch },
            filters: { [labels.school]: [school.name], [labels.category]: item.categories },
          })
          .then((res) => {
            if (res.errors.length > 0) throw new Error(`Pagefind indexing ${item.link}: ${res.errors.join('; ')}`);
          }),
      );
    }
    const records = sent.length;
    await Promise.all(sent);
    const res = await index.getFiles();
    if (res.errors.length > 0) throw new Error(`Pagefind writing the schools' index: ${res.errors.join('; ')}`);
    const outDir = path.join(hostDir, SCHOOLS_INDEX_DIR);
    await rm(outDir, { recursive: true, force: true });
    let bytes = 0;
    for (const f of res.files) {
      // The index, and Pagefind's script, worker and WebAssembly for a host with no page of its
      // own to index, whose search then starts from this index; not the ready-made interfaces.
      if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f.path)) continue;
      const target = path.join(outDir, f.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content);
      bytes += f.content.byteLength;
    }
    return { records, seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await Promise.allSettled(sent);
    await index.deleteIndex();
    await pagefind.close();
  }
}
