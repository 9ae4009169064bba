/**
 * Hostile and broken inputs, each a small change to a copy of a fixture school. Every case
 * says what a webmaster must then read: the problem's permanent name, the file named in the
 * message and, for refused files, the field that refers to them.
 */
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { ContentErrorName } from '../../src/errors/content-errors.ts';
import { FIXTURES } from '../helpers.ts';

export const BASIC = path.join(FIXTURES, 'content', 'basic');

/** A payload that runs when a reader treats text as HTML. */
export const XSS = '<img src=x onerror=alert(1)>';

/** What the build must report for a case, or `null` when the input is accepted. */
export interface Expected {
  name: ContentErrorName;
  /** The file named by the message, relative to the school folder. */
  file: string;
  /** Field, when the problem is a file a field refers to. */
  field?: string;
  severity?: 'error' | 'warning';
}

export interface HostileCase {
  /** School folder name; also the case's name. */
  id: string;
  what: string;
  setup: (dir: string) => Promise<void>;
  expected: Expected | null;
}

/** A news item of the school with `front` as extra front matter and `body` as its text. */
export async function news(dir: string, name: string, front: string, body = 'Nội dung.'): Promise<void> {
  await mkdir(path.join(dir, 'news'), { recursive: true });
  await writeFile(path.join(dir, 'news', name), `---\ntitle: Tin thử\ndate: 2026-10-01\ncategory: tin-tuc\n${front}---\n${body}\n`);
}

/** A văn bản of the school; `fields` replace the defaults (plain-text fields included). */
export async function document(dir: string, name: string, fields: Record<string, string>): Promise<void> {
  const all = {
    number: '45/KH-THCS',
    type: 'ke-hoach',
    summary: 'Kế hoạch năm học',
    issued: '2026-09-10',
    issuer: 'Trường THCS',
    signer: 'Trần Thị Hiệu',
    ...fields,
  };
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  const yaml = Object.entries(all)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  await writeFile(path.join(dir, 'documents', name), `---\n${yaml}\n---\n`);
}

async function put(dir: string, rel: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), data);
}

/** A photo as a phone saves it: with the camera owner and the GPS position in its EXIF. */
export async function gpsPhoto(format: 'jpeg' | 'png' | 'webp' | 'heif'): Promise<Buffer> {
  const img = sharp({ create: { width: 120, height: 80, channels: 3, background: '#336699' } });
  const encoded = format === 'heif' ? img.heif({ compression: 'av1' }) : img[format]();
  return encoded
    .withExif({
      IFD0: { Artist: 'Chu may anh' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 40/1 0/1' },
    })
    .toBuffer();
}

/** A valid PNG that claims `width` × `height` pixels (its header only: the test stays small). */
function hugePngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = () => readFile(path.join(BASIC, 'schools', 'alpha', 'media', 'tep', 'ke-hoach.pdf'));

export const CASES: HostileCase[] = [
  {
    id: 'h-symlink-folder',
    what: 'a folder symlink inside media/ leading to /etc',
    setup: async (dir) => {
      await mkdir(path.join(dir, 'media', 'tep'), { recursive: true });
      await symlink('/etc', path.join(dir, 'media', 'tep', 'ext'));
      await document(dir, 'mat-khau.md', { file: 'media/tep/ext/passwd' });
    },
    expected: { name: 'fileOutside', file: 'documents/mat-khau.md', field: 'file' },
  },
  {
    id: 'h-symlink-markdown',
    what: 'a news item that is a symlink to a Markdown file outside the school',
    setup: async (dir) => {
      const outside = path.join(dir, '..', '..', '..', 'bi-mat.md');
      await writeFile(outside, '---\ntitle: Bí mật\ndate: 2026-10-01\ncategory: tin-tuc\n---\nMật khẩu máy chủ.\n');
      await symlink(outside, path.join(dir, 'news', 'ngoai.md'));
    },
    expected: { name: 'fileOutside', file: 'news/ngoai.md' },
  },
  {
    id: 'h-html-attachment',
    what: 'an HTML page with a script, linked from a news item',
    setup: async (dir) => {
      await put(dir, 'media/tep/trang.html', '<!doctype html><script src="x.js"></script>');
      await put(dir, 'media/tep/x.js', 'alert(document.cookie)');
      await news(dir, 'trang.md', '', 'Xem [trang](media/tep/trang.html).');
    },
    expected: { name: 'activeFile', file: 'news/trang.md', field: '(nội dung / body)' },
  },
  {
    id: 'h-svg-image',
    what: 'an SVG image with a script',
    setup: async (dir) => {
      await put(dir, 'media/anh/hinh.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      await news(dir, 'svg.md', 'image:\n  src: media/anh/hinh.svg\n  alt: Hình\n');
    },
    expected: { name: 'activeFile', file: 'news/svg.md', field: 'image.src' },
  },
  {
    id: 'h-text-as-jpg',
    what: 'a text file named .jpg',
    setup: async (dir) => {
      await put(dir, 'media/anh/anh.jpg', 'không phải ảnh');
      await news(dir, 'anh.md', 'image:\n  src: media/anh/anh.jpg\n  alt: Ảnh\n');
    },
    expected: { name: 'imageUnreadable', file: 'news/anh.md', field: 'image.src' },
  },
  {
    id: 'h-svg-as-png',
    what: 'an SVG with a script, named .png',
    setup: async (dir) => {
      await put(
        dir,
        'media/anh/logo.png',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      );
      await news(dir, 'svg-png.md', 'image:\n  src: media/anh/logo.png\n  alt: Biểu trưng\n');
    },
    expected: { name: 'imageUnreadable', file: 'news/svg-png.md', field: 'image.src' },
  },
  {
    id: 'h-truncated-jpeg',
    what: 'a JPEG cut in the middle of its data',
    setup: async (dir) => {
      const full = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#884422' } })
        .jpeg()
        .toBuffer();
      await put(dir, 'media/anh/dut.jpg', full.subarray(0, Math.floor(full.length / 2)));
      await news(dir, 'dut.md', 'image:\n  src: media/anh/dut.jpg\n  alt: Ảnh\n');
    },
    expected: { name: 'imageUnreadable', file: 'news/dut.md', field: 'image.src' },
  },
  {
    id: 'h-huge-png',
    what: 'a PNG of 20000 × 20000 pixels',
    setup: async (dir) => {
      await put(dir, 'media/anh/lon.png', hugePngHeader(20000, 20000));
      await news(dir, 'lon.md', 'image:\n  src: media/anh/lon.png\n  alt: Ảnh\n');
    },
    expected: { name: 'imageTooLarge', file: 'news/lon.md', field: 'image.src' },
  },
  {
    id: 'h-empty-pdf',
    what: 'a 0-byte PDF',
    setup: async (dir) => {
      await put(dir, 'media/tep/rong.pdf', '');
      await news(dir, 'rong.md', '', 'Tải [tệp](media/tep/rong.pdf).');
    },
    expected: { name: 'fileEmpty', file: 'news/rong.md', field: '(nội dung / body)' },
  },
  {
    id: 'h-html-as-pdf',
    what: 'an HTML page saved as .pdf',
    setup: async (dir) => {
      await put(dir, 'media/tep/gia.pdf', '<html><body><script>alert(1)</script></body></html>');
      await news(dir, 'gia.md', '', 'Tải [tệp](media/tep/gia.pdf).');
    },
    expected: { name: 'fileContentMismatch', file: 'news/gia.md', field: '(nội dung / body)' },
  },
  {
    id: 'h-alias-bomb',
    what: 'a YAML alias bomb in front matter',
    setup: async (dir) => {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 9; i++)
        levels.push(
          `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(96 + i)}`)
            .join(',')}]`,
        );
      await writeFile(path.join(dir, 'news', 'bom.md'), `---\n${levels.join('\n')}\ntitle: Bom\n---\nx\n`);
    },
    expected: { name: 'yamlAliases', file: 'news/bom.md' },
  },
  {
    id: 'h-alias-bomb-yaml',
    what: 'a YAML alias bomb in school.yaml',
    setup: async (dir) => {
      const levels = ['x1: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 9; i++)
        levels.push(
          `x${i + 1}: &${String.fromCharCode(97 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(96 + i)}`)
            .join(',')}]`,
        );
      const yaml = await readFile(path.join(dir, 'school.yaml'), 'utf8');
      await writeFile(path.join(dir, 'school.yaml'), `${yaml}\n${levels.join('\n')}\n`);
    },
    expected: { name: 'yamlAliases', file: 'school.yaml' },
  },
  {
    id: 'h-bad-escape',
    what: 'a Markdown link with %E9 (Latin-1 percent-encoding)',
    setup: async (dir) => {
      await news(dir, 'phan-tram.md', '', 'Xem [tệp](media/tep/caf%E9.pdf).');
    },
    expected: { name: 'fileMissing', file: 'news/phan-tram.md', field: '(nội dung / body)' },
  },
  {
    id: 'h-windows-1258',
    what: 'a news item saved in windows-1258',
    setup: async (dir) => {
      // "Thông báo" in windows-1258: ô is 0xF4, á is a + combining 0xEC.
      const text = Buffer.concat([
        Buffer.from('---\ntitle: Tin\ndate: 2026-10-01\ncategory: tin-tuc\n---\nTh', 'latin1'),
        Buffer.from([0xf4]),
        Buffer.from('ng ba', 'latin1'),
        Buffer.from([0xec]),
        Buffer.from('o\n', 'latin1'),
      ]);
      await writeFile(path.join(dir, 'news', 'ma-cu.md'), text);
    },
    expected: { name: 'badEncoding', file: 'news/ma-cu.md' },
  },
  {
    id: 'h-latin1-yaml',
    what: 'school.yaml with a Latin-1 byte',
    setup: async (dir) => {
      const yaml = await readFile(path.join(dir, 'school.yaml'));
      await writeFile(path.join(dir, 'school.yaml'), Buffer.concat([yaml, Buffer.from('# caf'), Buffer.from([0xe9, 0x0a])]));
    },
    expected: { name: 'badEncoding', file: 'school.yaml' },
  },
  {
    id: 'h-huge-markdown',
    what: 'a 3 MB Markdown file',
    setup: async (dir) => {
      await news(dir, 'dai.md', '', 'Một câu rất dài. '.repeat(180_000));
    },
    expected: { name: 'fileTooLarge', file: 'news/dai.md' },
  },
  {
    id: 'h-future-date',
    what: 'a news item dated 2099 (a warning, the school is built)',
    setup: async (dir) => {
      await writeFile(path.join(dir, 'news', 'tuong-lai.md'), '---\ntitle: Tin tương lai\ndate: 2099-01-01\ncategory: tin-tuc\n---\nx\n');
    },
    expected: { name: 'futureDate', file: 'news/tuong-lai.md', field: 'date', severity: 'warning' },
  },
  {
    id: 'h-name-clash',
    what: 'two files published under one address (Đơn.pdf and don.pdf)',
    setup: async (dir) => {
      await put(dir, 'media/tep/don.pdf', await PDF());
      await put(dir, 'media/tep/Đơn.pdf', Buffer.concat([await PDF(), Buffer.from('\n% khác\n')]));
      await news(dir, 'trung-ten.md', '', 'Tải [đơn 1](media/tep/don.pdf) và [đơn 2](<media/tep/Đơn.pdf>).');
    },
    expected: { name: 'publishedNameClash', file: 'news/trung-ten.md', field: '(nội dung / body)' },
  },
  {
    id: 'h-nfd-name',
    what: 'a file whose name is NFD on disk, referred to in NFC (accepted)',
    setup: async (dir) => {
      await put(dir, 'media/tep/kế hoạch.pdf'.normalize('NFD'), await PDF());
      await news(dir, 'nfd.md', '', `Tải [kế hoạch](<${'media/tep/kế hoạch.pdf'.normalize('NFC')}>).`);
    },
    expected: null,
  },
  {
    id: 'h-hash-in-name',
    what: 'a link written [A](<a #1.pdf>) to a file named "a #1.pdf" (accepted)',
    setup: async (dir) => {
      await put(dir, 'a #1.pdf', await PDF());
      await news(dir, 'thang.md', '', '[A](<a #1.pdf>)');
    },
    expected: null,
  },
];

/**
 * A content folder with the fixture's host, `beta` and one school per case (a copy of `beta`
 * with the case applied), in `base/content`. Returns its path.
 */
export async function corpusContent(base: string, cases: readonly HostileCase[] = CASES): Promise<string> {
  const content = path.join(base, 'content');
  await mkdir(path.join(content, 'schools'), { recursive: true });
  await cp(path.join(BASIC, 'host.yaml'), path.join(content, 'host.yaml'));
  await cp(path.join(BASIC, 'host'), path.join(content, 'host'), { recursive: true });
  await cp(path.join(BASIC, 'schools', 'beta'), path.join(content, 'schools', 'beta'), { recursive: true });
  for (const c of cases) await copySchool(content, 'beta', c.id, c.setup);
  return content;
}

/** Copies school `from` to `id` (its own domain and e-mails), then applies `setup`. */
export async function copySchool(content: string, from: string, id: string, setup?: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(content, 'schools', id);
  await cp(path.join(content, 'schools', from), dir, { recursive: true });
  const yaml = await readFile(path.join(dir, 'school.yaml'), 'utf8');
  await writeFile(path.join(dir, 'school.yaml'), yaml.replaceAll(`${from}.thunghiem`, `${id}.thunghiem`));
  await setup?.(dir);
  return dir;
}
