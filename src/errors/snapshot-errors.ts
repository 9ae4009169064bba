/**
 * Problems with a ranking snapshot (`congtruong rank --from-snapshot FILE`), as data (see
 * `catalogue.ts`). A snapshot is written by `rank --save-snapshot`; these say which file, what
 * is wrong with it and how to get a good one. Names are permanent.
 */
import type { ErrorData } from './catalogue.ts';

export const SNAPSHOT_ERRORS = {
  snapshotUnreadable: {
    message: { vi: 'Không đọc được bản lưu {file} ({reason}).', en: 'Cannot read the snapshot {file} ({reason}).' },
    fix: {
      vi: 'Kiểm tra đường dẫn và quyền đọc của tệp; bản lưu được tạo bằng congtruong rank --save-snapshot TỆP.',
      en: 'Check the path and that the file is readable; a snapshot is made with congtruong rank --save-snapshot FILE.',
    },
  },
  snapshotNotJson: {
    message: {
      vi: '{file} không phải bản lưu của congtruong rank (không phải JSON, hoặc tệp .gz bị hỏng).',
      en: '{file} is not a congtruong rank snapshot (not JSON, or a damaged .gz file).',
    },
    fix: {
      vi: 'Chỉ tới tệp do congtruong rank --save-snapshot ghi ra, không sửa bằng tay; nếu tệp hỏng, thu thập lại.',
      en: 'Point to a file written by congtruong rank --save-snapshot, not edited by hand; if it is damaged, crawl again.',
    },
  },
  snapshotVersion: {
    message: {
      vi: '{file} là bản lưu dạng {found}; phiên bản này đọc dạng {expected}.',
      en: '{file} is a snapshot of format {found}; this version reads format {expected}.',
    },
    fix: {
      vi: 'Thu thập lại bằng congtruong rank --save-snapshot TỆP với phiên bản đang dùng.',
      en: 'Crawl again with congtruong rank --save-snapshot FILE using this version.',
    },
  },
  snapshotInvalid: {
    message: {
      vi: '{file} không đúng cấu trúc của bản lưu: mục {field} {problem}.',
      en: '{file} does not have the structure of a snapshot: {field} {problem}.',
    },
    fix: {
      vi: 'Bản lưu không được sửa bằng tay: thu thập lại bằng congtruong rank --save-snapshot TỆP.',
      en: 'Snapshots are not edited by hand: crawl again with congtruong rank --save-snapshot FILE.',
    },
  },
} as const satisfies Record<string, ErrorData>;

export type SnapshotErrorName = keyof typeof SNAPSHOT_ERRORS;
