/**
 * The options of the commands that `main.ts` parses itself (build, validate, check, nginx):
 * one table, from which both the argument parser and each command's `--help` are made, so a
 * command accepts exactly the options its help lists. `rank`, `new` and `dev` parse their own.
 */
import type { Lang } from '../errors/content-errors.ts';
import { cliError } from '../errors/cli-errors.ts';

type Text = Record<Lang, string>;

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in the help (`THƯ_MỤC`), for string options. */
  arg?: Text;
  help: Text;
}

const content: OptionSpec = {
  type: 'string',
  arg: { vi: 'THƯ_MỤC', en: 'DIR' },
  help: { vi: 'Thư mục nội dung (mặc định: content)', en: 'Content folder (default: content)' },
};
const school: OptionSpec = {
  type: 'string',
  multiple: true,
  arg: { vi: 'MÃ', en: 'ID' },
  help: { vi: 'Chỉ trường này (lặp lại để chọn nhiều trường)', en: 'Only this school (repeat for several)' },
};
const lang: OptionSpec = {
  type: 'string',
  arg: { vi: 'vi|en', en: 'vi|en' },
  help: { vi: 'Ngôn ngữ thông báo (mặc định: vi)', en: 'Language of messages (default: vi)' },
};
const help: OptionSpec = { type: 'boolean', short: 'h', help: { vi: 'Xem hướng dẫn của lệnh này', en: 'Show this help' } };

export interface CommandSpec {
  summary: Text;
  /** Extra lines under the option list (examples, notes). */
  notes?: Text;
  options: Record<string, OptionSpec>;
}

export const COMMANDS = {
  build: {
    summary: {
      vi: 'Kiểm tra nội dung rồi dựng mọi trường thành trang web tĩnh trong <out>/sites/<tên miền>/',
      en: 'Validate the content, then build every school into <out>/sites/<domain>/',
    },
    options: {
      content,
      out: {
        type: 'string',
        arg: { vi: 'THƯ_MỤC', en: 'DIR' },
        help: { vi: 'Thư mục kết quả (mặc định: dist)', en: 'Output folder (default: dist)' },
      },
      school: {
        ...school,
        help: { vi: 'Chỉ dựng trường này (lặp lại để chọn nhiều trường)', en: 'Build only this school (repeat for several)' },
      },
      force: {
        type: 'boolean',
        help: { vi: 'Dựng lại mọi trường, kể cả trường không thay đổi', en: 'Rebuild every school, even unchanged ones' },
      },
      jobs: {
        type: 'string',
        arg: { vi: 'N', en: 'N' },
        help: {
          vi: 'Số trang web xử lý song song sau khi dựng (mặc định: số nhân CPU)',
          en: 'Sites processed in parallel after rendering (default: CPU count)',
        },
      },
      shard: {
        type: 'string',
        arg: { vi: 'i/n', en: 'i/n' },
        help: {
          vi: 'Chỉ dựng phần thứ i trong n phần (chia trường cố định theo mã, cho nhiều máy)',
          en: 'Build only part i of n (schools split deterministically by id, for several machines)',
        },
      },
      'host-only': {
        type: 'boolean',
        help: {
          vi: 'Chỉ dựng cổng của đơn vị, trên các trường đã xuất bản (sau khi gộp các phần --shard)',
          en: 'Build only the host portal over the schools already published (after merging shards)',
        },
      },
      date: {
        type: 'string',
        arg: { vi: 'YYYY-MM-DD[THH:mm]', en: 'YYYY-MM-DD[THH:mm]' },
        help: {
          vi: 'Dựng như vào ngày (giờ) này: bài hẹn đăng sau thời điểm đó chưa hiện; hạn tuân thủ tính theo ngày này (mặc định: bây giờ, giờ Việt Nam)',
          en: 'Build as at this date (time): entries scheduled later are left out; compliance deadlines use this date (default: now, Vietnam time)',
        },
      },
      lang,
      help,
    },
  },
  validate: {
    summary: {
      vi: 'Chỉ kiểm tra nội dung, báo mọi lỗi của mọi trường',
      en: 'Only validate the content and report every problem of every school',
    },
    options: { content, school, lang, help },
  },
  check: {
    summary: {
      vi: 'Kiểm tra tuân thủ quy định (TT 37/2020, TT 09/2024 …) trên nội dung hoặc trang đã dựng',
      en: 'Check compliance (TT 37/2020, TT 09/2024 …) of the content or of built sites',
    },
    notes: {
      vi: '"Thông tư 53" (TT 53/2012) hết hiệu lực từ 20/11/2020: nay áp dụng TT 37/2020 (cổng thông tin) và TT 09/2024 (công khai); --preset tt53-2012 dùng sau ngày đó kiểm tra cả các thông tư đang có hiệu lực.\nMã thoát: 0 không có lỗi, 1 có lỗi, 2 tham số sai hoặc không đọc được dữ liệu.',
      en: '"Circular 53" (TT 53/2012) ended on 20/11/2020: TT 37/2020 (portals) and TT 09/2024 (disclosures) apply; --preset tt53-2012 used after that date also checks the circulars in force.\nExit code: 0 no errors, 1 errors found, 2 bad arguments or unreadable input.',
    },
    options: {
      content,
      school,
      site: {
        type: 'string',
        multiple: true,
        arg: { vi: 'THƯ_MỤC', en: 'DIR' },
        help: {
          vi: 'Kiểm tra một trang web đã dựng (ví dụ dist/sites/<tên miền>) thay vì nội dung',
          en: 'Check a built site (e.g. dist/sites/<domain>) instead of the content',
        },
      },
      date: {
        type: 'string',
        arg: { vi: 'YYYY-MM-DD', en: 'YYYY-MM-DD' },
        help: {
          vi: 'Ngày dùng để tính hạn (mặc định: hôm nay, giờ Việt Nam)',
          en: 'Date that decides what is due (default: today, Vietnam time)',
        },
      },
      format: {
        type: 'string',
        arg: { vi: 'text|json|sarif|html', en: 'text|json|sarif|html' },
        help: {
          vi: 'Định dạng báo cáo (mặc định: text; html cần --out THƯ_MỤC)',
          en: 'Report format (default: text; html needs --out DIR)',
        },
      },
      preset: {
        type: 'string',
        arg: { vi: 'MÃ', en: 'ID' },
        help: {
          vi: 'Bộ quy tắc: recommended, tt37-2020, tt09-2024, tt32-2017, tt26-2020, tt24-2011, tt53-2012, tt36-2017',
          en: 'Rule set: recommended, tt37-2020, tt09-2024, tt32-2017, tt26-2020, tt24-2011, tt53-2012, tt36-2017',
        },
      },
      level: {
        type: 'string',
        multiple: true,
        arg: { vi: 'CẤP', en: 'LEVEL' },
        help: {
          vi: 'Cấp học của trang web khi kiểm tra --site (mn, th, thcs, thpt, gdtx)',
          en: 'School level of the site checked with --site (mn, th, thcs, thpt, gdtx)',
        },
      },
      out: {
        type: 'string',
        arg: { vi: 'TỆP', en: 'FILE' },
        help: { vi: 'Ghi báo cáo vào tệp (hoặc thư mục với html)', en: 'Write the report to a file (a folder for html)' },
      },
      lang,
      help,
    },
  },
  nginx: {
    summary: {
      vi: 'Ghi cấu hình nginx cho các trang đã dựng',
      en: 'Write the nginx configuration of the built sites',
    },
    options: {
      sites: {
        type: 'string',
        arg: { vi: 'THƯ_MỤC', en: 'DIR' },
        help: { vi: 'Thư mục các trang đã dựng (mặc định: dist/sites)', en: 'Folder of the built sites (default: dist/sites)' },
      },
      listen: {
        type: 'string',
        arg: { vi: 'ĐỊA_CHỈ', en: 'ADDRESS' },
        help: { vi: 'Cổng hoặc địa chỉ:cổng nginx nghe (mặc định: 80)', en: 'Port or address:port nginx listens on (default: 80)' },
      },
      https: {
        type: 'boolean',
        help: {
          vi: 'Các trang được phục vụ qua HTTPS (bởi nginx hoặc bộ kết thúc TLS phía trước): gửi thêm tiêu đề HSTS',
          en: 'Sites are served over HTTPS (by nginx or a TLS terminator in front): also send the HSTS header',
        },
      },
      'tls-certs': {
        type: 'string',
        arg: { vi: 'THƯ_MỤC', en: 'DIR' },
        help: {
          vi: 'nginx tự phục vụ HTTPS (cổng 443, HTTP/2) với chứng chỉ THƯ_MỤC/<tên miền>/fullchain.pem và privkey.pem, như certbot để trong /etc/letsencrypt/live; kèm HSTS',
          en: 'nginx serves HTTPS itself (port 443, HTTP/2) with the certificates DIR/<domain>/fullchain.pem and privkey.pem, as certbot lays them out in /etc/letsencrypt/live; implies HSTS',
        },
      },
      out: {
        type: 'string',
        arg: { vi: 'TỆP', en: 'FILE' },
        help: { vi: 'Ghi cấu hình vào tệp (mặc định: in ra màn hình)', en: 'Write the configuration to a file (default: print it)' },
      },
      editor: {
        type: 'string',
        arg: { vi: 'TÊN_MÁY', en: 'HOSTNAME' },
        help: {
          vi: 'Thêm khối nginx cho trang soạn bài (congtruong serve) ở tên máy này, ví dụ soanbai.pgd.example.edu.vn (HTTPS, như serve --print nginx)',
          en: 'Add the nginx block of the editor (congtruong serve) at this host name, e.g. editor.example.edu.vn (HTTPS, as serve --print nginx)',
        },
      },
      'editor-port': {
        type: 'string',
        arg: { vi: 'CỔNG', en: 'PORT' },
        help: {
          vi: 'Cổng của congtruong serve trên 127.0.0.1 (mặc định: 8080)',
          en: 'Port of congtruong serve on 127.0.0.1 (default: 8080)',
        },
      },
      'editor-http': {
        type: 'boolean',
        help: {
          vi: 'Trang soạn bài chỉ qua HTTP (chỉ để thử trong mạng nội bộ)',
          en: 'Serve the editor over plain HTTP (only to try it on an internal network)',
        },
      },
      'editor-cert': {
        type: 'string',
        arg: { vi: 'TỆP', en: 'FILE' },
        help: {
          vi: 'Chứng chỉ TLS của trang soạn bài (mặc định: /etc/letsencrypt/live/<tên máy>/fullchain.pem)',
          en: "The editor's TLS certificate (default: /etc/letsencrypt/live/<hostname>/fullchain.pem)",
        },
      },
      'editor-key': {
        type: 'string',
        arg: { vi: 'TỆP', en: 'FILE' },
        help: {
          vi: 'Khoá riêng của chứng chỉ (mặc định: /etc/letsencrypt/live/<tên máy>/privkey.pem)',
          en: "The certificate's private key (default: /etc/letsencrypt/live/<hostname>/privkey.pem)",
        },
      },
      lang,
      help,
    },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

/** Whether a `--lang` value is one the messages exist in. */
export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/**
 * The one message for a bad `--lang`. Which language the user reads is unknown: English when
 * the value looks like a request for it (`--lang english`, `--lang EN`), Vietnamese otherwise.
 */
export const badLang = (value: unknown): string => cliError('badLang', { value: String(value) }, /^en/i.test(String(value)) ? 'en' : 'vi');

/** A `--port` value as a number, or undefined when it is not an integer from `min` to 65535. */
export function portOf(value: string | undefined, min = 1): number | undefined {
  const port = Number(value);
  return Number.isInteger(port) && port >= min && port <= 65535 ? port : undefined;
}

/** The message for a `--port` that `portOf` refused. */
export const badPort = (value: string | undefined, lang: Lang, min = 1): string => cliError('badPort', { value: String(value), min }, lang);

/** The `parseArgs` options of a command. */
export function parseOptions(spec: CommandSpec): Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> {
  return Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
}

/** `congtruong <command> --help`: the command's own options, aligned. */
export function commandHelp(name: string, spec: CommandSpec, l: Lang): string {
  const rows = Object.entries(spec.options).map(([opt, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${opt}${o.arg ? ` ${o.arg[l]}` : ''}`;
    return [flag, o.help[l]] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    `${l === 'vi' ? 'Cách dùng' : 'Usage'}: congtruong ${name} [${l === 'vi' ? 'tùy chọn' : 'options'}]`,
    '',
    spec.summary[l],
    '',
    `${l === 'vi' ? 'Tùy chọn' : 'Options'}:`,
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`),
    ...(spec.notes ? ['', spec.notes[l]] : []),
  ].join('\n');
}

/**
 * Options that npm kept for itself. `npm run congtruong new news --title "…"` without `--`
 * makes npm take `--title` as its own setting (`npm_config_title=true` in the environment) and
 * pass the value on as a bare word: the command sees neither the option nor, rightly placed,
 * its value. Returns the options of `known` that npm swallowed.
 */
export function swallowedByNpm(known: Iterable<string>, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.npm_lifecycle_event === undefined) return [];
  const given = new Set(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]));
  return [...new Set(known)].filter((name) => !given.has(name) && env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined);
}

/** How the command should have been typed: `npm run congtruong -- new --title …`. */
export function npmExample(names: string[], argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const script = env.npm_lifecycle_event ?? 'congtruong';
  // `npm run congtruong` takes the command as its first word; `npm run build` has it built in.
  const words = script === 'congtruong' ? argv.filter((a) => !a.startsWith('-')).slice(0, 2) : [];
  return ['npm run', script, '--', ...words, ...names.map((n) => `--${n} …`)].join(' ');
}

/** The message for options npm kept for itself (`swallowedByNpm`). */
export const npmSwallowed = (names: readonly string[], example: string, lang: Lang): string =>
  cliError('npmSwallowed', { flags: names.map((n) => `--${n}`).join(', '), example }, lang);
