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
import { CatalogueError, type ErrorArgs } from '../errors/catalogue.ts';
import { SERVER_ERRORS, serverAnswer, type ServerErrorName } from '../errors/server-errors.ts';
import { type Account, accountSchema, ServerDatabase, SESSION_MS } from './accounts.ts';
import { handleApi, MAX_BODY_BYTES } from './decap-api.ts';
import { repositoryRoot } from './git.ts';
import { dummyHash, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { handleHistory } from './history-routes.ts';
import { editorPage, hostDashboard, loginPage, reviewPage, schoolDashboard, whenVi } from './pages.ts';
import { ReviewGate, ReviewStore } from './review.ts';
import { OidcLogin } from './oidc.ts';
import type { OidcSettings } from '../schemas/oidc-settings.ts';
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
  /** The host portal is refreshed once saves have paused this long (ms). Default 10 s (see `PublisherOptions`). */
  hostRefreshMs?: number | undefined;
  /** …and at the latest this long after the first save that asked (ms). Default 60 s. */
  hostRefreshMaxMs?: number | undefined;
  /** Login through the hosting unit's OpenID Connect provider (`src/schemas/oidc-settings.ts`). */
  oidc?: OidcSettings | undefined;
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

/** The server cannot start, as an entry of `SERVER_ERRORS` (`render(lang)` for the command line). */
export class ServeError extends CatalogueError<ServerErrorName> {
  constructor(code: ServerErrorName, args: ErrorArgs = {}) {
    super(code, SERVER_ERRORS[code], args);
    this.name = 'ServeError';
  }
}

/** A request refused while it is read; `code` names the answer, rendered in the server's language. */
class HttpError extends Error {
  readonly status: number;
  readonly code: ServerErrorName;
  constructor(status: number, code: ServerErrorName) {
    super(code);
    this.status = status;
    this.code = code;
  }
}

async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'requestTooLarge');
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
  const refusal = (code: ServerErrorName, args: ErrorArgs = {}) => serverAnswer(code, args, lang);
  const log = opts.log ?? ((l: string) => console.log(l));
  const contentDir = path.resolve(opts.contentDir);
  if (!(await repositoryRoot(contentDir))) {
    throw new ServeError('notGitRepository', { dir: contentDir });
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
    hostRefreshMs: opts.hostRefreshMs,
    hostRefreshMaxMs: opts.hostRefreshMaxMs,
    warmRender: opts.warmRender,
    log,
  });
  await publisher.start();
  const gate = new ReviewGate({
    store: new ReviewStore(db.connection),
    publisher,
    contentDir,
    clock: opts.clock ?? (() => new Date()),
    log,
  });
  const host = opts.host ?? '127.0.0.1';
  const limiter = new LoginRateLimit();
  let publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : '';
  const secure = publicOrigin.startsWith('https:');
  const cookies = cookieNames(secure);
  const oidc = opts.oidc ? new OidcLogin(opts.oidc, () => `${publicOrigin}/login/oidc/callback`) : undefined;
  const oidcButton = oidc ? { label: oidc.settings.label } : undefined;
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
      html(res, status, loginPage(fresh, message, oidcButton), { 'Set-Cookie': setCookie(cookies.login, fresh, secure, 3600) });
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

  /** The login page again, with why the provider's login was refused. */
  function refuseOidc(res: ServerResponse, status: number, message: string): void {
    const fresh = randomBytes(24).toString('base64url');
    html(res, status, loginPage(fresh, message, oidcButton), {
      'Set-Cookie': [setCookie(cookies.login, fresh, secure, 3600), setCookie(cookies.oidc, '', secure, 0, 'Lax')],
    });
  }

  /** The provider sends the browser back here: the attempt is checked, then mapped to an existing account. */
  async function oidcCallback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!oidc) return;
    const label = oidc.settings.label;
    if (!limiter.allow(clientAddress(req))) {
      return refuseOidc(res, 429, 'Có quá nhiều lần đăng nhập từ máy này. Hãy đợi 15 phút rồi thử lại.');
    }
    if (url.searchParams.has('error')) {
      log(`OpenID Connect: ${label} trả lỗi ${JSON.stringify(url.searchParams.get('error')?.slice(0, 100))} (từ ${clientAddress(req)}).`);
      return refuseOidc(res, 403, `Hệ thống đăng nhập ${label} không xác nhận lần đăng nhập này. Hãy thử lại.`);
    }
    const outcome = await oidc.finish(parseCookies(req).get(cookies.oidc), url);
    if (!('value' in outcome)) {
      log(
        `OpenID Connect: từ chối (${outcome.reason}${'detail' in outcome ? `: ${outcome.detail.slice(0, 200)}` : ''}) từ ${clientAddress(req)}.`,
      );
      const text =
        outcome.reason === 'expired' || outcome.reason === 'state'
          ? `Đăng nhập qua ${label} không hoàn tất: lần đăng nhập không khớp với trình duyệt này hoặc đã quá 10 phút. Hãy bấm đăng nhập lại.`
          : outcome.reason === 'claim'
            ? `Tài khoản ${label} không cho biết địa chỉ thư đã xác minh. Hãy đăng nhập bằng mật khẩu hoặc nhờ đơn vị chủ quản kiểm tra.`
            : `Không xác thực được lần đăng nhập qua ${label}. Hãy thử lại; nếu vẫn lỗi, báo đơn vị chủ quản.`;
      return refuseOidc(res, 403, text);
    }
    // Never an account from the provider: only one the host created, matched exactly.
    const match = db.users().filter((u) => (oidc.settings.matchAccount === 'email' ? u.email.toLowerCase() : u.login) === outcome.value);
    const account = match.length === 1 ? match[0] : undefined;
    if (!account || account.disabled || (account.lockedUntil && account.lockedUntil > Date.now())) {
      log(
        `OpenID Connect: ${outcome.value} không khớp một tài khoản đang hoạt động (${match.length} tài khoản; từ ${clientAddress(req)}).`,
      );
      return refuseOidc(
        res,
        403,
        account
          ? 'Tài khoản trên máy chủ soạn bài đang bị khoá. Hãy nhờ đơn vị chủ quản mở khoá.'
          : `${outcome.value} (${label}) chưa được gắn với tài khoản nào trên máy chủ soạn bài. Hãy nhờ đơn vị chủ quản tạo tài khoản với địa chỉ này.`,
      );
    }
    const session = db.createSession(account.id, Date.now());
    log(`Đăng nhập qua OpenID Connect: ${account.login} (từ ${clientAddress(req)}).`);
    const home = account.role === 'admin' ? '/host/' : `/s/${account.school}/`;
    // A page rather than a redirect: the session cookie is SameSite=Strict, and a redirect chain
    // that began at the provider is a cross-site navigation in which browsers would not send it.
    html(
      res,
      200,
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${esc(home)}"><title>Đã đăng nhập</title></head><body><p><a href="${esc(home)}">Tiếp tục</a></p></body></html>`,
      {
        'Set-Cookie': [setCookie(cookies.session, session.token, secure, SESSION_MS / 1000), setCookie(cookies.oidc, '', secure, 0, 'Lax')],
      },
    );
  }

  /** An administrator's action on an account from the host's dashboard (as `congtruong users` does). */
  async function manageAccount(form: URLSearchParams, admin: Account): Promise<{ ok: boolean; text: string }> {
    const action = form.get('action');
    const login = (form.get('login') ?? '').trim().toLowerCase();
    if (action === 'add') {
      // Without a role field (older pages), an account with a school is its editor.
      const role = form.get('role') ?? (form.get('school') ? 'editor' : 'admin');
      const school = role === 'admin' ? '' : (form.get('school') ?? '');
      const checked = accountSchema.safeParse({
        login,
        name: form.get('name') ?? '',
        email: (form.get('email') ?? '').trim(),
        role,
        school: school === '' ? undefined : school,
      });
      if (!checked.success) {
        const fields = [...new Set(checked.error.issues.map((i) => String(i.path[0])))];
        const explain: Record<string, string> = {
          login: 'tên đăng nhập cần 3–64 ký tự chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới',
          name: 'cần họ tên đầy đủ',
          email: 'cần một địa chỉ thư điện tử',
          school: 'biên tập viên và người duyệt cần chọn một trường',
          role: 'quyền phải là biên tập viên, người duyệt hoặc quản trị',
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
    if (!post && method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', refusal('methodNotAllowed'));
    if (post && !originAllowed(req, { publicOrigin })) {
      return json(res, 403, { error: refusal('originRefused') });
    }
    if (p === '/favicon.ico' || p === '/robots.txt') return send(res, 404, 'text/plain; charset=utf-8', refusal('notFound'));
    if (p === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok');
    if (p === '/login') {
      if (post) return login(req, res);
      // The token of an earlier visit is kept: a second tab (or the browser fetching a favicon
      // through the redirect) must not invalidate the form already shown.
      const kept = parseCookies(req).get(cookies.login);
      const token = kept && /^[\w-]{32}$/.test(kept) ? kept : randomBytes(24).toString('base64url');
      return html(res, 200, loginPage(token, undefined, oidcButton), { 'Set-Cookie': setCookie(cookies.login, token, secure, 3600) });
    }
    if (oidc && !post && (p === '/login/oidc' || p === '/login/oidc/callback')) {
      if (p === '/login/oidc') {
        let started: { url: string; handle: string };
        try {
          started = await oidc.start();
        } catch (err) {
          log(`OpenID Connect: không đọc được thông tin của ${oidc.settings.issuer}: ${err instanceof Error ? err.message : String(err)}`);
          return refuseOidc(
            res,
            502,
            `Chưa kết nối được với hệ thống đăng nhập ${oidc.settings.label}. Hãy thử lại sau, hoặc đăng nhập bằng mật khẩu.`,
          );
        }
        res.writeHead(303, {
          Location: started.url,
          'Cache-Control': 'no-store',
          'Set-Cookie': setCookie(cookies.oidc, started.handle, secure, 600, 'Lax'),
        });
        res.end();
        return;
      }
      return oidcCallback(req, res, url);
    }
    const session = sessionOf(req);
    const account = session?.account;
    const wantsJson = p.endsWith('/api/v1') || p.endsWith('/api/v1/') || p.includes('/api/history');
    if (!account || !session?.csrf) {
      if (wantsJson) return json(res, 401, { error: refusal('sessionExpired') });
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
        return json(res, 403, { error: refusal('csrfMissing') });
      }
      if (p === '/logout') {
        db.endSession(session.token);
        return redirect(res, '/login', { 'Set-Cookie': setCookie(cookies.session, '', secure, 0) });
      }
    }
    if (p === '/') return redirect(res, account.role === 'admin' ? '/host/' : `/s/${account.school}/`);
    if (p === '/host/' || p === '/host' || p === '/host/users' || p === '/host/review') {
      if (account.role !== 'admin') return html(res, 403, refusal('adminOnly'));
      let notice: { ok: boolean; text: string } | undefined;
      if (p === '/host/users') {
        if (!post || !form) return redirect(res, '/host/');
        notice = await manageAccount(form, account);
      }
      if (p === '/host/review') {
        if (!post || !form) return redirect(res, '/host/');
        const id = form.get('school') ?? '';
        if (!(await schoolIds(contentDir)).includes(id)) notice = { ok: false, text: `Không có trường "${id}".` };
        else {
          const on = form.get('review') === 'on';
          gate.store.setReview(id, on);
          log(`Duyệt bài: ${account.login} ${on ? 'bật' : 'tắt'} cho trường ${id}.`);
          const approvers = db.users().filter((u) => u.role === 'approver' && u.school === id && !u.disabled).length;
          notice = {
            ok: true,
            text: on
              ? `Đã bật duyệt bài cho trường ${id}: thay đổi của biên tập viên chờ người duyệt đồng ý.${approvers === 0 ? ' Trường chưa có tài khoản người duyệt: hãy tạo một tài khoản với quyền "Người duyệt bài của trường".' : ''}`
              : `Đã tắt duyệt bài cho trường ${id}: thay đổi của biên tập viên được đăng ngay. Các thay đổi đang chờ vẫn cần duyệt.`,
          };
        }
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
          review: gate.store.reviewOn(id),
        })),
      );
      return html(
        res,
        notice && !notice.ok ? 422 : 200,
        hostDashboard({ account, csrf: session.csrf, schools, users: db.users(), notice }),
      );
    }
    const m = /^\/s\/([^/]+)(\/.*)?$/.exec(p);
    if (!m) return send(res, 404, 'text/plain; charset=utf-8', refusal('notFound'));
    // School ids are plain slugs: anything else (escapes included) names no school.
    const school = m[1]!;
    const rest = m[2] ?? '/';
    // Another school's id, even one that does not exist, is refused the same way.
    if (!canEdit(account, school) || !(await schoolIds(contentDir)).includes(school)) {
      log(`Từ chối: ${account.login} truy cập trường ${school} (${method} ${p}).`);
      if (wantsJson) return json(res, 403, { error: refusal('schoolForbidden', { login: account.login, school }) });
      return html(res, 403, refusal('schoolForbidden', { login: esc(account.login), school: esc(school) }));
    }
    const schoolDir = path.join(contentDir, 'schools', school);
    if (rest === '/api/v1' || rest === '/api/v1/') {
      if (!post) return json(res, 405, { error: 'POST' });
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)).toString('utf8'));
      } catch (err) {
        if (err instanceof HttpError) throw err;
        return json(res, 400, { error: refusal('notJson') });
      }
      const answer = await handleApi({ school, schoolDir, account, publisher: gate.saverFor(account), lang, started }, body);
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
            return json(res, 400, { error: refusal('notJson') });
          }
          const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
          form = new URLSearchParams(fields.filter((e): e is [string, string] => typeof e[1] === 'string'));
        } else form = new URLSearchParams(raw);
      }
      const answer = await handleHistory(
        { contentDir, school, schoolDir, account, csrf: session.csrf, publisher: gate.saverFor(account), lang, started, log },
        { method, rest, query: url.searchParams, form },
      );
      if (!answer) return send(res, 404, 'text/plain; charset=utf-8', refusal('notFound'));
      return answer.type === 'json' ? json(res, answer.status, answer.body) : html(res, answer.status, answer.body);
    }
    const reviewRoute = /^\/review\/(\d{1,12})(\/approve|\/reject)?$/.exec(rest);
    if (reviewRoute) {
      const id = Number(reviewRoute[1]);
      const action = reviewRoute[2];
      let notice: { ok: boolean; text: string } | undefined;
      let status = 200;
      if (post !== (action !== undefined)) return send(res, 405, 'text/plain; charset=utf-8', refusal('methodNotAllowed'));
      if (action) {
        // Editors send changes; only the school's approver (or the host) publishes or returns them.
        if (!ReviewGate.mayDecide(account, school)) {
          log(`Từ chối: ${account.login} (${account.role}) duyệt thay đổi #${id} của trường ${school}.`);
          return html(res, 403, esc(refusal('reviewForbidden', { login: account.login })));
        }
        const decision =
          action === '/approve' ? await gate.approve(id, school, account) : gate.reject(id, school, account, form?.get('reason') ?? '');
        status = decision.status;
        notice = { ok: decision.ok && decision.status === 200, text: decision.message.vi };
      }
      const change = gate.store.get(id);
      if (!change || change.school !== school) return html(res, 404, refusal('reviewNotFound'));
      const current = await Promise.all(
        change.files.map((f) =>
          /\.(md|ya?ml|json|txt)$/i.test(f.rel)
            ? readFile(path.join(schoolDir, f.rel), 'utf8').catch(() => undefined)
            : Promise.resolve(undefined),
        ),
      );
      return html(
        res,
        status,
        reviewPage({ account, csrf: session.csrf, school, change, current, mayDecide: ReviewGate.mayDecide(account, school), notice }),
      );
    }
    if (post) return send(res, 405, 'text/plain; charset=utf-8', refusal('methodNotAllowed'));
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
          review: {
            on: gate.store.reviewOn(school),
            pending: gate.store.list(school, ['pending']),
            // An editor sees the changes returned to them; the approver and the host see all of them.
            rejected: gate.store.list(school, ['rejected'], 20).filter((c) => account.role !== 'editor' || c.login === account.login),
          },
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
          backend: { ...rest.backend, proxy_url: `/s/${school}/api/v1` },
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
    return send(res, 404, 'text/plain; charset=utf-8', refusal('notFound'));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      // The details go to the server's log, never to the browser.
      if (status === 500)
        log(`Lỗi máy chủ khi xử lý ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const message = refusal(err instanceof HttpError ? err.code : 'internal');
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
