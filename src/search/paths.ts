/** Folder of the host portal that holds a copy of each school's Pagefind index (same origin, no CORS needed). */
export const SCHOOL_INDEXES_DIR = 'pagefind-truong';

/**
 * Stands in a search page for the hash of its site's Pagefind metadata (`vi_…`), which exists
 * only once the site is indexed; `indexSite` then writes the hash in its place. With it the page
 * can preload the metadata and give Pagefind's entry file a stable address (`metaCacheTag`) that
 * changes whenever the index does, so that both come from the browser's cache when Pagefind's
 * worker asks for them.
 */
export const META_HASH_PLACEHOLDER = 'pagefind-meta-hash-pending';

/**
 * Stands in a search page for the list of its site's index chunks (`[first word, last word,
 * hash]`, JSON), written in by `indexSite` like the metadata's hash: with the query in its
 * address, the page fetches the chunks holding its words while Pagefind's worker starts.
 */
export const CHUNKS_PLACEHOLDER = 'pagefind-chunks-pending';

/**
 * Folder of the host portal with the index of its schools' news (`writeSchoolsIndex`), which the
 * host's search page loads beside the host's own index instead of every school's.
 */
export const SCHOOLS_INDEX_DIR = 'pagefind-cac-truong';
