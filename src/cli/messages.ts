/** Texts of the command line, Vietnamese first. */
import type { Lang } from '../errors/content-errors.ts';
import type { SiteStatus } from '../build/build-sites.ts';

interface CliText {
  usage: string;
  unknownCommand: (c: string) => string;
  noSchools: (dir: string) => string;
  validated: (ok: number, invalid: string[]) => string;
  status: Record<SiteStatus, string>;
  keptPrevious: string;
  compliance: (errors: number, warnings: number) => string;
  tableHeader: readonly string[];
  finished: (seconds: number, ok: boolean) => string;
}

const USAGE_VI = `Cách dùng: congtruong <lệnh> [tùy chọn]

Lệnh:
  build      Kiểm tra nội dung rồi dựng mọi trường thành trang web tĩnh trong <out>/sites/<tên miền>/
  validate   Chỉ kiểm tra nội dung, báo mọi lỗi của mọi trường
  check      Kiểm tra tuân thủ quy định (TT 37/2020, TT 09/2024 …) trên nội dung hoặc trang đã dựng
  nginx      Ghi cấu hình nginx cho các trang đã dựng (--sites dist/sites, --listen 80, --https, --out TỆP)
  new        Tạo nội dung mới đúng mẫu: news, document, form, disclosure, admission, school … (new --help)
  dev        Xem trước một trường, tự tải lại khi sửa, soạn bài tại /admin/ (dev <mã trường>, dev --help)
  rank       Thu thập và chấm điểm các trang web trường, xuất báo cáo xếp hạng (rank --help)

Tùy chọn:
  --content THƯ_MỤC   Thư mục nội dung (mặc định: content)
  --out THƯ_MỤC       Thư mục kết quả (mặc định: dist)
  --school MÃ         Chỉ dựng trường này (lặp lại để chọn nhiều trường)
  --force             Dựng lại mọi trường, kể cả trường không thay đổi
  --jobs N            Số trang web xử lý song song sau khi dựng (mặc định: số nhân CPU)
  --shard i/n         Chỉ dựng phần thứ i trong n phần (chia trường cố định theo mã, cho nhiều máy)
  --host-only         Chỉ dựng cổng của đơn vị, trên các trường đã xuất bản (sau khi gộp các phần --shard)
  --lang vi|en        Ngôn ngữ thông báo (mặc định: vi)
  -h, --help          Xem hướng dẫn này

Tùy chọn của check:
  --site THƯ_MỤC      Kiểm tra một trang web đã dựng (ví dụ dist/sites/<tên miền>) thay vì nội dung
  --date YYYY-MM-DD   Ngày dùng để tính hạn (mặc định: hôm nay, giờ Việt Nam)
  --format text|json|sarif|html   Định dạng báo cáo (mặc định: text; html cần --out THƯ_MỤC)
  --preset MÃ         Bộ quy tắc: recommended, tt37-2020, tt09-2024, tt32-2017, tt26-2020, tt24-2011, tt53-2012, tt36-2017
                      "Thông tư 53" (TT 53/2012) hết hiệu lực từ 20/11/2020: nay áp dụng TT 37/2020 (cổng thông tin)
                      và TT 09/2024 (công khai); tt53-2012 dùng sau ngày đó kiểm tra cả các thông tư đang có hiệu lực.
  --level CẤP         Cấp học của trang web khi kiểm tra --site (mn, th, thcs, thpt, gdtx)
  --out TỆP           Ghi báo cáo vào tệp (hoặc thư mục với html)`;

const USAGE_EN = `Usage: congtruong <command> [options]

Commands:
  build      Validate the content, then build every school into <out>/sites/<domain>/
  validate   Only validate the content and report every problem of every school
  check      Check compliance (TT 37/2020, TT 09/2024 …) of the content or of built sites
  nginx      Write the nginx configuration of the built sites (--sites dist/sites, --listen 80, --https, --out FILE)
  new        Create content from templates: news, document, form, disclosure, admission, school … (new --help)
  dev        Preview one school with live reload and the editor at /admin/ (dev <school id>, dev --help)
  rank       Crawl and score school websites, write a ranking report (rank --help)

Options:
  --content DIR   Content folder (default: content)
  --out DIR       Output folder (default: dist)
  --school ID     Build only this school (repeat for several)
  --force         Rebuild every school, even unchanged ones
  --jobs N        Sites processed in parallel after rendering (default: CPU count)
  --shard i/n     Build only part i of n (schools split deterministically by id, for several machines)
  --host-only     Build only the host portal over the schools already published (after merging shards)
  --lang vi|en    Language of messages (default: vi)
  -h, --help      Show this help

Options of check:
  --site DIR      Check a built site (e.g. dist/sites/<domain>) instead of the content
  --date YYYY-MM-DD   Date that decides what is due (default: today, Vietnam time)
  --format text|json|sarif|html   Report format (default: text; html needs --out DIR)
  --preset ID     Rule set: recommended, tt37-2020, tt09-2024, tt32-2017, tt26-2020, tt24-2011, tt53-2012, tt36-2017
                  "Circular 53" (TT 53/2012) ended on 20/11/2020: TT 37/2020 (portals) and TT 09/2024
                  (disclosures) apply; tt53-2012 used after that date also checks the circulars in force.
  --level LEVEL   School level of the site checked with --site (mn, th, thcs, thpt, gdtx)
  --out FILE      Write the report to a file (a folder for html)`;

export const CLI_TEXT: Record<Lang, CliText> = {
  vi: {
    usage: USAGE_VI,
    unknownCommand: (c) => `Không có lệnh "${c}".`,
    noSchools: (dir) =>
      `Không tìm thấy trường nào trong ${dir}/schools/. Mỗi trường là một thư mục content/schools/<mã-trường>/ có tệp school.yaml.`,
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
  },
  en: {
    usage: USAGE_EN,
    unknownCommand: (c) => `There is no command "${c}".`,
    noSchools: (dir) => `No school found in ${dir}/schools/. Each school is a folder content/schools/<school-id>/ with a school.yaml.`,
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
  },
};
