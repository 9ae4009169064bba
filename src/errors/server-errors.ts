/**
 * What the publishing server (`congtruong serve`) tells people, as data (see `catalogue.ts`):
 * the host's administrator when it cannot start, teachers in the editor when a request is
 * refused. Answers to the browser are short: the message and the fix as one line (`inline`),
 * in the language the server was started with (`--lang`). Internal details (stack traces,
 * system errors) go to the server's log only. Names are permanent.
 */
import { fill, renderError, type ErrorArgs, type ErrorData } from './catalogue.ts';
import type { Lang } from './content-errors.ts';

export const SERVER_ERRORS = {
  // --- Starting the server (read on the command line) ----------------------------------------
  notGitRepository: {
    message: {
      vi: 'Thư mục nội dung {dir} chưa là kho git. Máy chủ ghi mỗi lần lưu thành một commit.',
      en: 'The content folder {dir} is not a git repository. The server records every save as a commit.',
    },
    fix: {
      vi: 'Chạy "git init" rồi "git add -A && git commit -m \'Nội dung ban đầu\'" trong thư mục đó.',
      en: 'Run "git init", then "git add -A && git commit -m \'Initial content\'" in it.',
    },
  },

  // --- Answers to the browser ----------------------------------------------------------------
  methodNotAllowed: {
    message: { vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
    fix: { vi: '', en: '' },
  },
  notFound: {
    message: { vi: 'Không tìm thấy.', en: 'Not found.' },
    fix: { vi: '', en: '' },
  },
  originRefused: {
    message: {
      vi: 'Yêu cầu bị từ chối: không đến từ trang soạn bài của máy chủ này (Origin).',
      en: 'Request refused: it does not come from the editor of this server (Origin).',
    },
    fix: { vi: 'Mở trang soạn bài từ địa chỉ của máy chủ rồi thử lại.', en: "Open the editor from the server's address and try again." },
  },
  sessionExpired: {
    message: { vi: 'Phiên làm việc đã hết hạn.', en: 'The session has expired.' },
    fix: { vi: 'Hãy đăng nhập lại.', en: 'Please log in again.' },
  },
  csrfMissing: {
    message: {
      vi: 'Yêu cầu bị từ chối: thiếu mã chống giả mạo (CSRF).',
      en: 'Request refused: the anti-forgery token (CSRF) is missing.',
    },
    fix: { vi: 'Hãy tải lại trang soạn bài.', en: 'Reload the editor page.' },
  },
  reviewForbidden: {
    message: {
      vi: 'Không được phép: tài khoản {login} không có quyền duyệt bài của trường này.',
      en: 'Not allowed: the account {login} may not review this school’s changes.',
    },
    fix: {
      vi: 'Người duyệt bài của trường hoặc quản trị viên đơn vị chủ quản mới duyệt được.',
      en: "Only the school's approver or a host administrator can decide.",
    },
  },
  reviewNotFound: {
    message: { vi: 'Không có thay đổi chờ duyệt này ở trường này.', en: 'There is no such pending change for this school.' },
    fix: {
      vi: 'Mở trang của trường để xem các thay đổi đang chờ duyệt.',
      en: "Open the school's page to see the changes waiting for review.",
    },
  },
  adminOnly: {
    message: {
      vi: 'Chỉ quản trị viên của đơn vị chủ quản xem được trang này.',
      en: "Only the hosting unit's administrators can see this page.",
    },
    fix: { vi: '', en: '' },
  },
  schoolForbidden: {
    message: {
      vi: 'Không được phép: tài khoản {login} không có quyền với trường {school}.',
      en: 'Forbidden: the account {login} has no access to school {school}.',
    },
    fix: { vi: '', en: '' },
  },
  pathForbidden: {
    message: {
      vi: 'Không được phép: đường dẫn {path} nằm ngoài các thư mục nội dung của trường {school}. Không có gì được đọc hay ghi.',
      en: 'Forbidden: the path {path} is outside the content folders of school {school}. Nothing was read or written.',
    },
    fix: { vi: '', en: '' },
  },
  versionForbidden: {
    message: {
      vi: 'Không được phép: {commit} không phải một phiên bản của bài này. Không có gì được đọc hay ghi.',
      en: 'Forbidden: {commit} is not a version of this item. Nothing was read or written.',
    },
    fix: { vi: '', en: '' },
  },
  requestTooLarge: {
    message: { vi: 'Yêu cầu quá lớn.', en: 'The request is too large.' },
    fix: {
      vi: 'Tải lên tệp nhỏ hơn: nén PDF hoặc thu nhỏ ảnh.',
      en: 'Upload a smaller file: compress the PDF or shrink the image.',
    },
  },
  notJson: {
    message: { vi: 'Yêu cầu không phải JSON.', en: 'The request is not JSON.' },
    fix: { vi: 'Hãy tải lại trang soạn bài.', en: 'Reload the editor page.' },
  },
  malformedRequest: {
    message: { vi: 'Yêu cầu không đúng dạng.', en: 'Malformed request.' },
    fix: { vi: 'Hãy tải lại trang soạn bài.', en: 'Reload the editor page.' },
  },
  malformedUpload: {
    message: { vi: 'Tệp tải lên không đúng dạng.', en: 'Malformed upload.' },
    fix: { vi: 'Hãy tải lại trang soạn bài rồi tải tệp lên lại.', en: 'Reload the editor page and upload the file again.' },
  },
  malformedEntry: {
    message: { vi: 'Bài viết không đúng dạng.', en: 'Malformed entry.' },
    fix: { vi: 'Hãy tải lại trang soạn bài.', en: 'Reload the editor page.' },
  },
  uploadExists: {
    message: {
      vi: 'Đã có một tệp khác tên {file}; tệp đó không bị thay thế.',
      en: 'Another file named {file} already exists and was not replaced.',
    },
    fix: { vi: 'Đổi tên tệp của bạn rồi tải lên lại.', en: 'Rename your file and upload it again.' },
  },
  fileNotFound: {
    message: { vi: 'Không tìm thấy tệp này.', en: 'No such file.' },
    fix: {
      vi: 'Tệp có thể đã bị đổi tên hoặc xoá; tải lại trang soạn bài.',
      en: 'The file may have been renamed or deleted; reload the editor page.',
    },
  },
  nothingToSave: {
    message: { vi: 'Không có gì để lưu.', en: 'Nothing to save.' },
    fix: { vi: '', en: '' },
  },
  nothingToDelete: {
    message: { vi: 'Không có gì để xoá.', en: 'Nothing to delete.' },
    fix: { vi: '', en: '' },
  },
  unsupportedAction: {
    message: { vi: 'Thao tác không được hỗ trợ: {action}.', en: 'Unsupported action: {action}.' },
    fix: { vi: '', en: '' },
  },
  internal: {
    message: {
      vi: 'Máy chủ gặp lỗi khi xử lý yêu cầu; chưa có gì được đăng.',
      en: 'The server failed to handle the request; nothing was published.',
    },
    fix: { vi: 'Đơn vị chủ quản xem nhật ký máy chủ.', en: "The hosting unit's administrator can read the server log." },
  },
} as const satisfies Record<string, ErrorData>;

export type ServerErrorName = keyof typeof SERVER_ERRORS;

/** A server error on the command line: the message, then how to fix it. */
export function serverError(code: ServerErrorName, args: ErrorArgs, lang: Lang): string {
  return renderError(SERVER_ERRORS[code], args, lang);
}

/** A server error for the browser: one line, the fix (if any) as the sentence after the message. */
export function serverAnswer(code: ServerErrorName, args: ErrorArgs, lang: Lang): string {
  const data: ErrorData = SERVER_ERRORS[code];
  return `${fill(data.message[lang], args, lang)} ${fill(data.fix[lang], args, lang)}`.trim();
}
