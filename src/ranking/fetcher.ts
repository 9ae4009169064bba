/**
 * One HTTP(S) GET with every limit a crawler of other people's servers needs: connect and
 * total timeouts, a maximum body size (counted after decompression, so a gzip bomb stops
 * early), a redirect limit with a robots.txt check on every hop, retries with exponential
 * backoff for transient failures, gzip/deflate/brotli, and global and per-host concurrency.
 *
 * Nothing throws for a network problem: the outcome is a `FetchRecord` whose `status` says
 * what happened, in the spirit of the GSA Site Scanning data dictionary (`ok`, `timeout`,
 * `dns`, `tls`, `http-error`, `too-large`, `blocked-by-robots` …). Records are what
 * snapshots store, so scoring from a snapshot sees exactly what the live crawl saw.
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import { z } from 'zod';
import { Limiter } from './limiter.ts';

export const SCAN_STATUSES = [
  'ok',
  'timeout',
  'dns',
  'tls',
  'connection',
  'http-error',
  'too-large',
  'too-many-redirects',
  'blocked-by-robots',
  'invalid-url',
  'not-fetched',
  'error',
] as const;
export const scanStatusSchema = z.enum(SCAN_STATUSES);
export type ScanStatus = z.infer<typeof scanStatusSchema>;

export const fetchRecordSchema = z.object({
  /** URL asked for. */
  url: z.string(),
  /** URL of the last hop (after redirects). */
  finalUrl: z.string(),
  status: scanStatusSchema,
  httpStatus: z.number().int().optional(),
  contentType: z.string().optional(),
  lastModified: z.string().optional(),
  /** Redirect hops followed, in order. */
  redirects: z.array(z.string()),
  /** Bytes of the body after decompression (as far as read). */
  bytes: z.number().int(),
  /** Bytes on the wire as announced by Content-Length, when sent. */
  contentLength: z.number().int().optional(),
  ms: z.number().int(),
  attempts: z.number().int(),
  /** Body, base64; absent for size-only requests and failures. */
  body: z.string().optional(),
  /** Low-level error code or message, for people reading the report. */
  error: z.string().optional(),
});
export type FetchRecord = z.infer<typeof fetchRecordSchema>;

export interface FetcherOptions {
  userAgent: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  backoffMs: number;
  globalConcurrency: number;
  perHostConcurrency: number;
  /** Resolve no host name through DNS (tests, air-gapped runs): only IP literals connect. */
  offline?: boolean | undefined;
  /**
   * Like curl's `--resolve`: requests to these host names connect to the given `host:port`
   * instead, keeping the URL, the `Host` header and the TLS server name (SNI) of the site.
   * Several schools behind one web server each get their own site.
   */
  resolve?: ReadonlyMap<string, { host: string; port: number }> | undefined;
}

export interface FetchRequest {
  url: string;
  /** Overrides the default maximum body size. */
  maxBytes?: number | undefined;
  /** Read at most `maxBytes` and stop without error (file signatures, page weight). */
  partial?: boolean | undefined;
  /** Count the bytes but keep no body. */
  sizeOnly?: boolean | undefined;
  /** robots.txt verdict for each hop; a disallowed hop ends the request. */
  allowed?: ((url: string) => boolean) | undefined;
  /** Aborts the request (site deadline). */
  signal?: AbortSignal | undefined;
}

/** What the crawler calls: live (`createFetcher`) or replayed (`snapshot.ts`). */
export type Fetch = (req: FetchRequest) => Promise<FetchRecord>;

export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = {
  userAgent: 'CongTruongRanking/0.1 (+https://github.com/cong-truong; school website evaluation)',
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 1000,
  globalConcurrency: 16,
  perHostConcurrency: 2,
};

const TLS_CODES = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|HOSTNAME_MISMATCH/i;

class TooLargeError extends Error {}

/** Maps a thrown error to a scan status; undici wraps the socket error in `cause`. */
export function classifyError(err: unknown): { status: ScanStatus; error: string } {
  const chain: { code?: string | number; name?: string; message?: string }[] = [];
  let e: unknown = err;
  for (let i = 0; e && i < 5; i++) {
    chain.push(e as { code?: string | number; name?: string; message?: string });
    e = (e as { cause?: unknown }).cause;
  }
  const codes = chain.map((c) => `${c.code ?? ''} ${c.name ?? ''}`).join(' ');
  // DOMException has a numeric `code` (23 for TimeoutError): only string codes name the problem.
  const msg = chain.map((c) => (typeof c.code === 'string' ? c.code : (c.message ?? c.name ?? ''))).find(Boolean) ?? String(err);
  if (err instanceof TooLargeError) return { status: 'too-large', error: err.message };
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENODATA/.test(codes)) return { status: 'dns', error: msg };
  if (/TimeoutError|AbortError|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ETIMEDOUT/.test(codes))
    return { status: 'timeout', error: msg };
  if (TLS_CODES.test(codes)) return { status: 'tls', error: msg };
  if (/ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET|UND_ERR_CLOSED/.test(codes))
    return { status: 'connection', error: msg };
  return { status: 'error', error: msg };
}

const RETRY_STATUSES: ReadonlySet<ScanStatus> = new Set(['timeout', 'connection']);
const RETRY_HTTP = new Set([429, 500, 502, 503, 504]);

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.BrotliDecompress | zlib.Inflate | undefined {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'br') return zlib.createBrotliDecompress();
  if (e === 'deflate') return zlib.createInflate();
  return undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export interface LiveFetcher {
  fetch: Fetch;
  close(): Promise<void>;
}

export function createFetcher(options: Partial<FetcherOptions> = {}): LiveFetcher {
  const opts = { ...DEFAULT_FETCHER_OPTIONS, ...options };
  const offlineLookup: LookupFunction = (hostname, _o, cb) => {
    const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (offline)`), { code: 'ENOTFOUND' });
    (cb as (e: Error) => void)(err);
  };
  const connector = buildConnector({ timeout: opts.connectTimeoutMs, lookup: opts.offline ? offlineLookup : dns.lookup });
  const resolve = opts.resolve ?? new Map();
  const agent = new Agent({
    // Only the socket goes elsewhere: `host` (and with it the SNI name) stays the site's own.
    connect: (o, cb) => {
      const to = resolve.get(o.hostname.toLowerCase());
      connector(to ? { ...o, hostname: to.host, port: String(to.port) } : o, cb);
    },
    headersTimeout: opts.totalTimeoutMs,
    bodyTimeout: opts.totalTimeoutMs,
    // Hostile servers may hold sockets open; do not keep idle ones around for long.
    keepAliveTimeout: 4000,
  });
  const limiter = new Limiter(opts.globalConcurrency, opts.perHostConcurrency);

  /** One GET of one URL (no redirects followed). */
  async function once(
    url: URL,
    req: FetchRequest,
  ): Promise<Omit<FetchRecord, 'url' | 'finalUrl' | 'redirects' | 'attempts' | 'ms'> & { location?: string | undefined }> {
    const maxBytes = req.maxBytes ?? opts.maxBytes;
    const signals = [AbortSignal.timeout(opts.totalTimeoutMs)];
    if (req.signal) signals.push(req.signal);
    const res = await request(url, {
      dispatcher: agent,
      method: 'GET',
      signal: AbortSignal.any(signals),
      headers: {
        'user-agent': opts.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'vi,en;q=0.5',
      },
    });
    // Ending a body early (redirect, size limit) makes undici emit an AbortError: expected here.
    res.body.on('error', () => {});
    const header = (k: string) => {
      const v = res.headers[k];
      return Array.isArray(v) ? v[0] : v;
    };
    const contentType = header('content-type');
    const lastModified = header('last-modified');
    const lengthHeader = header('content-length');
    const contentLength = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    const base = {
      httpStatus: res.statusCode,
      ...(contentType ? { contentType } : {}),
      ...(lastModified ? { lastModified } : {}),
      ...(contentLength !== undefined ? { contentLength } : {}),
    };
    if (res.statusCode >= 300 && res.statusCode < 400) {
      res.body.destroy();
      return { ...base, status: 'ok', bytes: 0, location: header('location') };
    }
    const encoding = header('content-encoding');
    if (!req.partial && !encoding && contentLength !== undefined && contentLength > maxBytes) {
      res.body.destroy();
      return { ...base, status: 'too-large', bytes: 0, error: `Content-Length ${contentLength} > ${maxBytes}` };
    }
    const decoder = decoderFor(encoding);
    const source: Readable = res.body;
    const stream: AsyncIterable<Buffer> = decoder ? (pipeline(source, decoder, () => {}) as unknown as AsyncIterable<Buffer>) : source;
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      for await (const chunk of stream) {
        const take = req.partial ? Math.min(chunk.length, maxBytes - bytes) : chunk.length;
        bytes += take;
        if (!req.sizeOnly) chunks.push(take === chunk.length ? chunk : chunk.subarray(0, take));
        if (bytes >= maxBytes) {
          if (req.partial) break;
          if (bytes > maxBytes) throw new TooLargeError(`body > ${maxBytes} bytes`);
        }
      }
    } finally {
      source.destroy();
      decoder?.destroy();
    }
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return {
      ...base,
      status: ok ? 'ok' : 'http-error',
      bytes,
      ...(req.sizeOnly ? {} : { body: Buffer.concat(chunks).toString('base64') }),
    };
  }

  async function fetchOne(req: FetchRequest): Promise<FetchRecord> {
    const started = performance.now();
    const redirects: string[] = [];
    let attempts = 0;
    const done = (r: Partial<FetchRecord> & { status: ScanStatus; finalUrl: string }): FetchRecord => ({
      url: req.url,
      redirects,
      bytes: 0,
      attempts,
      ms: Math.round(performance.now() - started),
      ...r,
    });
    let current: URL;
    try {
      current = new URL(req.url);
      if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new Error('scheme');
    } catch {
      return done({ status: 'invalid-url', finalUrl: req.url, error: 'not an http(s) URL' });
    }
    for (;;) {
      if (req.allowed && !req.allowed(current.href)) return done({ status: 'blocked-by-robots', finalUrl: current.href });
      let result: Awaited<ReturnType<typeof once>> | undefined;
      for (let attempt = 0; attempt <= opts.retries; attempt++) {
        if (req.signal?.aborted) return done({ status: 'timeout', finalUrl: current.href, error: 'site time limit' });
        attempts++;
        try {
          const target = current;
          result = await limiter.run(current.host, () => once(target, req));
        } catch (err) {
          const c = req.signal?.aborted ? { status: 'timeout' as const, error: 'site time limit' } : classifyError(err);
          result = { status: c.status, bytes: 0, error: c.error };
        }
        const transient = RETRY_STATUSES.has(result.status) || (result.httpStatus !== undefined && RETRY_HTTP.has(result.httpStatus));
        if (!transient || attempt === opts.retries || req.signal?.aborted) break;
        await sleep(opts.backoffMs * 2 ** attempt, req.signal);
      }
      const r = result!;
      const { location, ...rest } = r;
      if (r.httpStatus !== undefined && r.httpStatus >= 300 && r.httpStatus < 400) {
        if (!location) return done({ ...rest, status: 'http-error', finalUrl: current.href, error: 'redirect without Location' });
        if (redirects.length >= opts.maxRedirects)
          return done({ ...rest, status: 'too-many-redirects', finalUrl: current.href, error: `more than ${opts.maxRedirects} redirects` });
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return done({ ...rest, status: 'invalid-url', finalUrl: current.href, error: `bad Location ${location}` });
        }
        redirects.push(next.href);
        current = next;
        continue;
      }
      return done({ ...rest, finalUrl: current.href });
    }
  }

  // destroy, not close: a hostile server may keep a response open that close() would wait for.
  return { fetch: fetchOne, close: () => agent.destroy() };
}

/** The body of a record as bytes (empty when none was kept). */
export function bodyOf(r: FetchRecord): Buffer {
  return r.body ? Buffer.from(r.body, 'base64') : Buffer.alloc(0);
}
