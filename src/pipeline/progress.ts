/**
 * Progress of a multi-school build. On a terminal the build shows a live block that is redrawn
 * in place (counts, the sites in work, an ETA); in CI, where there is no terminal, the build's
 * plain log lines are enough and nothing is redrawn.
 */
import type { WriteStream } from 'node:tty';
import type { Lang } from '../errors/content-errors.ts';
import { buildMessage, type BuildMessage } from './build-messages.ts';

export type Phase = 'render' | 'wait' | 'assemble' | 'index' | 'publish';

export interface BuildProgress {
  /**
   * More sites to build (with an estimate of their pages) and how many were skipped or invalid:
   * called as the build learns them (schools load while the first ones render).
   */
  add(sites: { id: string; pages: number }[], skipped: number): void;
  /**
   * How many sites the build expects to learn about (`add`) in all: the totals and the ETA count
   * those still loading at the average size of the sites known so far.
   */
  expect(sites: number): void;
  rendering(ids: string[]): void;
  phase(id: string, phase: Phase): void;
  finished(id: string, status: 'built' | 'failed', pages: number): void;
  /** A line printed above the live block. */
  log(line: string): void;
  end(): void;
}

const PHASE_TEXT: Record<Phase, BuildMessage> = {
  render: 'phaseRender',
  wait: 'phaseWait',
  assemble: 'phaseAssemble',
  index: 'phaseIndex',
  publish: 'phasePublish',
};

/** "2 phút 05 giây" style durations for the ETA. */
export function formatDuration(seconds: number, lang: Lang = 'vi'): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return buildMessage(lang, 'seconds', { s });
  const m = Math.floor(s / 60);
  return buildMessage(lang, 'minutes', { m, s: String(s % 60).padStart(2, '0') });
}

/**
 * Remaining time from the pages done so far: pages are the unit of work (a school with 400
 * news items takes twice as long as one with 200), so the rate is pages per second.
 */
export function estimateRemaining(elapsedSeconds: number, pagesDone: number, pagesTotal: number): number | undefined {
  if (pagesDone <= 0 || elapsedSeconds < 1) return undefined;
  return (elapsedSeconds / pagesDone) * Math.max(0, pagesTotal - pagesDone);
}

interface State {
  total: number;
  skipped: number;
  built: number;
  failed: number;
  pagesTotal: number;
  pagesDone: number;
  /** Sites expected but not added yet. */
  unknown: number;
  estimates: Map<string, number>;
  active: Map<string, Phase>;
  startedAt: number;
}

/** Renders the live block as lines (exported for tests). */
export function progressLines(st: State, now: number, width: number, maxActive = 6, lang: Lang = 'vi'): string[] {
  const done = st.built + st.failed;
  const elapsed = (now - st.startedAt) / 1000;
  const unknown = st.unknown;
  const pagesTotal = st.pagesTotal + (st.total > 0 ? (unknown * st.pagesTotal) / st.total : 0);
  const eta = estimateRemaining(elapsed, st.pagesDone, pagesTotal);
  const barWidth = Math.max(10, Math.min(30, width - 60));
  const ratio = pagesTotal > 0 ? Math.min(1, st.pagesDone / pagesTotal) : 0;
  const filled = Math.round(ratio * barWidth);
  const head =
    `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ` +
    buildMessage(lang, 'progressSites', { done, total: st.total + unknown }) +
    (st.failed > 0 ? buildMessage(lang, 'progressFailed', { count: st.failed }) : '') +
    buildMessage(lang, 'progressPages', { pages: st.pagesDone, elapsed: formatDuration(elapsed, lang) }) +
    (eta === undefined ? '' : buildMessage(lang, 'progressEta', { eta: formatDuration(eta, lang) }));
  const active = [...st.active.entries()];
  const lines = [head];
  for (const [id, phase] of active.slice(0, maxActive)) lines.push(`  ${id}: ${buildMessage(lang, PHASE_TEXT[phase])}`);
  if (active.length > maxActive) lines.push(buildMessage(lang, 'progressMore', { count: active.length - maxActive }));
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}

/** The live display on a terminal stream; redraws at most ten times a second. */
export function terminalProgress(stream: WriteStream, clock: () => number = Date.now, lang: Lang = 'vi'): BuildProgress {
  const st: State = {
    total: 0,
    skipped: 0,
    built: 0,
    failed: 0,
    pagesTotal: 0,
    pagesDone: 0,
    unknown: 0,
    estimates: new Map(),
    active: new Map(),
    startedAt: clock(),
  };
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;
  const clear = () => {
    // Move up over the previous block and clear it (ANSI: cursor up, erase below).
    if (drawn > 0) stream.write(`\x1b[${drawn}F\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    clear();
    const lines = progressLines(st, clock(), stream.columns || 80, 6, lang);
    stream.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      draw();
    }, 100);
  };
  return {
    add(sites, skipped) {
      st.unknown = Math.max(0, st.unknown - sites.length - skipped);
      st.total += sites.length;
      st.skipped += skipped;
      for (const s of sites) st.estimates.set(s.id, s.pages);
      st.pagesTotal += sites.reduce((n, s) => n + s.pages, 0);
      if (sites.length > 0) draw();
    },
    expect(sites) {
      st.unknown = sites;
    },
    rendering(ids) {
      for (const id of ids) st.active.set(id, 'render');
      schedule();
    },
    phase(id, phase) {
      st.active.set(id, phase);
      schedule();
    },
    finished(id, status, pages) {
      st.active.delete(id);
      if (status === 'built') st.built++;
      else st.failed++;
      // Count the estimate as done so the ETA stays on the same scale as the total.
      st.pagesDone += st.estimates.get(id) ?? pages;
      schedule();
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      if (st.total > 0 && st.built + st.failed < st.total) draw();
    },
    end() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      clear();
    },
  };
}
