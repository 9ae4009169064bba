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
