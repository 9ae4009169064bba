/**
 * Peak resident memory of a process and all its descendants, sampled from /proc (Linux).
 * `process.resourceUsage().maxRSS` covers one process only, while a build runs an Astro worker
 * and Pagefind next to the orchestrator: the sum over the tree is what the machine must hold.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // The process ended while we were reading.
    }
  }
  return map;
}

function rssKb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
  } catch {
    return 0;
  }
}

/** Current RSS of `pid` and its descendants, in MB. */
export function treeRssMb(pid: number): number {
  const kids = children();
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rssKb(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return total / 1024;
}

/** Samples the tree of `pid` every `ms` until stopped; returns the peak in MB. */
export function sampleTreeRss(pid: number, ms = 200): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
