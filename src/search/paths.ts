/** Folder of the host portal that holds a copy of each school's Pagefind index (same origin, no CORS needed). */
export const SCHOOL_INDEXES_DIR = 'pagefind-truong';
