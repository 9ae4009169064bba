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
  tableHeader: readonly string[];
  finished: (seconds: number, ok: boolean) => string;
}

const USAGE_VI = `Cách dùng: congtruong <lệnh> [tùy chọn]

Lệnh:
  build      Kiểm tra nội dung rồi dựng mọi trường thành trang web tĩnh trong <out>/sites/<tên miền>/
  validate   Chỉ kiểm tra nội dung, báo mọi lỗi của mọi trường

Tùy chọn:
  --content THƯ_MỤC   Thư mục nội dung (mặc định: content)
  --out THƯ_MỤC       Thư mục kết quả (mặc định: dist)
  --school MÃ         Chỉ dựng trường này (lặp lại để chọn nhiều trường)
  --lang vi|en        Ngôn ngữ thông báo (mặc định: vi)
  -h, --help          Xem hướng dẫn này`;

const USAGE_EN = `Usage: congtruong <command> [options]

Commands:
  build      Validate the content, then build every school into <out>/sites/<domain>/
  validate   Only validate the content and report every problem of every school

Options:
  --content DIR   Content folder (default: content)
  --out DIR       Output folder (default: dist)
  --school ID     Build only this school (repeat for several)
  --lang vi|en    Language of messages (default: vi)
  -h, --help      Show this help`;

export const CLI_TEXT: Record<Lang, CliText> = {
  vi: {
    usage: USAGE_VI,
    unknownCommand: (c) => `Không có lệnh "${c}".`,
    noSchools: (dir) =>
      `Không tìm thấy trường nào trong ${dir}/schools/. Mỗi trường là một thư mục content/schools/<mã-trường>/ có tệp school.yaml.`,
    validated: (ok, invalid) =>
      invalid.length === 0 ? `${ok} trường hợp lệ.` : `${ok} trường hợp lệ; ${invalid.length} trường có lỗi: ${invalid.join(', ')}.`,
    status: { built: 'đã dựng', invalid: 'lỗi nội dung', failed: 'dựng thất bại' },
    keptPrevious: 'giữ bản đã đăng trước đó',
    tableHeader: ['Trường', 'Trạng thái', 'Số trang', 'Tên miền'],
    finished: (s, ok) =>
      ok ? `Hoàn tất sau ${s.toFixed(1)} giây.` : `Kết thúc sau ${s.toFixed(1)} giây, có trường chưa dựng được: xem các lỗi ở trên.`,
  },
  en: {
    usage: USAGE_EN,
    unknownCommand: (c) => `There is no command "${c}".`,
    noSchools: (dir) => `No school found in ${dir}/schools/. Each school is a folder content/schools/<school-id>/ with a school.yaml.`,
    validated: (ok, invalid) =>
      invalid.length === 0 ? `${ok} valid schools.` : `${ok} valid schools; ${invalid.length} with problems: ${invalid.join(', ')}.`,
    status: { built: 'built', invalid: 'invalid content', failed: 'build failed' },
    keptPrevious: 'previous version kept',
    tableHeader: ['School', 'Status', 'Pages', 'Domain'],
    finished: (s, ok) =>
      ok ? `Done in ${s.toFixed(1)} s.` : `Finished in ${s.toFixed(1)} s; some schools were not built: see the problems above.`,
  },
};
