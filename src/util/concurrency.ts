/** Bounded concurrency for file-system and CPU work. */

export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Changes how many tasks may run at once; raising it starts waiting tasks now. */
  setMax(max: number): void;
}

/** Wraps tasks so that at most `max` of them run at once. */
export function limiter(max: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const wakeUp = () => {
    while (running < max && waiting.length > 0) {
      running++;
      waiting.shift()!();
    }
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    // A slot is taken here, or handed over by `wakeUp` before this task resumes.
    if (running >= max || waiting.length > 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      running--;
      wakeUp();
    }
  };
  return Object.assign(run, {
    setMax(n: number) {
      max = n;
      wakeUp();
    },
  });
}

/**
 * `Promise.all(items.map(fn))` with at most `max` calls in flight, results in order. Reading a
 * province's content at once (100 schools × 200 files) would exceed the open-files limit.
 */
export function mapLimit<T, R>(items: readonly T[], max: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limit = limiter(max);
  return Promise.all(items.map((item, i) => limit(() => fn(item, i))));
}
