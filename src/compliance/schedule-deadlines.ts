/**
 * Deadlines of the weekly and monthly publications of TT 09/2024/TT-BGDĐT Điều 15 k1 a:
 * monthly education plans (mầm non) before the 25th of the previous month; weekly plans and
 * menus before Saturday of the previous week. Presence is checked during the school months
 * (September to May); lateness of anything posted is checked all year.
 */
import type { RuleContext } from './rule.ts';
import type { ScheduleFacts } from './facts.ts';
import { addDays, mondayOf, saturdayBeforeWeekOf, twentyFifthOfPreviousMonth } from './calendar.ts';

type Kind = ScheduleFacts['kind'];

export function deadlineOf(s: Pick<ScheduleFacts, 'kind' | 'from'>): string {
  return s.kind === 'ke-hoach-thang' ? twentyFifthOfPreviousMonth(s.from) : saturdayBeforeWeekOf(s.from);
}

const inSchoolMonths = (date: string) => {
  const m = Number(date.slice(5, 7));
  return m >= 9 || m <= 5;
};

const covers = (s: ScheduleFacts, day: string) => s.from <= day && day <= s.to;

/** Reports late items of `kinds`, and missing ones for the current (and, once due, next) period. */
export function checkPeriodic(ctx: RuleContext, kinds: readonly Kind[]): void {
  const { facts, date, report } = ctx;
  for (const s of facts.schedules) {
    if (!kinds.includes(s.kind) || !s.published) continue;
    const deadline = deadlineOf(s);
    if (s.published > deadline) report('late', { title: s.title ?? s.kind, published: s.published, deadline }, s.evidence);
  }
  if (!inSchoolMonths(date)) return;
  for (const kind of kinds) {
    const periods: string[] = [];
    if (kind === 'ke-hoach-thang') {
      const first = `${date.slice(0, 7)}-01`;
      periods.push(first);
      const next = addDays(`${date.slice(0, 7)}-28`, 5).slice(0, 7) + '-01';
      if (date > twentyFifthOfPreviousMonth(next)) periods.push(next);
    } else {
      const monday = mondayOf(date);
      periods.push(monday);
      const nextMonday = addDays(monday, 7);
      if (date > saturdayBeforeWeekOf(nextMonday)) periods.push(nextMonday);
    }
    for (const start of periods) {
      if (!facts.schedules.some((s) => s.kind === kind && covers(s, start))) {
        report('missing', { kind, period: start, deadline: deadlineOf({ kind, from: start }) });
      }
    }
  }
}
