/**
 * The bounded-concurrency helpers the build relies on: finishing sites one at a time while Astro
 * renders, then `--jobs` at a time, and reading a province's files without exceeding the
 * open-files limit.
 */
import { describe, expect, it } from 'vitest';
import { limiter, mapLimit } from '../../src/util/concurrency.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('limiter', () => {
  it('runs at most max tasks at once, in the order they came', async () => {
    const limit = limiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limit(async () => {
          started.push(i);
          peak = Math.max(peak, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('starts waiting tasks at once when the limit is raised', async () => {
    const limit = limiter(1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 4 }, () =>
      limit(async () => {
        peak = Math.max(peak, ++running);
        await gate;
        running--;
      }),
    );
    await tick();
    expect(running).toBe(1);
    limit.setMax(3);
    await tick();
    expect(running).toBe(3);
    release();
    await Promise.all(tasks);
    expect(peak).toBe(3);
  });

  it('keeps a failed task from holding its slot', async () => {
    const limit = limiter(1);
    await expect(limit(() => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    await expect(limit(async () => 'tiếp')).resolves.toBe('tiếp');
  });
});

describe('mapLimit', () => {
  it('returns results in the order of the items', async () => {
    const out = await mapLimit([30, 10, 20], 2, async (ms, i) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:10', '2:20']);
  });
});
