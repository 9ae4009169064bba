/**
 * A newcomer's first build must be clean whatever the day: the demo posts what the law asks
 * ahead of time, with real publication dates, and each entry goes public on its date. On every
 * day checked here — spread over the next twelve months, plus the boundary days of the law's
 * deadlines (the 24th/25th of a month, Friday/Saturday, 29/30 June) and the turn of the school
 * year — the checker, with every rule of the recommended preset, finds no error, through the
 * same command a webmaster types.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/compliance/calendar.ts';
import { todayInVietnam } from '../../src/util/dates.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = process.execPath;

/** Every 23rd day from today for a year, plus the deadline boundaries of the months ahead. */
function datesToCheck(today: string): string[] {
  const dates = new Set<string>([today]);
  for (let i = 0; i <= 365; i += 23) dates.add(addDays(today, i));
  for (const d of ['06-29', '06-30', '07-01', '08-31', '09-01', '09-05', '12-24', '12-25', '12-26']) {
    for (const y of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1]) {
      const date = `${y}-${d}`;
      if (date >= today && date <= addDays(today, 366)) dates.add(date);
    }
  }
  // A Friday and the Saturday after it (weekly plans and menus are due before Saturday).
  const friday = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(today, n)).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 5)!;
  dates.add(friday).add(addDays(friday, 1));
  return [...dates].sort();
}

describe('the demo at any date', () => {
  const dates = datesToCheck(todayInVietnam());
  it.each(dates)('npm run check --date %s reports no error', (date) => {
    const run = spawnSync(NODE, ['bin/congtruong.mjs', 'check', '--date', date], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const summaries = run.stdout.split('\n').filter((l) => /^\d+ lỗi, /.test(l));
    expect(summaries.length, run.stdout).toBeGreaterThanOrEqual(3);
    for (const s of summaries) expect(s, run.stdout).toMatch(/^0 lỗi, /);
    expect(run.status, run.stdout).toBe(0);
  });
});
