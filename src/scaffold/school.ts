/**
 * `congtruong new school`: a school folder that validates and that the checker finds complete
 * except for what a new school really has not published yet (news, văn bản, công khai …).
 * It holds `school.yaml` and the pages TT 37/2020/TT-BGDĐT Điều 9 asks of every portal
 * (rules SEC-001 and SEC-003): giới thiệu, lịch sử, cơ cấu tổ chức, chức năng nhiệm vụ, liên hệ.
 * Page texts use only what the command was told; the rest is left as "đang được cập nhật"
 * with a hidden hint, never invented.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageSchema } from '../schemas/collections.ts';
import { hostSchema, type Host } from '../schemas/host.ts';
import { LEVEL_NAMES, LEVELS, type Level } from '../schemas/level.ts';
import { schoolSchema } from '../schemas/school.ts';
import { parseWithFriendlyErrors } from '../content/validate.ts';
import { parseYaml } from '../content/yaml-source.ts';
import { display, validateMarkdown, type CreateResult } from './create.ts';
import { pageLines } from './entries.ts';
import { fieldFlag, list, str, type FlagSpec, type Values } from './flags.ts';
import { markdownFile, renderYaml, type YamlLine } from './front-matter.ts';
import { isSchoolId } from '../schemas/school-id.ts';
import { ScaffoldError } from './scaffold-error.ts';
import { perLang } from '../errors/catalogue.ts';
import { formatIssues } from '../errors/format.ts';

/** The host of the content folder, when `host.yaml` is valid: it proposes domain and governing body. */
export async function readHost(contentDir: string): Promise<Host | undefined> {
  const text = await readFile(path.join(contentDir, 'host.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const y = parseYaml(text, 'host.yaml');
  const res = y.ok ? hostSchema.safeParse(y.data) : undefined;
  return res?.success ? res.data : undefined;
}

export function schoolFlags(host: Host | undefined): FlagSpec[] {
  return [
    {
      name: 'id',
      label: { vi: 'Mã trường (tên thư mục, chữ thường không dấu)', en: 'School id (folder name)' },
      example: 'thcs-le-loi',
      required: true,
      check: 'slug',
    },
    fieldFlag(schoolSchema, 'name', { name: 'name', example: '"Trường Trung học cơ sở Lê Lợi"', required: true }),
    // Several levels: repeat --level or separate them with commas (`parseLevels`).
    fieldFlag(schoolSchema, 'levels', { name: 'level', example: 'thcs', required: true, multiple: true }),
    fieldFlag(schoolSchema, 'shortName', { name: 'short-name', example: '"THCS Lê Lợi"' }),
    fieldFlag(schoolSchema, 'domain', {
      name: 'domain',
      example: 'thcsleloi.songxanh.edu.vn',
      required: true,
      fallback: (_c, v) => (host && str(v, 'id') ? `${str(v, 'id')!.replace(/-/g, '')}.${host.domain}` : undefined),
    }),
    fieldFlag(schoolSchema, 'governingBody', {
      name: 'governing-body',
      example: '"Ủy ban nhân dân xã An Phú"',
      required: true,
      fallback: () => host?.name,
    }),
    fieldFlag(schoolSchema, 'governingBody.url', {
      name: 'governing-body-url',
      example: 'https://anphu.gov.vn',
      check: 'url',
      fallback: () => (host ? `https://${host.domain}` : undefined),
    }),
    fieldFlag(schoolSchema, 'address', { name: 'address', example: '"Số 1 đường Lê Lợi, xã An Phú, tỉnh Bình Lâm"', required: true }),
    fieldFlag(schoolSchema, 'phone', { name: 'phone', example: '"0201 3851 246"', required: true, check: 'phone' }),
    fieldFlag(schoolSchema, 'email', { name: 'email', example: 'vanphong@thcsleloi.edu.vn', required: true, check: 'email' }),
    // The head of the school is the first leader: these questions name the person, not the field.
    { name: 'principal', label: { vi: 'Họ tên Hiệu trưởng', en: 'Name of the head' }, example: '"Nguyễn Văn An"', required: true },
    {
      name: 'principal-title',
      label: { vi: 'Chức vụ', en: 'Title' },
      example: '"Hiệu trưởng"',
      fallback: () => 'Hiệu trưởng',
    },
    {
      name: 'principal-phone',
      label: { vi: 'Điện thoại của Hiệu trưởng', en: "Head's phone" },
      example: '"0912 345 678"',
      check: 'phone',
      fallback: (_c, v) => str(v, 'phone'),
    },
    {
      name: 'principal-email',
      label: { vi: 'Thư điện tử của Hiệu trưởng', en: "Head's e-mail" },
      example: 'hieutruong@thcsleloi.edu.vn',
      check: 'email',
      fallback: (_c, v) => str(v, 'email'),
    },
    fieldFlag(schoolSchema, 'founded', { name: 'founded', example: '1996', check: 'int' }),
    fieldFlag(schoolSchema, 'hasMeals', { name: 'meals', example: '', boolean: true }),
  ];
}

/** `--level thcs --level thpt` or `--level thcs,thpt`. */
export function parseLevels(v: Values): Level[] {
  const raw = list(v, 'level')
    .flatMap((l) => l.split(/[\s,]+/))
    .filter(Boolean);
  const bad = raw.find((l) => !(LEVELS as readonly string[]).includes(l));
  if (bad !== undefined || raw.length === 0) {
    throw new ScaffoldError('badLevel', { value: bad ?? '', levels: LEVELS.join(', ') });
  }
  return [...new Set(raw as Level[])];
}

const levelPhrase = (levels: readonly Level[]) => levels.map((l) => LEVEL_NAMES[l].toLowerCase()).join(', ');
const hint = (s: string) => `<!-- ${s} Dòng hướng dẫn này không hiện trên trang; có thể xóa. -->`;
const PENDING = 'Nội dung đang được cập nhật.';

export async function createSchool(contentDir: string, v: Values, today: string): Promise<CreateResult> {
  const id = str(v, 'id')!;
  if (!isSchoolId(id)) {
    throw new ScaffoldError('badSchoolId', { id });
  }
  const schoolsDir = path.join(contentDir, 'schools');
  const dir = path.join(schoolsDir, id);
  if (await stat(dir).catch(() => null)) {
    throw new ScaffoldError('schoolExists', { dir: display(dir), file: display(path.join(dir, 'school.yaml')) });
  }
  const levels = parseLevels(v);
  const domain = str(v, 'domain')!.toLowerCase();
  // Two schools on one domain would overwrite each other's site (the loader refuses it too).
  for (const other of await readdir(schoolsDir).catch(() => [] as string[])) {
    const text = await readFile(path.join(schoolsDir, other, 'school.yaml'), 'utf8').catch(() => '');
    const y = text ? parseYaml(text, 'school.yaml') : undefined;
    if (y?.ok && (y.data as { domain?: unknown } | null)?.domain === domain) {
      throw new ScaffoldError('domainTaken', { domain, other });
    }
  }
  const name = str(v, 'name')!;
  const principal = { name: str(v, 'principal')!, title: str(v, 'principal-title')! };
  const governingBody = { name: str(v, 'governing-body')!, ...(str(v, 'governing-body-url') ? { url: str(v, 'governing-body-url') } : {}) };
  const lines: YamlLine[] = [
    {
      comment: `Thông tin của trường (tạo bằng \`congtruong new school\` ngày ${today}).\nMọi mục: xem src/schemas/school.ts hoặc docs/huong-dan/.`,
    },
    { key: 'name', value: name },
    str(v, 'short-name')
      ? { key: 'shortName', value: str(v, 'short-name') }
      : { hint: 'shortName', example: 'THCS …', note: 'tên ngắn cho màn hình nhỏ' },
    { key: 'levels', value: levels },
    { key: 'domain', value: domain },
    { key: 'governingBody', value: governingBody },
    { key: 'address', value: str(v, 'address') },
    { key: 'phone', value: str(v, 'phone'), quote: true },
    { key: 'email', value: str(v, 'email') },
    { hint: 'fax', example: '"0201 3851 000"' },
    { key: 'responsiblePerson', value: principal },
    { comment: 'Ban giám hiệu: mỗi người cần đủ họ tên, chức vụ, điện thoại, thư điện tử, nhiệm vụ (TT 37/2020 Điều 9).' },
    {
      key: 'leaders',
      value: [{ ...principal, phone: str(v, 'principal-phone'), email: str(v, 'principal-email'), duties: 'Phụ trách chung.' }],
    },
    { hint: 'logo', example: 'media/logo.png' },
    {
      comment:
        'Màu chủ đạo (mặc định). Màu primary cần tương phản 4,5:1 với chữ trắng.\ncolors:\n  primary: "#0b4f8a"\n  accent: "#b3261e"',
    },
    { hint: 'description', example: 'Một câu giới thiệu trường', note: 'dùng cho máy tìm kiếm và danh bạ trường' },
    str(v, 'founded') ? { key: 'founded', value: Number(str(v, 'founded')) } : { hint: 'founded', example: '1996', note: 'năm thành lập' },
    { key: 'hasMeals', value: v.meals === true },
    { key: 'public', value: true },
  ];
  const yamlText = renderYaml(lines);
  const yamlFile = display(path.join(dir, 'school.yaml'));
  const parsed = parseYaml(yamlText, yamlFile);
  const res = parsed.ok
    ? parseWithFriendlyErrors(schoolSchema, parsed.data, yamlFile, parsed.source)
    : { ok: false as const, issues: [parsed.issue] };
  if (!res.ok) {
    const issues = res.issues;
    throw new ScaffoldError('schoolYamlInvalid', { issues: perLang((l) => formatIssues(issues, l)) });
  }

  const address = str(v, 'address')!;
  const phone = str(v, 'phone')!;
  const email = str(v, 'email')!;
  const founded = str(v, 'founded');
  const pages: { slug: string; title: string; order: number; description: string; body: string }[] = [
    {
      slug: 'gioi-thieu',
      title: 'Giới thiệu',
      order: 1,
      description: `Giới thiệu chung về ${name}.`,
      body: [
        `**${name}** là cơ sở giáo dục ${levelPhrase(levels)}; cơ quan chủ quản: ${governingBody.name}.`,
        '',
        `- **Địa chỉ:** ${address}`,
        `- **Điện thoại:** ${phone}`,
        `- **Thư điện tử:** ${email}`,
        '',
        hint('Viết thêm: sứ mạng, tầm nhìn, mục tiêu giáo dục; quy mô (số lớp, học sinh, cán bộ giáo viên); thành tích nổi bật.'),
      ].join('\n'),
    },
    {
      slug: 'lich-su',
      title: 'Lịch sử hình thành và phát triển',
      order: 2,
      description: `Quá trình hình thành và phát triển của ${name}.`,
      body: [
        founded ? `${name} được thành lập năm ${founded}.` : PENDING,
        '',
        hint('Tóm lược quá trình hình thành và phát triển: năm thành lập, các mốc đổi tên, sáp nhập, công nhận chuẩn quốc gia.'),
      ].join('\n'),
    },
    {
      slug: 'co-cau-to-chuc',
      title: 'Cơ cấu tổ chức',
      order: 3,
      description: `Sơ đồ tổ chức, Ban Giám hiệu và các tổ của ${name}.`,
      body: [
        '## Ban Giám hiệu',
        '',
        `- ${principal.title}: ${principal.name} – phụ trách chung.`,
        '',
        `Các tổ chuyên môn, tổ văn phòng và đoàn thể: ${PENDING.toLowerCase()}`,
        '',
        hint('Thêm sơ đồ tổ chức: ![Sơ đồ tổ chức (mô tả)](media/anh/so-do-to-chuc.png) và danh sách các tổ, tổ trưởng, đoàn thể.'),
      ].join('\n'),
    },
    {
      slug: 'chuc-nang-nhiem-vu',
      title: 'Chức năng, nhiệm vụ',
      order: 4,
      description: `Chức năng, nhiệm vụ, quyền hạn của ${name}.`,
      body: [
        PENDING,
        '',
        hint('Ghi chức năng, nhiệm vụ, quyền hạn của nhà trường theo Điều lệ trường của cấp học và quyết định thành lập.'),
      ].join('\n'),
    },
    {
      slug: 'lien-he',
      title: 'Liên hệ',
      order: 9,
      description: `Địa chỉ, điện thoại và thư điện tử của ${name}.`,
      body: [
        `## ${name}`,
        '',
        `- **Địa chỉ:** ${address}`,
        `- **Điện thoại:** ${phone}`,
        `- **Thư điện tử:** ${email}`,
        '',
        hint('Thêm giờ làm việc, giờ tiếp phụ huynh, cách gửi câu hỏi và thời gian trả lời.'),
      ].join('\n'),
    },
  ];
  const pageFiles = pages.map((p) => {
    const abs = path.join(dir, 'pages', `${p.slug}.md`);
    const text = markdownFile(
      pageLines({ title: p.title, kind: p.slug, order: p.order, description: p.description, updated: today }),
      p.body,
    );
    const issues = validateMarkdown(text, pageSchema, display(abs));
    if (issues.length > 0) throw new Error(`Internal: page ${p.slug} does not validate:\n${formatIssues(issues, 'en')}`);
    return { abs, text };
  });

  await mkdir(path.join(dir, 'pages'), { recursive: true });
  const created: string[] = [];
  await writeFile(path.join(dir, 'school.yaml'), yamlText, { flag: 'wx' });
  created.push(yamlFile);
  for (const p of pageFiles) {
    await writeFile(p.abs, p.text, { flag: 'wx' });
    created.push(display(p.abs));
  }
  return { created, reused: [], skipped: [] };
}
