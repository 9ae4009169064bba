/**
 * The build's log lines and live-progress texts as data, with permanent names, in Vietnamese
 * (webmasters, host administrators) and English, like the content errors
 * (`src/errors/content-errors.ts`). Arguments are formatted by the caller and substituted for
 * `{name}` placeholders, so every line follows `--lang`.
 *
 * If you add an entry: keep the name stable, write both languages, use named placeholders.
 */
import type { Lang } from '../errors/content-errors.ts';

type Text = Record<Lang, string>;

export const BUILD_MESSAGES = {
  /** A chunk of sites is sent to Astro. */
  rendering: { vi: 'Đang dựng {count} trang web: {ids}', en: 'Building {count} site(s): {ids}' },
  /** The shared Astro run of a chunk failed: its sites are rendered one by one. */
  chunkFailed: {
    vi: 'Dựng chung thất bại; dựng lại từng trường để tìm trường bị lỗi.',
    en: 'The shared build failed; building each school alone to find the one at fault.',
  },
  /**
   * The warm renderer rendered only the pages whose content changed (issue 19) and took the
   * others from the school's last save.
   */
  pagesReused: {
    vi: '{ids}: dựng {rendered} trang, dùng lại {reused} trang không đổi',
    en: '{ids}: rendered {rendered} page(s), reused {reused} unchanged page(s)',
  },
  /** The warm renderer cannot follow what the theme reads (`src/site/render-tracking.ts`): it renders every page. */
  pagesUntrackable: {
    vi: 'Bộ dựng nóng không theo dõi được trang nào đọc gì ({why}): mỗi lần lưu sẽ dựng lại mọi trang.',
    en: 'The warm renderer cannot follow what each page reads ({why}): every save renders every page.',
  },
  /** A site was published. */
  published: { vi: '  ✓ {id} → {path} ({pages} trang)', en: '  ✓ {id} → {path} ({pages} pages)' },
  /** A school's summary could not be cached (the next build loads it again). */
  cacheWriteFailed: {
    vi: 'Không ghi được bộ nhớ đệm (cache) của trường: {error}',
    en: 'Could not write the cache of a school: {error}',
  },
  /** "… and 12 more" after a list of school ids. */
  more: { vi: '{list} … (+{count})', en: '{list} … (+{count})' },
  phaseRender: { vi: 'đang dựng trang', en: 'rendering pages' },
  phaseWait: { vi: 'chờ xử lý tiếp', en: 'waiting to be finished' },
  phaseAssemble: { vi: 'đang ghép', en: 'assembling' },
  phaseIndex: { vi: 'đang lập chỉ mục tìm kiếm', en: 'indexing for search' },
  phasePublish: { vi: 'đang nén và xuất bản', en: 'compressing and publishing' },
  /** Head line of the live display. */
  progressSites: { vi: '{done}/{total} trang web', en: '{done}/{total} sites' },
  progressFailed: { vi: ' ({count} lỗi)', en: ' ({count} failed)' },
  progressPages: { vi: ' · {pages} trang · {elapsed}', en: ' · {pages} pages · {elapsed}' },
  progressEta: { vi: ' · còn khoảng {eta}', en: ' · about {eta} left' },
  progressMore: { vi: '  … và {count} trang web khác', en: '  … and {count} more sites' },
  seconds: { vi: '{s} giây', en: '{s} s' },
  minutes: { vi: '{m} phút {s} giây', en: '{m} min {s} s' },
} as const satisfies Record<string, Text>;

export type BuildMessage = keyof typeof BUILD_MESSAGES;

/** The text of message `name` in `lang`, with `{placeholders}` replaced by `args`. */
export function buildMessage(lang: Lang, name: BuildMessage, args: Record<string, string | number> = {}): string {
  return BUILD_MESSAGES[name][lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}
