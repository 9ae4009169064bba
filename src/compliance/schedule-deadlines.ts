/**
 * Deadlines of the weekly and monthly publications of TT 09/2024/TT-BGDĐT Điều 15 k1 a (research
 * notes §8.1): mầm non monthly education plans "trước ngày 25 của tháng trước" (last day the 24th);
 * weekly and daily plans and menus "trước ngày thứ Bảy của tuần trước" (last day the Friday).
 * Presence is checked for the school weeks and months (September to May); lateness of anything
 * posted is checked all year. Nothing is due before TT 09/2024 is in force on the last day.
 */
import type { RuleContext } from './rule.ts';
import type { ScheduleFacts } from '../site/facts.ts';
import {
  addDays,
  before,
  deadlineArgs,
  mondayOf,
  saturdayBeforeWeekOf,
  twentyFifthOfPreviousMonth,
  vnDate,
  type Deadline,
} from './calendar.ts';
import { dutyInstrument } from './duties.ts';

type Kind = ScheduleFacts['kind'];

export const KIND_NAMES: Record<Kind, { vi: string; en: string }> = {
  'lich-cong-tac': { vi: 'lịch công tác', en: 'work schedule' },
  'thoi-khoa-bieu': { vi: 'thời khóa biểu', en: 'timetable' },
  'thuc-don': { vi: 'thực đơn', en: 'menu' },
  'ke-hoach-thang': { vi: 'kế hoạch giáo dục tháng', en: 'monthly education plan' },
  'ke-hoach-tuan': { vi: 'kế hoạch giáo dục tuần', en: 'weekly education plan' },
  'ke-hoach-ngay': { vi: 'kế hoạch giáo dục ngày', en: 'daily education plans' },
};

export function deadlineOf(s: Pick<ScheduleFacts, 'kind' | 'from'>): Deadline {
  return before(s.kind === 'ke-hoach-thang' ? twentyFifthOfPreviousMonth(s.from) : saturdayBeforeWeekOf(s.from));
}

const schoolMonth = (iso: string) => {
  const m = Number(iso.slice(5, 7));
  return m >= 9 || m <= 5;
};

/** A school week: one of its days Monday to Friday falls in September to May. */
const schoolWeek = (monday: string) => [0, 1, 2, 3, 4].some((i) => schoolMonth(addDays(monday, i)));

/** Last day of the period starting `start`: the month's last day, or the week's Friday. */
const periodEnd = (kind: Kind, start: string) =>
  kind === 'ke-hoach-thang' ? addDays(addDays(`${start.slice(0, 7)}-28`, 5).slice(0, 7) + '-01', -1) : addDays(start, 4);

/** An item covers a period when it overlaps it (a week that starts on a holiday Monday still counts). */
const covers = (s: ScheduleFacts, kind: Kind, start: string) => s.from <= periodEnd(kind, start) && s.to >= start;

const periodName = (kind: Kind, start: string) =>
  kind === 'ke-hoach-thang'
    ? { vi: `tháng ${Number(start.slice(5, 7))}/${start.slice(0, 4)}`, en: `${Number(start.slice(5, 7))}/${start.slice(0, 4)}` }
    : { vi: `tuần ${vnDate(start)}–${vnDate(addDays(start, 4))}`, en: `the week of ${vnDate(start)}–${vnDate(addDays(start, 4))}` };

/** Reports late items of `kinds`, and missing ones for the current (and, once due, next) period. */
export function checkPeriodic(ctx: RuleContext, kinds: readonly Kind[]): void {
  const { facts, date, report } = ctx;
  const due = (d: Deadline) => dutyInstrument('ke-hoach-thuc-don', d.lastDay) !== undefined;
  for (const s of facts.schedules) {
    if (!kinds.includes(s.kind) || !s.published) continue;
    const deadline = deadlineOf(s);
    if (due(deadline) && s.published > deadline.lastDay) {
      report('late', { title: s.title ?? KIND_NAMES[s.kind].vi, published: vnDate(s.published), ...deadlineArgs(deadline) }, s.evidence);
    }
  }
  for (const kind of kinds) {
    const periods: string[] = [];
    if (kind === 'ke-hoach-thang') {
      const first = `${date.slice(0, 7)}-01`;
      const next = addDays(`${date.slice(0, 7)}-28`, 5).slice(0, 7) + '-01';
      periods.push(first);
      if (date > deadlineOf({ kind, from: next }).lastDay) periods.push(next);
    } else {
      const monday = mondayOf(date);
      const nextMonday = addDays(monday, 7);
      periods.push(monday);
      if (date > deadlineOf({ kind, from: nextMonday }).lastDay) periods.push(nextMonday);
    }
    for (const start of periods) {
      const inSchool = kind === 'ke-hoach-thang' ? schoolMonth(start) : schoolWeek(start);
      const deadline = deadlineOf({ kind, from: start });
      if (!inSchool || !due(deadline)) continue;
      if (!facts.schedules.some((s) => s.kind === kind && covers(s, kind, start))) {
        const period = periodName(kind, start);
        report('missing', {
          kind: KIND_NAMES[kind].vi,
          kindEn: KIND_NAMES[kind].en,
          period: period.vi,
          periodEn: period.en,
          ...deadlineArgs(deadline),
        });
      }
    }
  }
}
