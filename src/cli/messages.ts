/** Texts of the command line, Vietnamese first. */
import type { Lang } from '../errors/content-errors.ts';
import type { SiteStatus } from '../pipeline/build-sites.ts';
import { formatDateVi } from '../util/dates.ts';

interface CliText {
  usage: string;
  validated: (ok: number, invalid: string[]) => string;
  status: Record<SiteStatus, string>;
  keptPrevious: string;
  compliance: (errors: number, warnings: number) => string;
  tableHeader: readonly string[];
  finished: (seconds: number, ok: boolean) => string;
  nextScheduled: (at: string) => string;
}

const USAGE_VI = `Cách dùng: congtruong <lệnh> [tùy chọn]

Lệnh:
  build      Kiểm tra nội dung rồi dựng mọi trường thành trang web tĩnh trong <out>/sites/<tên miền>/
  validate   Chỉ kiểm tra nội dung, báo mọi lỗi của mọi trường
  check      Kiểm tra tuân thủ quy định (TT 37/2020, TT 09/2024 …) trên nội dung hoặc trang đã dựng
  nginx      Ghi cấu hình nginx cho các trang đã dựng
  new        Tạo nội dung mới đúng mẫu: news, document, form, disclosure, admission, school …
  dev        Xem trước một trường, tự tải lại khi sửa, soạn bài tại /admin/
  serve      Máy chủ soạn bài của đơn vị chủ quản: mỗi trường soạn và đăng bài trên trình duyệt
  users      Tài khoản của máy chủ soạn bài: add, reset, disable, enable, list
  rank       Thu thập và chấm điểm các trang web trường, xuất báo cáo xếp hạng

Tùy chọn của từng lệnh: congtruong <lệnh> --help (ví dụ congtruong build --help).
Qua npm, thêm -- trước tên lệnh: npm run congtruong -- build --help.`;

const USAGE_EN = `Usage: congtruong <command> [options]

Commands:
  build      Validate the content, then build every school into <out>/sites/<domain>/
  validate   Only validate the content and report every problem of every school
  check      Check compliance (TT 37/2020, TT 09/2024 …) of the content or of built sites
  nginx      Write the nginx configuration of the built sites
  new        Create content from templates: news, document, form, disclosure, admission, school …
  dev        Preview one school with live reload and the editor at /admin/
  serve      A hosting unit's publishing server: each school edits and publishes in the browser
  users      Accounts of the publishing server: add, reset, disable, enable, list
  rank       Crawl and score school websites, write a ranking report

Each command's options: congtruong <command> --help (e.g. congtruong build --help).
Through npm, put -- before the command: npm run congtruong -- build --help.`;

export const CLI_TEXT: Record<Lang, CliText> = {
  vi: {
    usage: USAGE_VI,
    validated: (ok, invalid) =>
      invalid.length === 0 ? `${ok} trường hợp lệ.` : `${ok} trường hợp lệ; ${invalid.length} trường có lỗi: ${invalid.join(', ')}.`,
    status: {
      built: 'đã dựng',
      unchanged: 'không đổi',
      invalid: 'lỗi nội dung',
      failed: 'dựng thất bại',
      blocked: 'chưa đăng vì lỗi tuân thủ',
      hostInvalid: 'chưa dựng: host.yaml hoặc host/ có lỗi',
    },
    keptPrevious: 'giữ bản đã đăng trước đó',
    compliance: (e, w) => `${e} lỗi, ${w} cảnh báo`,
    tableHeader: ['Trường', 'Trạng thái', 'Số trang', 'Tuân thủ', 'Tên miền'],
    finished: (s, ok) =>
      ok ? `Hoàn tất sau ${s.toFixed(1)} giây.` : `Kết thúc sau ${s.toFixed(1)} giây, có trường chưa dựng được: xem các lỗi ở trên.`,
    nextScheduled: (at) => `Bài hẹn giờ đăng tiếp theo: ${formatDateVi(at)}. Chạy lại lệnh dựng sau thời điểm đó để đăng.`,
  },
  en: {
    usage: USAGE_EN,
    validated: (ok, invalid) =>
      invalid.length === 0 ? `${ok} valid schools.` : `${ok} valid schools; ${invalid.length} with problems: ${invalid.join(', ')}.`,
    status: {
      built: 'built',
      unchanged: 'unchanged',
      invalid: 'invalid content',
      failed: 'build failed',
      blocked: 'not published: compliance errors',
      hostInvalid: 'not built: host.yaml or host/ has errors',
    },
    keptPrevious: 'previous version kept',
    compliance: (e, w) => `${e} errors, ${w} warnings`,
    tableHeader: ['School', 'Status', 'Pages', 'Compliance', 'Domain'],
    finished: (s, ok) =>
      ok ? `Done in ${s.toFixed(1)} s.` : `Finished in ${s.toFixed(1)} s; some schools were not built: see the problems above.`,
    nextScheduled: (at) => `Next scheduled entry: ${formatDateVi(at)}. Build again after that time to publish it.`,
  },
};
