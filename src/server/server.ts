/**
 * `congtruong serve`: the publishing server of a hosting unit. It runs behind nginx on
 * 127.0.0.1, over the same content folder and `dist/sites/` as `congtruong build`; the public
 * sites stay static files that nginx serves, and this server is never on their path.
 *
 * Routes:
 * - `GET /login`, `POST /login`, `POST /logout`;
 * - `GET /` → the host's dashboard (`/host/`) or the editor's school (`/s/<id>/`);
 * - `GET /s/<id>/` the school's dashboard, `/s/<id>/admin/` its editor (Decap CMS),
 *   `POST /s/<id>/api/v1` the editor's backend (`decap-api.ts`), for accounts with rights on <id>;
 * - `GET /host/` the host's dashboard (administrators).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { stringify } from 'yaml';
import { nowInVietnam } from '../util/dates.ts';
import { parse as parseYaml } from 'yaml';
import { buildCmsConfig } from '../dev/cms-config.ts';
import { disclosureYears, schoolIds } from '../dev/school-content.ts';
import type { Lang } from '../errors/content-errors.ts';
import { type Account, accountSchema, ServerDatabase, SESSION_MS } from './accounts.ts';
import { handleApi, MAX_BODY_BYTES } from './decap-api.ts';
import { repositoryRoot } from './git.ts';
import { dummyHash, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { handleHistory } from './history-routes.ts';
import { editorPage, hostDashboard, loginPage, schoolDashboard, whenVi } from './pages.ts';
import { recentItems } from './history.ts';
import { Publisher } from './publisher.ts';
import { cookieNames, hostAllowed, LoginRateLimit, originAllowed, parseCookies, sameToken, setCookie } from './security.ts';
import { randomBytes } from 'node:crypto';

const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve('decap-cms'));

export interface ServeOptions {
  contentDir: string;
  outDir: string;
  /** The SQLite database of accounts and publications. */
  database: string;
  port: number;
  /** Listen address; keep 127.0.0.1 behind nginx. */
  host?: string;
  /** The address editors open (scheme, host and port), e.g. `https://soanbai.pgd.example.edu.vn`. Default: `http://<host>:<port>`. */
  publicUrl?: string | undefined;
  lang?: Lang;
  clock?: (() => Date) | undefined;
  pollMs?: number | undefined;
  warmWorker?: boolean | undefined;
  /** Render saves in the warm renderer (see `PublisherOptions.warmRender`). Default true. */
  warmRender?: boolean | undefined;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** The port it listens on (the one asked for, or a free one for port 0). */
  port: number;
  publisher: Publisher;
  db: ServerDatabase;
  stop(): Promise<void>;
}

export class ServeError extends Error {}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Yêu cầu quá lớn.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    ...headers,
  });
  res.end(body);
}
const html = (res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) =>
  send(res, status, 'text/html; charset=utf-8', body, headers);
const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
const redirect = (res: ServerResponse, to: string, headers: Record<string, string | string[]> = {}) => {
  res.writeHead(303, { Location: to, 'Cache-Control': 'no-store', ...headers });
  res.end();
};

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const lang = opts.lang ?? 'vi';
  const log = opts.log ?? ((l: string) => console.log(l));
  const contentDir = path.resolve(opts.contentDir);
  if (!(await repositoryRoot(contentDir))) {
    throw new ServeError(
      lang === 'vi'
        ? `Thư mục nội dung ${contentDir} chưa là kho git. Máy chủ ghi mỗi lần lưu thành một commit. Cách sửa: chạy "git init" rồi "git add -A && git commit -m 'Nội dung ban đầu'" trong thư mục đó.`
        : `The content folder ${contentDir} is not a git repository. The server records every save as a commit. Fix: run "git init", then "git add -A && git commit -m 'Initial content'" in it.`,
    );
  }
  const db = new ServerDatabase(opts.database);
  const stateDir = path.join(path.dirname(path.resolve(opts.database)), 'congtruong-serve-state');
  const publisher = new Publisher({
    contentDir,
    outDir: path.resolve(opts.outDir),
    db,
    stateDir,
    clock: opts.clock,
    pollMs: opts.pollMs,
    warmWorker: opts.warmWorker,
    warmRender: opts.warmRender,
    log,
  });
  await publisher.start();
  const host = opts.host ?? '127.0.0.1';
  const limiter = new LoginRateLimit();
  let publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : '';
  const secure = publicOrigin.startsWith('https:');
  const cookies = cookieNames(secure);
  const names = new Map<string, string>();
  const schoolName = async (id: string) => {
    if (!names.has(id)) {
      const yaml = await readFile(path.join(contentDir, 'schools', id, 'school.yaml'), 'utf8').catch(() => '');
      const parsed = (() => {
        try {
          return parseYaml(yaml) as { name?: unknown } | null;
        } catch {
          return null;
        }
      })();
      names.set(id, typeof parsed?.name === 'string' ? parsed.name : id);
    }
    return names.get(id)!;
  };

  const clientAddress = (req: IncomingMessage) => {
    const direct = req.socket.remoteAddress ?? '';
    // Behind nginx every request comes from 127.0.0.1: the client is in X-Real-IP (see docs/hosting.md).
    const forwarded = req.headers['x-real-ip'];
    return (direct === '127.0.0.1' || direct === '::1' || direct === '::ffff:127.0.0.1') && typeof forwarded === 'string'
      ? forwarded
      : direct;
  };

  const sessionOf = (req: IncomingMessage) => {
    const token = parseCookies(req).get(cookies.session);
    return token ? { token, ...db.session(token) } : undefined;
  };
  const canEdit = (a: Account, school: string) => a.role === 'admin' || a.school === school;

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(req, 10_000)).toString('utf8'));
    const loginToken = parseCookies(req).get(cookies.login);
    const fresh = randomBytes(24).toString('base64url');
    const again = (status: number, message: string) =>
      html(res, status, loginPage(fresh, message), { 'Set-Cookie': setCookie(cookies.login, fresh, secure, 3600) });
    if (!sameToken(form.get('csrf') ?? undefined, loginToken)) return again(403, 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.');
    if (!limiter.allow(clientAddress(req))) return again(429, 'Có quá nhiều lần đăng nhập từ máy này. Hãy đợi 15 phút rồi thử lại.');
    const name = (form.get('login') ?? '').trim().toLowerCase();
    const password = form.get('password') ?? '';
    const account = db.user(name);
    const now = Date.now();
    if (account?.lockedUntil && account.lockedUntil > now) {
      return again(
        423,
        `Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần, đến ${whenVi(account.lockedUntil)}. Hãy đợi hoặc nhờ đơn vị chủ quản đặt lại mật khẩu.`,
      );
    }
    const stored = db.passwordHash(name);
    const ok = await verifyPassword(password, stored ?? (await dummyHash()));
    if (!account || !stored || !ok || account.disabled) {
      const after = account && !account.disabled ? db.loginFailed(name, now) : undefined;
      if (after?.lockedUntil && after.lockedUntil > now) {
        log(`Tài khoản ${name} bị tạm khoá sau nhiều lần sai mật khẩu (từ ${clientAddress(req)}).`);
        return again(
          423,
          `Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần, đến ${whenVi(after.lockedUntil)}. Hãy đợi hoặc nhờ đơn vị chủ quản đặt lại mật khẩu.`,
        );
      }
      return again(401, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    db.loginSucceeded(name);
    const session = db.createSession(account.id, now);
    log(`Đăng nhập: ${name} (từ ${clientAddress(req)}).`);
    redirect(res, account.role === 'admin' ? '/host/' : `/s/${account.school}/`, {
      'Set-Cookie': [setCookie(cookies.session, session.token, secure, SESSION_MS / 1000), setCookie(cookies.login, '', secure, 0)],
    });
  }

  /** An administrator's action on an account from the host's dashboard (as `congtruong users` does). */
  async function manageAccount(form: URLSearchParams, admin: Account): Promise<{ ok: boolean; text: string }> {
    const action = form.get('action');
    const login = (form.get('login') ?? '').trim().toLowerCase();
    if (action === 'add') {
      const school = form.get('school') ?? '';
      const checked = accountSchema.safeParse({
        login,
        name: form.get('name') ?? '',
        email: (form.get('email') ?? '').trim(),
        role: school === '' ? 'admin' : 'editor',
        school: school === '' ? undefined : school,
      });
      if (!checked.success) {
        const fields = [...new Set(checked.error.issues.map((i) => String(i.path[0])))];
        const explain: Record<string, string> = {
          login: 'tên đăng nhập cần 3–64 ký tự chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới',
          name: 'cần họ tên đầy đủ',
          email: 'cần một địa chỉ thư điện tử',
          school: 'cần chọn một trường',
        };
        return { ok: false, text: `Chưa tạo tài khoản: ${fields.map((f) => explain[f] ?? f).join('; ')}.` };
      }
      if (checked.data.school !== undefined && !(await schoolIds(contentDir)).includes(checked.data.school)) {
        return { ok: false, text: `Chưa tạo tài khoản: không có trường "${checked.data.school}".` };
      }
      if (db.user(login)) return { ok: false, text: `Chưa tạo tài khoản: đã có tài khoản "${login}".` };
      const password = generatePassword();
      db.addUser(checked.data, await hashPassword(password));
      log(`Tài khoản: ${admin.login} tạo ${login}.`);
      return { ok: true, text: `Đã tạo tài khoản ${login}. Mật khẩu (chỉ hiện một lần, hãy gửi riêng cho người dùng): ${password}` };
    }
    if (!db.user(login)) return { ok: false, text: `Không có tài khoản "${login}".` };
    if (action === 'reset') {
      const password = generatePassword();
      db.setPassword(login, await hashPassword(password));
      log(`Tài khoản: ${admin.login} đặt lại mật khẩu của ${login}.`);
      return { ok: true, text: `Đã đặt lại mật khẩu của ${login}; tài khoản được mở khoá. Mật khẩu mới (chỉ hiện một lần): ${password}` };
    }
    if (action === 'disable' || action === 'enable') {
      if (login === admin.login) return { ok: false, text: 'Không tự khoá tài khoản đang dùng.' };
      db.setDisabled(login, action === 'disable');
      log(`Tài khoản: ${admin.login} ${action === 'disable' ? 'khoá' : 'mở khoá'} ${login}.`);
      return { ok: true, text: action === 'disable' ? `Đã khoá tài khoản ${login}.` : `Đã mở khoá tài khoản ${login}.` };
    }
    return { ok: false, text: 'Thao tác không được hỗ trợ.' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    if (!hostAllowed(req, { publicOrigin })) return send(res, 421, 'text/plain; charset=utf-8', 'Sai tên máy chủ (Host).');
    const url = new URL(req.url ?? '/', publicOrigin);
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const post = method === 'POST';
    if (!post && method !== 'GET' && method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Phương thức không được hỗ trợ.');
    if (post && !originAllowed(req, { publicOrigin })) {
      return json(res, 403, { error: 'Yêu cầu bị từ chối: không đến từ trang soạn bài của máy chủ này (Origin).' });
    }
    if (p === '/favicon.ico' || p === '/robots.txt') return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.');
    if (p === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok');
    if (p === '/login') {
      if (post) return login(req, res);
      // The token of an earlier visit is kept: a second tab (or the browser fetching a favicon
      // through the redirect) must not invalidate the form already shown.
      const kept = parseCookies(req).get(cookies.login);
      const token = kept && /^[\w-]{32}$/.test(kept) ? kept : randomBytes(24).toString('base64url');
      return html(res, 200, loginPage(token), { 'Set-Cookie': setCookie(cookies.login, token, secure, 3600) });
    }
    const session = sessionOf(req);
    const account = session?.account;
    const wantsJson = p.endsWith('/api/v1') || p.endsWith('/api/v1/') || p.includes('/api/history');
    if (!account || !session?.csrf) {
      if (wantsJson) return json(res, 401, { error: 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại.' });
      return redirect(res, '/login');
    }
    let form: URLSearchParams | undefined;
    if (post) {
      // Forms send the token as a field, the editor as a header.
      const header = req.headers['x-csrf-token'];
      let token = typeof header === 'string' ? header : undefined;
      if (!token && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        form = new URLSearchParams((await readBody(req, 10_000)).toString('utf8'));
        token = form.get('csrf') ?? undefined;
      }
      if (!sameToken(token, session.csrf)) {
        return json(res, 403, { error: 'Yêu cầu bị từ chối: thiếu mã chống giả mạo (CSRF). Hãy tải lại trang soạn bài.' });
      }
      if (p === '/logout') {
        db.endSession(session.token);
        return redirect(res, '/login', { 'Set-Cookie': setCookie(cookies.session, '', secure, 0) });
      }
    }
    if (p === '/') return redirect(res, account.role === 'admin' ? '/host/' : `/s/${account.school}/`);
    if (p === '/host/' || p === '/host' || p === '/host/users') {
      if (account.role !== 'admin') return html(res, 403, 'Chỉ quản trị viên của đơn vị chủ quản xem được trang này.');
      let notice: { ok: boolean; text: string } | undefined;
      if (p === '/host/users') {
        if (!post || !form) return redirect(res, '/host/');
        notice = await manageAccount(form, account);
      }
      const ids = await schoolIds(contentDir);
      const summaries = new Map(db.schoolSummaries().map((s) => [s.school, s]));
      const states = await publisher.siteStates();
      const schools = await Promise.all(
        ids.map(async (id) => ({
          id,
          name: await schoolName(id),
          ...summaries.get(id),
          failuresWeek: summaries.get(id)?.failuresWeek ?? 0,
          compliance: states[id]?.compliance,
        })),
      );
      return html(
        res,
        notice && !notice.ok ? 422 : 200,
        hostDashboard({ account, csrf: session.csrf, schools, users: db.users(), notice }),
      );
    }
    const m = /^\/s\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.');
    // School ids are plain slugs: anything else (escapes included) names no school.
    const school = m[1]!;
    const rest = m[2] ?? '/';
    // Another school's id, even one that does not exist, is refused the same way.
    if (!canEdit(account, school) || !(await schoolIds(contentDir)).includes(school)) {
      log(`Từ chối: ${account.login} truy cập trường ${school} (${method} ${p}).`);
      if (wantsJson) return json(res, 403, { error: `Không được phép: tài khoản ${account.login} không có quyền với trường ${school}.` });
      return html(res, 403, `Không được phép: tài khoản ${esc(account.login)} không có quyền với trường này.`);
    }
    const schoolDir = path.join(contentDir, 'schools', school);
    if (rest === '/api/v1' || rest === '/api/v1/') {
      if (!post) return json(res, 405, { error: 'POST' });
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)).toString('utf8'));
      } catch (err) {
        if (err instanceof HttpError) throw err;
        return json(res, 400, { error: 'Yêu cầu không phải JSON.' });
      }
      const answer = await handleApi({ school, schoolDir, account, publisher, lang, started }, body);
      if (answer.status === 403) log(`Từ chối: ${account.login} (${school}) ${JSON.stringify(body).slice(0, 300)}`);
      return json(res, answer.status, answer.body);
    }
    if (rest.startsWith('/history/') || rest.startsWith('/api/history')) {
      if (post && !form) {
        const raw = (await readBody(req, 10_000)).toString('utf8');
        if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
          let body: unknown;
          try {
            body = JSON.parse(raw);
          } catch {
            return json(res, 400, { error: 'Yêu cầu không phải JSON.' });
          }
          const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
          form = new URLSearchParams(fields.filter((e): e is [string, string] => typeof e[1] === 'string'));
        } else form = new URLSearchParams(raw);
      }
      const answer = await handleHistory(
        { contentDir, school, schoolDir, account, csrf: session.csrf, publisher, lang, started, log },
        { method, rest, query: url.searchParams, form },
      );
      if (!answer) return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.');
      return answer.type === 'json' ? json(res, answer.status, answer.body) : html(res, answer.status, answer.body);
    }
    if (post) return send(res, 405, 'text/plain; charset=utf-8', 'Phương thức không được hỗ trợ.');
    if (rest === '/') {
      const state = (await publisher.siteStates())[school];
      const now = nowInVietnam(opts.clock?.() ?? new Date());
      return html(
        res,
        200,
        schoolDashboard({
          account,
          csrf: session.csrf,
          school,
          schoolName: await schoolName(school),
          publications: db.publications(school),
          address: state?.domain,
          compliance: state?.compliance,
          nextScheduled: state?.nextScheduled !== undefined && state.nextScheduled > now ? state.nextScheduled : undefined,
          recent: await recentItems(contentDir, school, schoolDir),
        }),
      );
    }
    if (rest === '/admin') return redirect(res, `/s/${school}/admin/`);
    if (rest === '/admin/') return html(res, 200, editorPage({ school, schoolName: await schoolName(school), csrf: session.csrf }));
    if (rest === '/admin/config.yml') {
      const config = buildCmsConfig({
        origin: publicOrigin,
        disclosureYears: await disclosureYears(schoolDir),
        schoolName: await schoolName(school),
      });
      const { local_backend: _local, ...rest } = config;
      void _local;
      const collections = rest.collections.map(({ schema, ...c }) => {
        void schema;
        return c;
      });
      // "Xem bản hoàn chỉnh" opens the school's public site once it has been published.
      const address = (await publisher.siteStates())[school]?.domain;
      const siteUrl = address ? `https://${address}/` : publicOrigin;
      const yaml = stringify(
        {
          ...rest,
          site_url: siteUrl,
          display_url: siteUrl,
          backend: { name: 'proxy', proxy_url: `/s/${school}/api/v1`, branch: 'main' },
          collections,
        },
        { lineWidth: 0, aliasDuplicateObjects: false },
      );
      return send(res, 200, 'text/yaml; charset=utf-8', `# Tạo tự động bởi congtruong serve từ các lược đồ nội dung.\n${yaml}`);
    }
    const asset = /^\/admin\/([\w.-]+\.(js|wasm))$/.exec(rest)?.[1];
    if (asset) {
      const abs = path.join(DECAP_DIST, asset);
      const st = await stat(abs).catch(() => null);
      if (st?.isFile()) {
        res.writeHead(200, {
          'Content-Type': asset.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8',
          'Content-Length': st.size,
          'Cache-Control': 'private, max-age=3600',
        });
        createReadStream(abs).pipe(res);
        return;
      }
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      // The details go to the server's log, never to the browser.
      if (status === 500)
        log(`Lỗi máy chủ khi xử lý ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const message =
        err instanceof HttpError
          ? err.message
          : 'Máy chủ gặp lỗi khi xử lý yêu cầu; chưa có gì được đăng. Đơn vị chủ quản xem nhật ký máy chủ.';
      if (!res.headersSent) json(res, status, { error: message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  if (!publicOrigin) publicOrigin = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  log(lang === 'vi' ? `Máy chủ soạn bài đang chạy: ${publicOrigin}/` : `Publishing server running: ${publicOrigin}/`);
  return {
    url: publicOrigin,
    port,
    publisher,
    db,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await publisher.stop();
      db.close();
    },
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
