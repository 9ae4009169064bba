/**
 * Concurrency limits of the crawler: at most `global` requests in flight overall and at most
 * `perHost` to any one host, so that a job over hundreds of schools never hammers a shared
 * provincial server (many school sites sit on one Sở platform).
 */
export class Limiter {
  readonly global: number;
  readonly perHost: number;
  #active = 0;
  #byHost = new Map<string, number>();
  #waiting: { host: string; resolve: () => void }[] = [];

  constructor(global: number, perHost: number) {
    this.global = Math.max(1, global);
    this.perHost = Math.max(1, perHost);
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.#acquire(host);
    try {
      return await task();
    } finally {
      this.#release(host);
    }
  }

  #free(host: string): boolean {
    return this.#active < this.global && (this.#byHost.get(host) ?? 0) < this.perHost;
  }

  #take(host: string): void {
    this.#active++;
    this.#byHost.set(host, (this.#byHost.get(host) ?? 0) + 1);
  }

  #acquire(host: string): Promise<void> {
    if (this.#free(host)) {
      this.#take(host);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push({ host, resolve }));
  }

  #release(host: string): void {
    this.#active--;
    const n = (this.#byHost.get(host) ?? 1) - 1;
    if (n === 0) this.#byHost.delete(host);
    else this.#byHost.set(host, n);
    // First waiter (in arrival order) whose host has room.
    const i = this.#waiting.findIndex((w) => this.#free(w.host));
    if (i >= 0) {
      const [w] = this.#waiting.splice(i, 1);
      this.#take(w!.host);
      w!.resolve();
    }
  }
}
