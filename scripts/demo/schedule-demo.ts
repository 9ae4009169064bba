/**
 * Keeps the demo content compliant on any day of the current and the next school year, the way
 * a school that plans ahead would: everything the law asks at a given time is written in
 * advance, with its real publication date, and Cổng Trường publishes each entry when its date
 * comes (scheduled publication; the checker only counts what is public on the day it checks).
 *
 *   node scripts/demo/schedule-demo.ts [--until 2028-08-31]
 *
 * What it writes (never overwriting a file that exists):
 * - công khai items and annual reports of later school years, from the school's latest year of
 *   the same item, with years and dates moved forward (their PDFs copied under the new names);
 * - admission plans and notices of later school years, likewise;
 * - mầm non: the monthly education plan of every month (posted on the 20th of the month before),
 *   the weekly plans and the daily plans of each month's weeks (posted with it);
 * - schools that serve meals: a rotating four-week menu per semester (posted ten days ahead).
 * Run it again with a later `--until` to carry the demo further.
 */
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../../content/schools');
const { values } = parseArgs({ options: { until: { type: 'string', default: '2028-08-31' } } });
const UNTIL = values.until!;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (s: string, n: number) => iso(new Date(day(s).getTime() + n * 86_400_000));
const vi = (s: string) => `${Number(s.slice(8, 10))}/${Number(s.slice(5, 7))}/${s.slice(0, 4)}`;
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

let written = 0;
async function write(file: string, text: string): Promise<void> {
  if (await exists(file)) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  written++;
}

/** Moves every calendar year in dates, school years and file names forward by `shift` years. */
function shiftYears(text: string, shift: number): string {
  const y = (s: string) => String(Number(s) + shift);
  return (
    text
      // school years 2025-2026, ISO dates 2026-06-12, and file names built from them
      .replace(/\b(20\d\d)-(20\d\d)\b/g, (_, a: string, b: string) => `${y(a)}-${y(b)}`)
      .replace(/\b(20\d\d)-(\d\d)-(\d\d)\b/g, (_, a: string, m: string, d: string) => `${y(a)}-${m}-${d}`)
      // Vietnamese dates 12/6/2026, 6/2026 — but not document numbers such as 09/2024/TT-BGDĐT
      .replace(/(?<![\d/])(\d{1,2}\/(?:\d{1,2}\/)?)(20\d\d)(?![\d/])/g, (_, head: string, a: string) => `${head}${y(a)}`)
      // "năm 2025", "tháng 12/2025" already handled; "năm 2025" alone:
      .replace(/\b(năm|Năm|NĂM) (20\d\d)\b/g, (_, w: string, a: string) => `${w} ${y(a)}`)
      // file names ending in a year: bao-cao-thuong-nien-2025.pdf
      .replace(/([-_])(20\d\d)(\.[a-z]+)\b/g, (_, sep: string, a: string, ext: string) => `${sep}${y(a)}${ext}`)
      .replace(/\b(reportYear: )(20\d\d)\b/g, (_, k: string, a: string) => `${k}${y(a)}`)
  );
}

const frontMatter = (text: string) => parse(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
const startYear = (schoolYear: string) => Number(schoolYear.slice(0, 4));

/** Copies the attachments a shifted file refers to under their shifted names. */
async function copyShiftedFiles(school: string, original: string, shifted: string): Promise<void> {
  const from = [...original.matchAll(/\bfile: (\S+)/g)].map((m) => m[1]!);
  const to = [...shifted.matchAll(/\bfile: (\S+)/g)].map((m) => m[1]!);
  for (const [i, ref] of from.entries()) {
    const dest = to[i];
    if (!dest || dest === ref) continue;
    const target = path.join(ROOT, school, dest);
    if (!(await exists(target))) {
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(ROOT, school, ref), target);
    }
  }
}

/** Công khai: every item of every later school year, up to what falls due by UNTIL. */
async function disclosures(school: string): Promise<void> {
  const base = path.join(ROOT, school, 'disclosures');
  const years = (await readdir(base)).filter((y) => /^\d{4}-\d{4}$/.test(y)).sort();
  const latest = new Map<string, { year: string; file: string }>();
  for (const year of years) {
    for (const f of (await readdir(path.join(base, year))).filter((n) => n.endsWith('.md'))) latest.set(f, { year, file: f });
  }
  const last = startYear(years.at(-1)!);
  for (let target = startYear(years[0]!); target <= last + 2; target++) {
    const targetYear = `${target}-${target + 1}`;
    for (const [name, src] of latest) {
      const shift = target - startYear(src.year);
      if (shift <= 0) continue;
      const dest = path.join(base, targetYear, name);
      if (await exists(dest)) continue;
      const original = await readFile(path.join(base, src.year, src.file), 'utf8');
      const text = shiftYears(original, shift);
      const published = String(frontMatter(text).published ?? '');
      if (!published || published > UNTIL) continue;
      await copyShiftedFiles(school, original, text);
      await write(dest, text);
    }
  }
}

/** Tuyển sinh: the plan and notice of each later school year. */
async function admissions(school: string): Promise<void> {
  const folder = path.join(ROOT, school, 'admissions');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort();
  const byKind = new Map<string, string>();
  for (const n of names) byKind.set(n.replace(/\d{4}-\d{4}/, 'YEAR'), n);
  for (const [, name] of byKind) {
    const original = await readFile(path.join(folder, name), 'utf8');
    for (let shift = 1; shift <= 3; shift++) {
      const text = shiftYears(original, shift);
      const published = String(frontMatter(text).published ?? '');
      if (!published || published > UNTIL) continue;
      await copyShiftedFiles(school, original, text);
      await write(path.join(folder, shiftYears(name, shift)), text);
    }
  }
}

/** Monday of the week of `s`. */
function mondayOf(s: string): string {
  const dow = (day(s).getUTCDay() + 6) % 7;
  return addDays(s, -dow);
}
/** The 20th of the month before the month of `s` (monthly plans are due before the 25th). */
const twentiethBefore = (s: string) => {
  const d = day(`${s.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return `${iso(d).slice(0, 7)}-20`;
};

/** Themes of a mầm non school year, month by month (Chương trình Giáo dục mầm non). */
const THEMES: Record<number, { theme: string; branches: string[] }> = {
  9: { theme: 'Trường mầm non của bé', branches: ['Lớp học của bé', 'Cô giáo và các bạn', 'Ngày hội đến trường', 'Tết Trung thu'] },
  10: { theme: 'Bản thân', branches: ['Bé là ai', 'Cơ thể của bé', 'Bé cần gì để lớn lên', 'Ngày 20/10 của bà, của mẹ'] },
  11: {
    theme: 'Gia đình – Nghề nghiệp',
    branches: ['Gia đình của bé', 'Ngôi nhà gia đình ở', 'Nghề nông và nghề xây dựng', 'Ngày Nhà giáo Việt Nam'],
  },
  12: {
    theme: 'Thế giới động vật',
    branches: ['Con vật nuôi trong gia đình', 'Con vật sống dưới nước', 'Con vật sống trong rừng', 'Chú bộ đội của em'],
  },
  1: { theme: 'Thế giới thực vật', branches: ['Cây xanh quanh bé', 'Các loại rau, củ', 'Các loại quả', 'Hoa mùa xuân'] },
  2: { theme: 'Tết và mùa xuân', branches: ['Tết Nguyên đán', 'Mùa xuân của bé', 'Lễ hội mùa xuân', 'Cây xanh và môi trường'] },
  3: {
    theme: 'Giao thông',
    branches: ['Phương tiện giao thông đường bộ', 'Phương tiện giao thông đường thủy', 'Luật giao thông', 'Ngày 8/3 của mẹ và cô'],
  },
  4: {
    theme: 'Nước và hiện tượng tự nhiên',
    branches: ['Nước quanh bé', 'Mùa hè của bé', 'Một số hiện tượng thời tiết', 'Quê hương của bé'],
  },
  5: {
    theme: 'Quê hương – Đất nước – Bác Hồ',
    branches: ['Quê hương của bé', 'Thủ đô Hà Nội', 'Bác Hồ kính yêu', 'Bé chuẩn bị vào lớp Một'],
  },
  6: { theme: 'Hè vui khỏe', branches: ['Bé vui chơi an toàn', 'Bé tập bơi', 'Bé khéo tay', 'Bé khỏe, bé ngoan'] },
  7: { theme: 'Hè vui khỏe', branches: ['Trò chơi dân gian', 'Bé giữ vệ sinh', 'Đọc truyện cùng cô', 'Bé khỏe, bé ngoan'] },
  8: { theme: 'Chuẩn bị năm học mới', branches: ['Làm quen lớp mới', 'Đồ dùng của bé', 'Bé tập nề nếp', 'Ngày hội đến trường'] },
};
const ACTIVITIES = [
  ['Khám phá', 'Trò chuyện, quan sát tranh ảnh và vật thật về'],
  ['Toán', 'Đếm, so sánh, phân loại đồ vật theo chủ đề'],
  ['Làm quen chữ viết', 'Nhận biết, phát âm nhóm chữ qua tranh về'],
  ['Tạo hình', 'Vẽ, nặn, xé dán sản phẩm về'],
  ['Âm nhạc', 'Hát, vận động theo nhạc bài hát về'],
] as const;
const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu'];
const OUTDOOR = [
  'Quan sát vườn rau của bé',
  'Trò chơi vận động "Mèo đuổi chuột"',
  'Chơi với cát, nước',
  'Nhặt lá, xếp hình',
  'Dạo chơi sân trường',
];
const CORNERS = [
  'Góc xây dựng; chiều: ôn bài hát',
  'Góc phân vai; chiều: trò chơi dân gian',
  'Góc nghệ thuật; chiều: làm vở bé làm quen với toán',
  'Góc thư viện; chiều: kể chuyện',
  'Góc thiên nhiên; chiều: nêu gương bé ngoan',
];

/** Mầm non: the monthly plan and the weekly (with daily) plans of every month from `from`. */
async function preschoolPlans(school: string, from: string): Promise<void> {
  const folder = path.join(ROOT, school, 'schedules');
  for (let month = `${from.slice(0, 7)}-01`; month <= UNTIL;) {
    const next = day(month);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const nextMonth = iso(next);
    const m = Number(month.slice(5, 7));
    const { theme, branches } = THEMES[m]!;
    const label = `${pad(m)}/${month.slice(0, 4)}`;
    const published = twentiethBefore(month);
    await write(
      path.join(folder, `ke-hoach-thang-${month.slice(0, 7)}.md`),
      `---\ntitle: Kế hoạch giáo dục tháng ${label} – Chủ đề "${theme}"\nkind: ke-hoach-thang\nfrom: ${month}\nto: ${addDays(nextMonth, -1)}\npublished: ${published}\n---\n\nÁp dụng cho các lớp mẫu giáo; nhóm trẻ thực hiện cùng chủ đề theo kế hoạch riêng của tổ Nhà trẻ.\n\n## Chủ đề nhánh\n\n${branches.map((b, i) => `${i + 1}. ${b}`).join('\n')}\n\nGiáo viên xây dựng kế hoạch tuần, kế hoạch ngày dựa trên kế hoạch tháng, điều chỉnh phù hợp với khả năng của trẻ trong lớp.\n`,
    );
    // The weeks whose Monday falls in this month, posted with the monthly plan.
    const mondays: string[] = [];
    for (let d = mondayOf(month) < month ? addDays(mondayOf(month), 7) : mondayOf(month); d < nextMonth; d = addDays(d, 7)) mondays.push(d);
    const all = mondays.length;
    mondays.splice(0, mondays.length, ...mondays.filter((d) => d >= from));
    const firstWeek = mondays[0];
    if (firstWeek) {
      const weeks = mondays
        .map((mon, i) => {
          const branch = branches[i % branches.length]!;
          const rows = ACTIVITIES.map(
            ([name, what], j) => `| ${WEEKDAYS[j]} ${vi(addDays(mon, j)).slice(0, -5)} | ${name}: ${what} "${branch.toLowerCase()}" |`,
          );
          return `## Tuần ${i + 1} (${vi(mon)} – ${vi(addDays(mon, 4))}): ${branch}\n\n| Ngày | Hoạt động học (kế hoạch ngày) |\n|---|---|\n${rows.join('\n')}\n\nĐón trẻ, thể dục sáng, hoạt động ngoài trời, hoạt động góc và hoạt động chiều theo chủ đề nhánh.`;
        })
        .join('\n\n');
      // The daily plans of those weeks (TT 09/2024 Điều 15 k1 a: "kế hoạch giáo dục tuần, ngày").
      const days = mondays
        .map((mon, i) => {
          const branch = branches[i % branches.length]!;
          const rows = WEEKDAYS.map(
            (d, j) =>
              `| ${d} ${vi(addDays(mon, j)).slice(0, -5)} | ${ACTIVITIES[j]![0]}: ${ACTIVITIES[j]![1]} "${branch.toLowerCase()}" | ${OUTDOOR[(i + j) % OUTDOOR.length]} | ${CORNERS[(i + j) % CORNERS.length]} |`,
          );
          return `## Tuần ${i + 1}: ${branch}\n\n| Ngày | Hoạt động học | Hoạt động ngoài trời | Hoạt động góc, hoạt động chiều |\n|---|---|---|---|\n${rows.join('\n')}`;
        })
        .join('\n\n');
      await write(
        path.join(folder, `ke-hoach-ngay-${month.slice(0, 7)}.md`),
        `---\ntitle: Kế hoạch giáo dục ngày, tháng ${label} – Lớp mẫu giáo 5–6 tuổi\nkind: ke-hoach-ngay\nfrom: ${firstWeek}\nto: ${addDays(mondays.at(-1)!, 4)}\npublished: ${mondays.length < all ? addDays(firstWeek, -10) : published}\n---\n\n**Chủ đề:** ${theme}. Giờ đón trẻ 6 giờ 45, hoạt động học buổi sáng 8 giờ 30 – 9 giờ 05, ngủ trưa 11 giờ 30 – 14 giờ.\n\n${days}\n`,
      );
      await write(
        path.join(folder, `ke-hoach-tuan-${month.slice(0, 7)}.md`),
        `---\ntitle: Kế hoạch giáo dục tuần và ngày, tháng ${label} – Lớp mẫu giáo 5–6 tuổi\nkind: ke-hoach-tuan\nfrom: ${firstWeek}\nto: ${addDays(mondays.at(-1)!, 6)}\npublished: ${mondays.length < all ? addDays(firstWeek, -10) : published}\n---\n\n**Chủ đề:** ${theme}.\n\n${weeks}\n\nKế hoạch tuần của các lớp khác được niêm yết tại bảng tin của từng lớp.\n`,
      );
    }
    month = nextMonth;
  }
}

/** Semesters of the demo: a rotating four-week menu each, posted ten days ahead. */
const SEMESTERS = [
  { from: '2026-11-30', to: '2027-01-17', name: 'từ 30/11/2026 đến hết học kỳ I năm học 2026-2027', season: 'mùa đông' },
  { from: '2027-01-18', to: '2027-06-06', name: 'học kỳ II năm học 2026-2027', season: 'mùa xuân – hè' },
  { from: '2027-06-07', to: '2027-08-29', name: 'hè năm 2027', season: 'mùa hè' },
  { from: '2027-08-30', to: '2028-01-16', name: 'học kỳ I năm học 2027-2028', season: 'mùa thu – đông' },
  { from: '2028-01-17', to: '2028-06-04', name: 'học kỳ II năm học 2027-2028', season: 'mùa xuân – hè' },
  { from: '2028-06-05', to: '2028-09-03', name: 'hè năm 2028', season: 'mùa hè' },
];
const MENU = [
  [
    'Cơm; thịt heo kho trứng cút; canh bí xanh nấu tôm; chuối',
    'Cơm; cá basa sốt cà chua; canh rau ngót nấu thịt; dưa hấu',
    'Cơm; gà kho gừng; canh cải xanh nấu thịt bằm; đu đủ',
    'Cơm; thịt bò xào đậu que; canh khoai mỡ nấu tôm; thanh long',
    'Cơm; đậu hũ dồn thịt sốt cà; canh bí đỏ nấu thịt; sữa chua',
  ],
  [
    'Cơm; cá thu sốt cà; canh mồng tơi nấu tôm; chuối',
    'Cơm; thịt heo rim; canh cải ngọt nấu thịt; cam',
    'Cơm; trứng chiên thịt; canh chua cá lóc; dưa hấu',
    'Cơm; gà xào nấm; canh bầu nấu tôm; đu đủ',
    'Bún riêu cua; sữa chua',
  ],
  [
    'Cơm; thịt kho đậu hũ; canh bí đỏ nấu tôm; chuối',
    'Cơm; cá diêu hồng chiên; canh rau dền nấu thịt; thanh long',
    'Cơm; bò kho cà rốt; canh cải bẹ xanh; cam',
    'Cơm; tôm rim thịt; canh su su nấu thịt; dưa hấu',
    'Phở gà; sữa chua',
  ],
  [
    'Cơm; gà kho nấm; canh bí xanh nấu thịt; chuối',
    'Cơm; thịt heo sốt cà; canh rau ngót nấu tôm; đu đủ',
    'Cơm; cá ngừ kho thơm; canh cải xanh nấu thịt; cam',
    'Cơm; trứng đúc thịt; canh khoai lang nấu tôm; thanh long',
    'Nui xào bò; canh rau củ; sữa chua',
  ],
];

async function menus(school: string, who: string): Promise<void> {
  const folder = path.join(ROOT, school, 'schedules');
  for (const s of SEMESTERS) {
    const published = addDays(s.from, -10);
    if (published > UNTIL) continue;
    const weeks = MENU.map(
      (days, w) => `## Tuần ${w + 1}\n\n| Thứ | Bữa chính trưa |\n|---|---|\n${days.map((d, i) => `| ${WEEKDAYS[i]} | ${d} |`).join('\n')}`,
    ).join('\n\n');
    await write(
      path.join(folder, `thuc-don-${s.from}.md`),
      `---\ntitle: Thực đơn luân phiên 4 tuần, ${s.name}\nkind: thuc-don\nfrom: ${s.from}\nto: ${s.to}\npublished: ${published}\n---\n\nThực đơn ${s.season} cho ${who}, luân phiên bốn tuần: tuần đầu tiên của kỳ áp dụng thực đơn tuần 1, tuần thứ hai thực đơn tuần 2, và cứ thế lặp lại. Khi thay đổi thực phẩm theo mùa, nhà trường đăng thực đơn điều chỉnh trước thứ Bảy của tuần trước.\n\n${weeks}\n\nThực phẩm được cung cấp bởi các cơ sở có hợp đồng và giấy chứng nhận đủ điều kiện an toàn thực phẩm; mẫu thức ăn được lưu 24 giờ.\n`,
    );
  }
}

for (const school of (await readdir(ROOT)).sort()) {
  const config = parse(await readFile(path.join(ROOT, school, 'school.yaml'), 'utf8')) as { levels?: string[]; hasMeals?: boolean };
  await disclosures(school);
  await admissions(school);
  if (config.levels?.includes('mn')) await preschoolPlans(school, '2026-11-30');
  if (config.hasMeals) await menus(school, config.levels?.includes('mn') ? 'trẻ mẫu giáo và nhà trẻ' : 'học sinh bán trú');
}
console.log(`${written} tệp mới đến ngày ${UNTIL}.`);
