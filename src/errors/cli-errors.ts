/**
 * Mistakes on the command line and failures the commands report, as data (see `catalogue.ts`
 * for the shape): a wrong option or value, a missing folder, a server that cannot start. Each
 * names the option or path involved, says what was expected and how to fix it. Names are
 * permanent.
 */
import { renderError, type ErrorArgs, type ErrorData } from './catalogue.ts';
import type { Lang } from './content-errors.ts';

export const CLI_ERRORS = {
  // --- Any command -----------------------------------------------------------------------------
  unknownCommand: {
    message: { vi: 'Không có lệnh "{command}".{suggestion}', en: 'There is no command "{command}".{suggestion}' },
    fix: { vi: 'Chọn một lệnh trong danh sách dưới đây.', en: 'Pick a command from the list below.' },
  },
  unknownOption: {
    message: { vi: 'Lệnh {command} không có tùy chọn {option}.', en: 'The {command} command has no option {option}.' },
    fix: {
      vi: 'Xem các tùy chọn của lệnh ở dưới; một giá trị bắt đầu bằng dấu - thì viết liền sau dấu =, ví dụ --title="-5 độ".',
      en: 'See the options of the command below; a value that starts with - goes after =, e.g. --title="-5 degrees".',
    },
  },
  optionNeedsValue: {
    message: { vi: 'Tùy chọn {option} cần một giá trị.', en: 'The option {option} needs a value.' },
    fix: {
      vi: 'Viết giá trị ngay sau tùy chọn, ví dụ {option} GIÁ_TRỊ.',
      en: 'Put the value right after the option, e.g. {option} VALUE.',
    },
  },
  optionTakesNoValue: {
    message: { vi: 'Tùy chọn {option} không nhận giá trị.', en: 'The option {option} takes no value.' },
    fix: { vi: 'Viết {option} một mình, không có = và giá trị.', en: 'Write {option} alone, without = and a value.' },
  },
  unexpectedArgument: {
    message: { vi: 'Lệnh {command} không nhận đối số "{argument}".', en: 'The {command} command takes no argument "{argument}".' },
    fix: {
      vi: 'Giá trị có khoảng trắng cần đặt trong dấu nháy kép, và mỗi giá trị đi sau tùy chọn của nó (ví dụ --content "Nội dung").',
      en: 'Quote values that contain spaces, and put each value after its option (e.g. --content "My content").',
    },
  },
  badArguments: {
    message: { vi: 'Không hiểu các tham số của lệnh {command}.', en: 'The arguments of {command} could not be read.' },
    fix: { vi: 'Xem hướng dẫn của lệnh ở dưới.', en: 'See the help of the command below.' },
  },
  badLang: {
    message: { vi: '--lang phải là vi hoặc en, không phải "{value}".', en: '--lang must be vi or en, not "{value}".' },
    fix: {
      vi: 'Viết --lang vi (tiếng Việt, mặc định) hoặc --lang en (tiếng Anh).',
      en: 'Write --lang vi (Vietnamese, the default) or --lang en.',
    },
  },
  badPort: {
    message: { vi: '--port phải là số từ {min} đến 65535, không phải "{value}".', en: '--port must be {min} to 65535, not "{value}".' },
    fix: { vi: 'Viết theo mẫu: --port 8080', en: 'Write it like this: --port 8080' },
  },
  // One sentence, the fix included: it is read right after typing the command (tests/cli/help.test.ts).
  npmSwallowed: {
    message: {
      vi: 'npm đã giữ lại {flags} nên lệnh không nhận được: khi chạy qua npm, hãy thêm -- sau tên lệnh npm, ví dụ {example}',
      en: 'npm kept {flags} for itself, so the command never got them: when running through npm, add -- after the npm script name, e.g. {example}',
    },
    fix: { vi: '', en: '' },
  },
  noSchools: {
    message: { vi: 'Không tìm thấy trường nào trong {dir}/schools/.', en: 'No school found in {dir}/schools/.' },
    fix: {
      vi: 'Mỗi trường là một thư mục content/schools/<mã-trường>/ có tệp school.yaml; chỉ thư mục nội dung bằng --content, hoặc tạo trường bằng new school.',
      en: 'Each school is a folder content/schools/<school-id>/ with a school.yaml; point to the content folder with --content, or create one with new school.',
    },
  },
  unexpected: {
    message: {
      vi: 'Lỗi không mong đợi: {detail}',
      en: 'Unexpected error: {detail}',
    },
    fix: {
      vi: 'Xin báo lỗi kèm lệnh đã chạy; chạy lại với CONGTRUONG_DEBUG=1 để xem chi tiết.',
      en: 'Please report it with the command you ran; CONGTRUONG_DEBUG=1 shows the details.',
    },
  },

  // --- build, check ----------------------------------------------------------------------------
  badShard: {
    message: {
      vi: '--shard phải có dạng i/n với 1 ≤ i ≤ n, không phải "{value}".',
      en: '--shard must be i/n with 1 ≤ i ≤ n, not "{value}".',
    },
    fix: { vi: 'Viết theo mẫu: --shard 2/4 (phần thứ 2 trong 4 phần).', en: 'Write it like this: --shard 2/4 (part 2 of 4).' },
  },
  badJobs: {
    message: { vi: '--jobs phải là số nguyên dương, không phải "{value}".', en: '--jobs must be a positive integer, not "{value}".' },
    fix: { vi: 'Viết theo mẫu: --jobs 4', en: 'Write it like this: --jobs 4' },
  },
  badBuildDate: {
    message: {
      vi: '--date phải là một ngày có thật dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm, không phải "{value}".',
      en: '--date must be a real date YYYY-MM-DD or YYYY-MM-DDTHH:mm, not "{value}".',
    },
    fix: {
      vi: 'Viết theo mẫu: --date 2026-09-05 hoặc --date 2026-09-05T07:30',
      en: 'Write it like this: --date 2026-09-05 or --date 2026-09-05T07:30',
    },
  },
  badDate: {
    message: {
      vi: '--date phải là một ngày có thật dạng YYYY-MM-DD, không phải "{value}".',
      en: '--date must be a real date YYYY-MM-DD, not "{value}".',
    },
    fix: { vi: 'Viết theo mẫu: --date 2026-09-05', en: 'Write it like this: --date 2026-09-05' },
  },
  badFormat: {
    message: {
      vi: '--format phải là một trong: {formats}, không phải "{value}".',
      en: '--format must be one of: {formats}, not "{value}".',
    },
    fix: { vi: 'Viết theo mẫu: --format json', en: 'Write it like this: --format json' },
  },
  unknownPreset: {
    message: { vi: 'Không có bộ quy tắc "{value}".{suggestion}', en: 'There is no preset "{value}".{suggestion}' },
    fix: { vi: 'Chọn một trong: {presets}.', en: 'Pick one of: {presets}.' },
  },
  badLevel: {
    message: { vi: '--level phải là một trong: {levels}, không phải "{value}".', en: '--level must be one of: {levels}, not "{value}".' },
    fix: { vi: 'Viết theo mẫu: --level thcs (lặp lại cho nhiều cấp).', en: 'Write it like this: --level thcs (repeat for several).' },
  },
  htmlNeedsOut: {
    message: {
      vi: 'Định dạng html ghi nhiều tệp nên cần --out THƯ_MỤC.',
      en: 'The html format writes several files, so it needs --out DIR.',
    },
    fix: { vi: 'Thêm --out, ví dụ --out bao-cao.', en: 'Add --out, e.g. --out report.' },
  },
  siteFolderUnreadable: {
    message: { vi: 'Không đọc được thư mục trang web {dir}.', en: 'Cannot read the site folder {dir}.' },
    fix: {
      vi: 'Chỉ tới thư mục một trang đã dựng, ví dụ --site dist/sites/<tên miền>; dựng trang trước bằng lệnh build.',
      en: 'Point to the folder of a built site, e.g. --site dist/sites/<domain>; build it first with the build command.',
    },
  },

  // --- rank ------------------------------------------------------------------------------------
  rankOneSource: {
    message: {
      vi: 'Cần đúng một trong --sites, --content, --from-snapshot (đang có {count}).',
      en: 'Give exactly one of --sites, --content, --from-snapshot (got {count}).',
    },
    fix: {
      vi: 'Chọn nguồn danh sách trường, ví dụ --sites truong.csv.',
      en: 'Choose where the list of schools comes from, e.g. --sites schools.csv.',
    },
  },
  notPositiveInteger: {
    message: {
      vi: '{option} phải là một số nguyên dương, không phải "{value}".',
      en: '{option} must be a positive integer, not "{value}".',
    },
    fix: { vi: 'Viết theo mẫu: {option} {example}', en: 'Write it like this: {option} {example}' },
  },
  badRetries: {
    message: { vi: '--retries phải là một số nguyên ≥ 0, không phải "{value}".', en: '--retries must be an integer ≥ 0, not "{value}".' },
    fix: { vi: 'Viết theo mẫu: --retries 2 (0 để không thử lại).', en: 'Write it like this: --retries 2 (0 for none).' },
  },
  badResolve: {
    message: {
      vi: '--resolve phải có dạng tên-miền=IP:cổng, không phải "{value}".',
      en: '--resolve must look like domain=IP:port, not "{value}".',
    },
    fix: {
      vi: 'Viết theo mẫu: --resolve thcs.example.edu.vn=127.0.0.1:8080',
      en: 'Write it like this: --resolve thcs.example.edu.vn=127.0.0.1:8080',
    },
  },
  sitesFileNotFound: {
    message: { vi: 'Không tìm thấy tệp danh sách {file}.', en: 'Sites file {file} not found.' },
    fix: {
      vi: 'Kiểm tra đường dẫn; tệp CSV có các cột id, name, url (xem congtruong rank --help).',
      en: 'Check the path; the CSV file has the columns id, name, url (see congtruong rank --help).',
    },
  },
  contentNotFound: {
    message: { vi: 'Không tìm thấy {dir}/schools/.', en: '{dir}/schools/ not found.' },
    fix: {
      vi: 'Chỉ tới thư mục nội dung có thư mục schools/, ví dụ --content content.',
      en: 'Point to a content folder that has a schools/ folder, e.g. --content content.',
    },
  },

  // --- users -----------------------------------------------------------------------------------
  unknownAction: {
    message: { vi: 'Không có thao tác "{action}".{suggestion}', en: 'There is no action "{action}".{suggestion}' },
    fix: { vi: 'Chọn một trong: {actions}.', en: 'Pick one of: {actions}.' },
  },
  missingLogin: {
    message: { vi: 'Thiếu tên đăng nhập (đúng một sau thao tác {action}).', en: 'The login name is missing (exactly one after {action}).' },
    fix: { vi: 'Viết theo mẫu: congtruong users {action} nguyen.van.a', en: 'Write it like this: congtruong users {action} nguyen.van.a' },
  },
  unknownAccount: {
    message: { vi: 'Không có tài khoản "{login}".', en: 'There is no account "{login}".' },
    fix: { vi: 'Xem danh sách tài khoản: congtruong users list', en: 'See the accounts: congtruong users list' },
  },
  accountExists: {
    message: { vi: 'Đã có tài khoản "{login}".', en: 'The account "{login}" already exists.' },
    fix: { vi: 'Đặt lại mật khẩu: congtruong users reset {login}', en: 'Reset its password: congtruong users reset {login}' },
  },
  badAccountLogin: {
    message: { vi: '--login: tên đăng nhập "{value}" không hợp lệ.', en: '--login: the login name "{value}" is not valid.' },
    fix: {
      vi: '3–64 ký tự chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới, ví dụ nguyen.van.a',
      en: '3–64 lower-case letters, digits, ".", "-" or "_", e.g. nguyen.van.a',
    },
  },
  badAccountName: {
    message: { vi: '--name: họ tên đầy đủ còn thiếu hoặc không hợp lệ.', en: '--name: the full name is missing or not valid.' },
    fix: { vi: 'Ghi họ tên đầy đủ, ví dụ --name "Nguyễn Văn A"', en: 'Give the full name, e.g. --name "Nguyễn Văn A"' },
  },
  badAccountEmail: {
    message: {
      vi: '--email: địa chỉ thư điện tử còn thiếu hoặc không hợp lệ.',
      en: '--email: the e-mail address is missing or not valid.',
    },
    fix: {
      vi: 'Ghi một địa chỉ thư điện tử, ví dụ --email vanphong@truong.edu.vn',
      en: 'Give an e-mail address, e.g. --email office@school.edu.vn',
    },
  },
  badAccountSchool: {
    message: { vi: '--school: biên tập viên cần mã trường.', en: '--school: an editor needs a school id.' },
    fix: {
      vi: 'Ghi mã trường (tên thư mục trong content/schools/) cho biên tập viên, hoặc --admin cho quản trị viên.',
      en: 'Give the school id (its folder in content/schools/) for an editor, or --admin for an administrator.',
    },
  },
  badAccountRole: {
    message: { vi: '--role "{value}": không có vai trò này.', en: '--role "{value}": there is no such role.' },
    fix: {
      vi: 'Ghi --role editor (biên tập viên) hoặc --role approver (người duyệt bài của trường).',
      en: "Give --role editor or --role approver (the school's reviewer).",
    },
  },
  accountSchoolUnknown: {
    message: { vi: 'Không có trường "{school}" trong {dir}/schools/.', en: 'There is no school "{school}" in {dir}/schools/.' },
    fix: { vi: 'Các trường có: {schools}.', en: 'Schools: {schools}.' },
  },
  shortPassword: {
    message: { vi: 'Mật khẩu cần ít nhất {min} ký tự.', en: 'The password needs at least {min} characters.' },
    fix: {
      vi: 'Bỏ --password-stdin để máy tạo một mật khẩu mạnh, hoặc nhập mật khẩu dài hơn.',
      en: 'Leave out --password-stdin to get a strong generated password, or give a longer one.',
    },
  },

  // --- dev, serve, nginx -----------------------------------------------------------------------
  missingDevSchool: {
    message: { vi: 'Thiếu mã trường. Các trường có: {schools}.', en: 'The school id is missing. Schools: {schools}.' },
    fix: { vi: 'Viết theo mẫu: congtruong dev {example}', en: 'Write it like this: congtruong dev {example}' },
  },
  unknownDevSchool: {
    message: {
      vi: 'Không có trường "{school}" trong {dir}.{suggestion} Các trường có: {schools}.',
      en: 'There is no school "{school}" in {dir}.{suggestion} Schools: {schools}.',
    },
    fix: { vi: 'Viết đúng tên thư mục của trường.', en: "Write the school's folder name exactly." },
  },
  devFailed: {
    message: { vi: 'Không khởi động được máy chủ xem trước: {reason}', en: 'Could not start the preview server: {reason}' },
    fix: {
      vi: 'Nếu cổng đang bận, chọn cổng khác bằng --port; nếu không, chạy lại với CONGTRUONG_DEBUG=1 và báo lỗi.',
      en: 'If the port is busy, choose another with --port; otherwise run again with CONGTRUONG_DEBUG=1 and report it.',
    },
  },
  badPublicUrl: {
    message: {
      vi: '--public-url phải là địa chỉ gốc (không có đường dẫn), không phải "{value}".',
      en: '--public-url must be an origin (no path), not "{value}".',
    },
    fix: {
      vi: 'Viết theo mẫu: --public-url https://soanbai.pgd.example.edu.vn',
      en: 'Write it like this: --public-url https://editor.example.edu.vn',
    },
  },
  badPrint: {
    message: { vi: '--print cần systemd hoặc nginx, cùng --public-url.', en: '--print needs systemd or nginx, with --public-url.' },
    fix: {
      vi: 'Viết theo mẫu: --print nginx --public-url https://soanbai.pgd.example.edu.vn',
      en: 'Write it like this: --print nginx --public-url https://editor.example.edu.vn',
    },
  },
  serveFailed: {
    message: { vi: 'Không khởi động được máy chủ soạn bài: {reason}', en: 'Could not start the publishing server: {reason}' },
    fix: {
      vi: 'Nếu cổng đang bận, chọn cổng khác bằng --port; kiểm tra quyền ghi của --db và --out.',
      en: 'If the port is busy, choose another with --port; check that --db and --out are writable.',
    },
  },
  badEditorHost: {
    message: {
      vi: '--editor cần tên máy của trang soạn bài, không phải {value}.',
      en: "--editor needs the editor's host name, not {value}.",
    },
    fix: {
      vi: 'Viết tên máy bằng chữ thường, ví dụ --editor soanbai.pgd.example.edu.vn',
      en: 'Write the host name in lower case, e.g. --editor editor.example.edu.vn',
    },
  },
  badEditorPort: {
    message: { vi: '--editor-port phải là số từ 1 đến 65535, không phải {value}.', en: '--editor-port must be 1 to 65535, not {value}.' },
    fix: {
      vi: 'Ghi cổng mà congtruong serve nghe, ví dụ --editor-port 8080',
      en: 'Give the port congtruong serve listens on, e.g. --editor-port 8080',
    },
  },
  badEditorCertPath: {
    message: {
      vi: '--editor-cert và --editor-key cần đường dẫn tuyệt đối, không phải {value}.',
      en: '--editor-cert and --editor-key need absolute paths, not {value}.',
    },
    fix: {
      vi: 'Ghi đường dẫn bắt đầu bằng /, không dấu cách hay ký tự đặc biệt, ví dụ --editor-cert /etc/ssl/soanbai.pem',
      en: 'Give a path starting with /, without spaces or special characters, e.g. --editor-cert /etc/ssl/editor.pem',
    },
  },
  unsafeCertDir: {
    message: {
      vi: 'Đường dẫn chứng chỉ {dir} có ký tự {char} mà nginx không đọc đúng được.',
      en: 'The certificate path {dir} contains {char}, which nginx cannot read safely.',
    },
    fix: {
      vi: 'Dùng một thư mục không có ký tự đó, ví dụ /etc/letsencrypt/live.',
      en: 'Use a folder without it, e.g. /etc/letsencrypt/live.',
    },
  },
  badListen: {
    message: {
      vi: '--listen phải là một cổng (1–65535), có thể kèm địa chỉ, không phải {value}.',
      en: '--listen must be a port (1–65535), optionally with an address, not {value}.',
    },
    fix: {
      vi: 'Viết theo mẫu: --listen 80, --listen 8080 hoặc --listen 127.0.0.1:8080',
      en: 'Write it like this: --listen 80, --listen 8080 or --listen 127.0.0.1:8080',
    },
  },
  unsafeSitesPath: {
    message: {
      vi: 'Đường dẫn {dir} có ký tự {char} mà nginx không đọc đúng được.',
      en: 'The path {dir} contains {char}, which nginx cannot read safely.',
    },
    fix: {
      vi: 'Chuyển thư mục kết quả sang đường dẫn không có ký tự đó (ví dụ /srv/congtruong/sites) rồi chỉ tới nó bằng --sites.',
      en: 'Move the output folder to a path without it (e.g. /srv/congtruong/sites) and point to it with --sites.',
    },
  },
  sitesUnreadable: {
    message: { vi: 'Không đọc được {dir}.', en: 'Cannot read {dir}.' },
    fix: {
      vi: 'Chạy `npm run build` trước, hoặc chỉ thư mục bằng --sites.',
      en: 'Run `npm run build` first, or point to the folder with --sites.',
    },
  },
  skippedSiteFolders: {
    message: {
      vi: 'Bỏ qua {count} thư mục không phải tên miền trong {dir}: {names}.',
      en: 'Skipped {count} folder(s) of {dir} that are not domains: {names}.',
    },
    fix: {
      vi: 'Thư mục của một trang web được đặt tên theo tên miền, chữ thường (ví dụ thcsleloi.songxanh.edu.vn).',
      en: "A site's folder is named after its domain, in lower case (e.g. thcsleloi.songxanh.edu.vn).",
    },
  },
  cannotWrite: {
    message: { vi: 'Không ghi được {file} ({code}).', en: 'Cannot write {file} ({code}).' },
    fix: {
      vi: 'Kiểm tra thư mục có tồn tại và quyền ghi (tệp trong /etc/nginx cần chạy bằng sudo).',
      en: 'Check that the folder exists and is writable (files in /etc/nginx need sudo).',
    },
  },
} as const satisfies Record<string, ErrorData>;

export type CliErrorName = keyof typeof CLI_ERRORS;

/** The text of a command-line error in `lang`: message, then how to fix it. */
export function cliError(code: CliErrorName, args: ErrorArgs, lang: Lang): string {
  return renderError(CLI_ERRORS[code], args, lang);
}

/**
 * The language a command was asked to speak, read from the raw arguments: for errors found
 * before the options are parsed (or when parsing them fails). Vietnamese unless `--lang en`.
 */
export function langOfArgv(argv: readonly string[]): Lang {
  const at = argv.indexOf('--lang');
  return (at >= 0 && argv[at + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'vi';
}

/**
 * A `parseArgs` failure (Node writes those in English) as a catalogue entry in `lang`: the
 * option or argument Node names, and the command's help after it is the caller's.
 */
export function parseArgsError(err: unknown, command: string, lang: Lang): string {
  const e = err as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
  const option = quoted.split(/[ =]/)[0] ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return cliError('unknownOption', { command, option }, lang);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // Node says "argument missing" for a string option and "does not take an argument" for a flag.
      return cliError(/does not take/.test(e.message ?? '') ? 'optionTakesNoValue' : 'optionNeedsValue', { option }, lang);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return cliError('unexpectedArgument', { command, argument: quoted }, lang);
    default:
      return cliError('badArguments', { command }, lang);
  }
}
