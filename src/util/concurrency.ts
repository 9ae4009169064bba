/** Bounded concurrency for file-system and CPU work. */

/** Wraps tasks so that at most `max` of them run at once. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * `Promise.all(items.map(fn))` with at most `max` calls in flight, results in order. Reading a
 * province's content at once (100 schools × 200 files) would exceed the open-files limit.
 */
export function mapLimit<T, R>(items: readonly T[], max: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limit = limiter(max);
  return Promise.all(items.map((item, i) => limit(() => fn(item, i))));
}
