/**
 * What each page read of the render input (issue 19, "≤ 1 s save-to-online"). The warm renderer
 * (`src/pipeline/warm-worker.ts`) renders a school again on every save, although a save changes
 * a few pages. A page's output is a function of its props (from `getStaticPaths`) and of what it
 * reads from the render input while it renders (the theme's code cannot change while the process
 * lives). So the input is wrapped in read-recording proxies: each render runs with its own
 * recorder (renders run four at a time, hence `AsyncLocalStorage`, not a global "current page"),
 * and every value it reads is noted by its path from the root of the input
 * (`schools.0.collections.news.17.data.title`). On the next save the worker compares each noted
 * value with the new input's and renders only the pages where one differs.
 *
 * A read is a node of a `ReadTable`: a path and the value found there in that job. A node is
 * made once per job and path, so a page's record is a set of node ids.
 *
 * What cannot be followed makes the whole job untrackable (every page is rendered): a write
 * through a proxy, an object of a class the proxies cannot stand in for, a read during a render
 * that no recorder owns (work that escaped its page's async context), a proxy of an earlier job.
 *
 * Theme-side caches (`templates/lib/site.ts` `publishedNews`) must go through `memo`: the first
 * page computes and reads, later pages hit the cache and would read nothing. `memo` keeps the
 * reads of the computation with its result and credits them to every page that uses it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';

/** A value as it was read: primitives as they are; objects by kind (their content is read further). */
class Tag {
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
}
type Recorded = string | number | boolean | bigint | symbol | null | undefined | Tag;

/** What a path resolves to when an object on the way is gone: unequal to any recorded value. */
const MISSING = new Tag('\0missing');
const UNRESOLVED = Symbol('unresolved');

// Node kinds. GET: `parent[key]`; MAP_GET/MAP_HAS: `parent.get(key)`/`parent.has(key)` of a Map;
// HAS: `key in parent`; KEYS: the own keys (Object.keys, spread, JSON.stringify);
// SIZE: a Map's size; SNAPSHOT: a Map iterated whole; ALIAS: the same object reached by two paths.
const ROOT = 0;
const GET = 1;
const MAP_GET = 2;
const MAP_HAS = 3;
const HAS = 4;
const KEYS = 5;
const SIZE = 6;
const SNAPSHOT = 7;
const ALIAS = 8;

const hashOf = (v: unknown) => createHash('sha1').update(serialize(v)).digest('base64');

/** The recorded form of a value read (see `Tag`). */
function classify(v: unknown): Recorded {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v as Recorded;
  if (typeof v === 'function') return new Tag('f');
  if (Array.isArray(v)) return new Tag('a');
  if (v instanceof Map) return new Tag('m');
  if (v instanceof Date) return new Tag(`d${v.getTime()}`);
  // Sets, typed arrays and Buffers are handed to the theme as they are (their methods need the
  // real object): their whole content is the value read.
  if (v instanceof Set || ArrayBuffer.isView(v)) return new Tag(`h${hashOf(v)}`);
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === Object.prototype || proto === null) return new Tag('o');
  return new Tag(`x${(v as { constructor?: { name?: string } }).constructor?.name ?? '?'}`);
}

const same = (a: Recorded, b: Recorded) => (a instanceof Tag ? b instanceof Tag && a.s === b.s : Object.is(a, b));

/** The reads of one job: one node per path read, with the value found there. */
export class ReadTable {
  readonly parent: number[] = [-1];
  readonly op: number[] = [ROOT];
  readonly key: unknown[] = [undefined];
  readonly value: Recorded[] = [new Tag('o')];
  /** Children by property key (GET) and by kind and key (the rest), per node. */
  readonly #gets: (Map<unknown, number> | undefined)[] = [undefined];
  readonly #others: (Map<unknown, number>[] | undefined)[] = [undefined];
  readonly #paths: (string | undefined)[] = [];

  get size(): number {
    return this.op.length;
  }

  #add(parent: number, op: number, key: unknown, value: Recorded): number {
    const id = this.op.length;
    this.parent.push(parent);
    this.op.push(op);
    this.key.push(key);
    this.value.push(value);
    this.#gets.push(undefined);
    this.#others.push(undefined);
    return id;
  }

  /** The node of `parent[key]` (GET) or `parent.get(key)` (MAP_GET); `value` is what is there now. */
  child(parent: number, op: typeof GET | typeof MAP_GET, key: unknown, value: unknown): number {
    // Map keys and property keys never mix: a Map's properties are only read through its methods.
    const map = (this.#gets[parent] ??= new Map());
    let id = map.get(key);
    if (id === undefined) {
      id = this.#add(parent, op, key, classify(value));
      map.set(key, id);
    }
    return id;
  }

  /** A node of another kind; `value` is computed only the first time. */
  other(parent: number, op: number, key: unknown, value: () => Recorded): number {
    const map = ((this.#others[parent] ??= [])[op] ??= new Map());
    let id = map.get(key);
    if (id === undefined) {
      id = this.#add(parent, op, key, value());
      map.set(key, id);
    }
    return id;
  }

  /** The path of a node, stable from one job to the next (props keys, messages). */
  path(id: number): string {
    let p = this.#paths[id];
    if (p === undefined) {
      const segments: unknown[] = [];
      for (let n = id; n > 0; n = this.parent[n]!) segments.push(this.op[n] === GET ? this.key[n] : [this.op[n], this.key[n]]);
      p = JSON.stringify(segments.reverse());
      this.#paths[id] = p;
    }
    return p;
  }
}

/** Reads credited together: a page's, or a `memo` computation's (credited to every page using it). */
export interface Reads {
  readonly table: ReadTable;
  readonly ids: Uint32Array;
  readonly groups: readonly Reads[];
}

interface Recorder {
  table: ReadTable;
  ids: Set<number>;
  groups: Set<Reads>;
}

const seal = (r: Recorder): Reads => ({ table: r.table, ids: Uint32Array.from(r.ids), groups: [...r.groups] });

/**
 * The page being rendered (its recorder) and the job's tracking, if any (one job at a time per
 * process). On `globalThis`, as the render input is (`render-input.ts`): the theme's copy of this
 * module is bundled into Astro's app and is not the copy the warm worker imports.
 */
interface Shared {
  current: AsyncLocalStorage<Recorder>;
  active: Tracking | undefined;
}
const SHARED = '__congtruongRenderTracking';
const shared = ((globalThis as Record<string, unknown>)[SHARED] ??= {
  current: new AsyncLocalStorage<Recorder>(),
  active: undefined,
} satisfies Shared) as Shared;

/** One job's tracked input: `input` is what the theme is given; `record` renders one page. */
export class Tracking<T extends object = object> {
  readonly table = new ReadTable();
  readonly input: T;
  /** Why this job's reads cannot be trusted (then every page is rendered and nothing is kept). */
  untrackable: string | undefined;
  /**
   * While Astro calls `getStaticPaths`, reads belong to no page (props are compared instead);
   * once pages render, a read that no page owns means the attribution failed.
   */
  #rendering = false;
  readonly #proxies = new WeakMap<object, { proxy: object; node: number }>();
  readonly #nodes = new WeakMap<object, number>();
  /** The object behind each proxy: a write puts the object into the input, never a proxy. */
  readonly #targets = new WeakMap<object, object>();

  constructor(input: T) {
    this.input = this.#wrap(input, 0) as T;
  }

  /** Renders begin: from now on every read must belong to a page. */
  rendering(): void {
    this.#rendering = true;
  }

  /** Ends the job: its proxies stop recording (a later read through them makes that job untrackable). */
  stop(): void {
    if (shared.active === this) shared.active = undefined;
  }

  fail(why: string): void {
    this.untrackable ??= why;
  }

  /** Runs one page's render with its own recorder. */
  async record<R>(render: () => Promise<R>): Promise<{ result: R; reads: Reads }> {
    const rec: Recorder = { table: this.table, ids: new Set(), groups: new Set() };
    const result = await shared.current.run(rec, render);
    return { result, reads: seal(rec) };
  }

  /**
   * A key of a page's props that is equal in two jobs when the props are: tracked objects by
   * their path (what the page then reads of them is recorded), other values by content.
   * Undefined when the props hold something that cannot be compared (the page is rendered).
   */
  propsKey(value: unknown, depth = 0): string | undefined {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value}:${String(value)}`;
    if (typeof value !== 'object') return undefined;
    const node = this.#nodes.get(value);
    if (node !== undefined) return `@${this.table.path(node)}`;
    if (depth > 32) return undefined;
    if (Array.isArray(value)) {
      const items = value.map((v) => this.propsKey(v, depth + 1));
      return items.includes(undefined) ? undefined : `[${items.join(',')}]`;
    }
    const kind = classify(value) as Tag;
    if (kind.s !== 'o') return kind.s.startsWith('x') || kind.s === 'm' ? undefined : kind.s;
    let out = '{';
    for (const [k, v] of Object.entries(value)) {
      const item = this.propsKey(v, depth + 1);
      if (item === undefined) return undefined;
      out += `${JSON.stringify(k)}:${item},`;
    }
    return `${out}}`;
  }

  /** Credits a node to the page being rendered. */
  read(id: number): void {
    // The job being rendered took an object of an earlier job (a cache kept across jobs).
    if (shared.active !== this) return shared.active?.fail('a proxy of an earlier job was read');
    const rec = shared.current.getStore();
    if (rec) rec.ids.add(id);
    else this.unowned();
  }

  /** A read outside any page: expected in `getStaticPaths`, an attribution failure during the renders. */
  unowned(): void {
    if (this.#rendering) this.fail('a read during the render belonged to no page');
  }

  #wrap(value: unknown, node: number): unknown {
    if (value === null || typeof value !== 'object') return value;
    const known = this.#proxies.get(value);
    if (known) {
      // The same object under two paths: the page's later reads are noted under the first
      // path, so the next job must find one object at both.
      if (known.node !== node) this.read(this.table.other(node, ALIAS, known.node, () => true));
      return known.proxy;
    }
    // Dates, Sets and binary data are leaves: their recorded value is their content.
    if (value instanceof Date || value instanceof Set || ArrayBuffer.isView(value)) return value;
    const kind = classify(value) as Tag;
    if (kind.s.startsWith('x')) {
      this.fail(`an object of class ${kind.s.slice(1)} in the input`);
      return value;
    }
    // A proxy must return a frozen object's own values as they are.
    if (!Object.isExtensible(value)) {
      this.fail('a frozen object in the input');
      return value;
    }
    const proxy = value instanceof Map ? this.#mapProxy(value, node) : this.#objectProxy(value, node);
    this.#proxies.set(value, { proxy, node });
    this.#nodes.set(proxy, node);
    this.#targets.set(proxy, value);
    return proxy;
  }

  #raw(v: unknown): unknown {
    return (v !== null && typeof v === 'object' && this.#targets.get(v)) || v;
  }

  #objectProxy(target: object, node: number): object {
    const table = this.table;
    const write = (what: string) => this.fail(`the theme wrote to the input (${what} at ${table.path(node)})`);
    return new Proxy(target, {
      get: (t, key) => {
        const value = Reflect.get(t, key) as unknown;
        // Methods (`map`, `filter`…) read through the proxy they are called on.
        if (typeof key === 'symbol' || typeof value === 'function') return value;
        if (value !== null && typeof value === 'object' && !Object.hasOwn(t, key)) return value; // a prototype
        const id = table.child(node, GET, key, value);
        this.read(id);
        return this.#wrap(value, id);
      },
      has: (t, key) => {
        const found = Reflect.has(t, key);
        if (typeof key === 'string') this.read(table.other(node, HAS, key, () => found));
        return found;
      },
      ownKeys: (t) => {
        const keys = Reflect.ownKeys(t);
        this.read(table.other(node, KEYS, '', () => JSON.stringify(keys.filter((k) => typeof k === 'string'))));
        return keys;
      },
      set: (t, key, value) => {
        write(`set ${String(key)}`);
        return Reflect.set(t, key, this.#raw(value));
      },
      defineProperty: (t, key, desc) => {
        write(`define ${String(key)}`);
        return Reflect.defineProperty(t, key, 'value' in desc ? { ...desc, value: this.#raw(desc.value) } : desc);
      },
      deleteProperty: (t, key) => {
        write(`delete ${String(key)}`);
        return Reflect.deleteProperty(t, key);
      },
      setPrototypeOf: (t, proto) => {
        write('setPrototypeOf');
        return Reflect.setPrototypeOf(t, proto);
      },
      preventExtensions: (t) => {
        write('preventExtensions');
        return Reflect.preventExtensions(t);
      },
    });
  }

  /**
   * A Map's methods need the real Map as `this`: the proxy hands out functions that read one key
   * (`get`, `has`: the page depends on that entry only, so adding an attachment does not render
   * every page that shows the logo) or, for anything iterating, note the whole Map.
   */
  #mapProxy(target: Map<unknown, unknown>, node: number): object {
    const table = this.table;
    // Paths name keys in JSON (props keys): an object as a key has no stable name.
    const named = (k: unknown) => {
      if (k !== null && typeof k === 'object') this.fail(`a Map with objects as keys at ${table.path(node)}`);
    };
    const get = (k: unknown) => {
      named(k);
      const value = target.get(k);
      const id = table.child(node, MAP_GET, k, value);
      this.read(id);
      return this.#wrap(value, id);
    };
    const has = (k: unknown) => {
      named(k);
      const found = target.has(k);
      this.read(table.other(node, MAP_HAS, k, () => found));
      return found;
    };
    return new Proxy(target, {
      get: (t, key) => {
        if (key === 'get') return get;
        if (key === 'has') return has;
        if (key === 'size') {
          this.read(table.other(node, SIZE, '', () => t.size));
          return t.size;
        }
        if (key === 'set' || key === 'delete' || key === 'clear') {
          return (...args: unknown[]) => {
            this.fail(`the theme wrote to the input (Map ${key} at ${table.path(node)})`);
            return (t[key] as (...a: unknown[]) => unknown).apply(
              t,
              args.map((a) => this.#raw(a)),
            );
          };
        }
        const value = Reflect.get(t, key, t) as unknown;
        if (typeof value !== 'function') return value;
        // `entries`, `forEach`, iteration: the values come out unwrapped, so the whole Map is the read.
        this.read(table.other(node, SNAPSHOT, '', () => new Tag(hashOf(t))));
        return (value as (...a: unknown[]) => unknown).bind(t);
      },
      set: (t, key, value) => {
        this.fail(`the theme wrote to the input (set ${String(key)} of a Map at ${table.path(node)})`);
        return Reflect.set(t, key, value);
      },
    });
  }
}

/** Starts tracking a job's input; `memo` caches record their reads until `stop`. */
export function track<T extends object>(input: T): Tracking<T> {
  const tracking = new Tracking(input);
  shared.active = tracking;
  return tracking;
}

/** A cached result and, when computed in a tracked job, the reads that computed it. */
export interface Memoized<V> {
  value: V;
  reads?: Reads | undefined;
}

/**
 * `cache.get(key) ?? compute()`, for caches of the theme that outlive a page: the reads of
 * `compute` are kept with its result and credited to every page that gets the result (`compute`
 * must be synchronous). Without tracking (`congtruong build`), a plain cache.
 */
export function memo<K extends object, V>(cache: WeakMap<K, Memoized<V>>, key: K, compute: () => V): V {
  const tracking = shared.active;
  let entry = cache.get(key);
  if (!entry) {
    if (!tracking) {
      entry = { value: compute() };
    } else {
      const rec: Recorder = { table: tracking.table, ids: new Set(), groups: new Set() };
      entry = { value: shared.current.run(rec, compute), reads: seal(rec) };
    }
    cache.set(key, entry);
  }
  if (entry.reads && tracking) {
    const rec = shared.current.getStore();
    if (rec) rec.groups.add(entry.reads);
    // Outside any page (`getStaticPaths`) the reads are covered by the props; during the
    // renders, a result no page takes means the attribution failed.
    else tracking.unowned();
  }
  return entry.value;
}

/**
 * Compares recorded reads with a new input: a page whose every read finds the same value would
 * render the same output. Each path is resolved once per check.
 */
export class ReadCheck {
  readonly #root: unknown;
  readonly #tables = new Map<ReadTable, { resolved: unknown[]; changed: (boolean | undefined)[] }>();
  readonly #groups = new WeakMap<Reads, boolean>();

  constructor(newInput: unknown) {
    this.#root = newInput;
  }

  /** Whether any read of `reads` (or of its memo groups) finds another value in the new input. */
  changed(reads: Reads): boolean {
    let verdict = this.#groups.get(reads);
    if (verdict === undefined) {
      verdict = reads.ids.some((id) => this.#nodeChanged(reads.table, id)) || reads.groups.some((g) => this.changed(g));
      this.#groups.set(reads, verdict);
    }
    return verdict;
  }

  #state(table: ReadTable) {
    let s = this.#tables.get(table);
    if (!s) {
      s = { resolved: [this.#root], changed: [] };
      this.#tables.set(table, s);
    }
    return s;
  }

  /** The new input's value at a node's path (GET and MAP_GET nodes; the root). */
  #resolve(table: ReadTable, id: number): unknown {
    const s = this.#state(table);
    let v = id in s.resolved ? s.resolved[id] : UNRESOLVED;
    if (v === UNRESOLVED) {
      const p = this.#resolve(table, table.parent[id]!);
      const key = table.key[id];
      if (p === MISSING || p === null || typeof p !== 'object') v = MISSING;
      else if (table.op[id] === MAP_GET) v = p instanceof Map ? p.get(key) : MISSING;
      else v = Reflect.get(p, key as PropertyKey);
      s.resolved[id] = v;
    }
    return v;
  }

  #nodeChanged(table: ReadTable, id: number): boolean {
    const s = this.#state(table);
    let verdict = s.changed[id];
    if (verdict !== undefined) return verdict;
    const op = table.op[id]!;
    const recorded = table.value[id];
    if (op === GET || op === MAP_GET || op === ROOT) {
      const v = this.#resolve(table, id);
      verdict = !same(v === MISSING ? MISSING : classify(v), recorded);
    } else if (op === ALIAS) {
      verdict = this.#resolve(table, table.parent[id]!) !== this.#resolve(table, table.key[id] as number);
    } else {
      const p = this.#resolve(table, table.parent[id]!);
      const key = table.key[id];
      let now: Recorded = MISSING;
      if (p !== MISSING && p !== null && typeof p === 'object') {
        if (op === HAS) now = Reflect.has(p, key as PropertyKey);
        else if (op === KEYS) now = JSON.stringify(Reflect.ownKeys(p).filter((k) => typeof k === 'string'));
        else if (p instanceof Map) {
          if (op === MAP_HAS) now = p.has(key);
          else if (op === SIZE) now = p.size;
          else if (op === SNAPSHOT) now = new Tag(hashOf(p));
        }
      }
      verdict = !same(now, recorded);
    }
    s.changed[id] = verdict;
    return verdict;
  }
}
